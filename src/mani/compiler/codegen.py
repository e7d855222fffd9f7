"""Lua AST -> Python source text, compiled as it is.

The generator writes Python source text (readable: ``mani compile --python``
prints it). Each *site* (a Lua operation that can fail) is wrapped in
control-character markers while the text is built; ``finish`` strips them,
recording the column span of each site on its Python line, and writes each
function's docstring: its sites, their spans and a map from Python lines to
Lua lines. When a Python exception escapes a generated function, the site
whose span holds the failing instruction says which Lua operation failed and
how to name its operands (``local 'x'``), so error reporting costs nothing
at run time (runtime/trace.py).

Shape of the output::

    def __outer__():                   # never called: it makes these cells
        _B = None                      # the State's cost meter
        _T = None                      # its tail-call counter
        _ENV = None                    # the environment of one load
        def main(*varargs):            # the Lua main chunk
            "<lua function info>"
            nonlocal _B
            if (_B := _B - 3) < 0: budget_out()
            ...
        return main

A Program keeps the code of ``main``; ``State`` makes a function of it per
load, with the State's cells and a new ``_ENV`` cell as its closure. (One
level of Python functions less than binding ``_ENV`` by a call: a third
of the time CPython takes to compile a small chunk.)

Value conventions are in runtime/values.py; a call returns one value as
itself and zero or several values as a tuple.

``CodeGen`` holds the state of one chunk's generation; what each Lua
construct compiles to lives in a module of its own, one mixin each:

  statements.py   statement dispatch, blocks, if, do, return, <close> scopes
  loops.py        while, repeat, numeric and generic for
  gotos.py        goto, labels, break (dispatch loops and jump flags)
  assignments.py  local, =, table stores, the t[#t + 1] append idiom
  functions.py    function definitions, parameters, closures
  calls.py        calls, method calls, argument lists, multiple results
  tables.py       table constructors
  operators.py    arithmetic, bitwise, .., comparisons, unary operators
  numtrees.py     one guard over a whole + - * / tree
  expressions.py  literals, names, indexing, and/or, conditions
  metering.py     meter check points
  outline.py      deeply nested blocks moved into local functions
  positions.py    sites, markers, docstrings (finish)
  emitter.py      output lines, temporaries, hoisted statements
"""

from __future__ import annotations

from typing import Optional

from ..syntax import nodes as N
from . import costs
from .assignments import Assignments
from .callcharge import CallCharges
from .calls import Calls
from .chains import Chains
from .emitter import Emitter, FuncGen
from .expressions import Expressions
from .functions import Functions
from .gotos import Gotos
from .loops import Loops
from .metering import Metering
from .numtrees import NumericTrees
from .operators import Operators
from .outline import Outlining
from .positions import SiteMarks, finish
from .private_tables import mark_private_tables
from .statements import Statements
from .subtrees import BodyNodes
from .tables import Tables


class CodeGen(Statements, Loops, Gotos, Assignments, Functions, Calls, Tables, Chains, Operators, NumericTrees,
              Expressions, Metering, Outlining, SiteMarks, Emitter):
    """The generator of one chunk: the state shared by every part (output
    lines, the function being generated, hoisted statements, flags of the
    copy being generated) and the entry point ``chunk``. What each Lua
    construct compiles to is in the module of its concern (the mixins)."""

    def __init__(self, chunkname: str, model: costs.CostModel, nodes: BodyNodes, metered: bool = True,
                 source: bytes = b""):
        self.chunkname = chunkname
        self.source_lines = source.split(b"\n")  # for the source comments
        self.model = model
        # False only for measuring what metering costs (engine._compile_program
        # with metered=False, used by bench/run.py --no-meter): no charges
        self.metered = metered
        self.calls: CallCharges = None  # type: ignore[assignment]  # set by chunk()
        self.nodes = nodes  # nodes below any node, from one walk of the chunk
        self.lines: list[str] = []
        self.linemap: list[int] = []
        self.indent = 0
        self.cur_line = 0
        self.fn: FuncGen = None  # type: ignore[assignment]
        self.last_site = 0  # site ids are unique in the chunk, from 1
        self.used_fn_names: set[str] = set()
        self.pending: list = []  # hoisted statements for the current statement
        self.docs: list = []  # per function: [chunk, name, line, sites]
        self.scope_costs: list = []
        self.leaf_refs: Optional[dict] = None  # see NumericTrees
        self.second_variant = False  # generating a second copy of some code
        self.loop_spec = False  # inside a loop with an integer-typed copy
        self.table_stmts = False  # the next constructor may become statements
        self.deep_tables = False  # inside a nest of constructors built by statements
        self.no_wrap: set = set()  # ids of integer +/- nodes that cannot wrap
        # local functions never reassigned: Var -> (parameter count, vararg)
        self.fixed_functions: dict = {}

    def chunk(self, chunk: N.Chunk) -> str:
        self.emit("def __outer__():", 0)
        self.indent += 1
        self.emit("_B = None")
        self.emit("_T = None")
        self.emit("_ENV = None")
        self.calls = CallCharges(chunk, self.model)
        root = costs.ScopeCost("main chunk", 0, 0)
        self.scope_costs.append(root)
        name = self.function(chunk.func, "main", is_main=True)
        self.emit(f"return {name}")
        return "\n".join(self.lines) + "\n"


def generate(chunk: N.Chunk, model: costs.CostModel, metered: bool = True, source: bytes = b"") -> tuple:
    """Return (Python source text, scope costs) for a resolved chunk.
    ``metered=False`` leaves out every charge (only to measure metering).
    ``source``, the Lua text, is quoted in comments above each statement."""
    nodes = BodyNodes(chunk)
    mark_private_tables(nodes.bodies)
    gen = CodeGen(chunk.source_name, model, nodes, metered, source)
    gen.chunk(chunk)
    return finish(gen), gen.scope_costs[0]
