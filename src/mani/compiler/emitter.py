"""Writing Python lines: the generator's output buffer and its bookkeeping.

``Emitter`` appends indented lines (each with the Lua line it comes from),
names temporaries and generated functions, caches a local's class in a
variable, and hoists statements that an expression needs before the
statement that holds it (``with_pending``: function definitions, constructors
built by statements). ``FuncGen`` is the state of the Python function being
generated for one Lua function. Emits no runtime helpers of its own.
"""

from __future__ import annotations

from typing import Optional

from ..syntax import nodes as N
from ..syntax.resolve import Var


COMMENT_WIDTH = 80  # Lua source shown in a comment, in characters


class Emitter:
    """Output lines, temporaries, generated names, hoisted statements. (A mixin of ``codegen.CodeGen``.)"""

    def emit(self, text: str, line: Optional[int] = None) -> None:
        self.lines.append("    " * self.indent + text)
        self.linemap.append(self.cur_line if line is None else line)

    def cls(self, code: str) -> str:
        """``code.__class__``, or the variable caching it (see cache_class)."""
        cached = self.fn.cls_cache.get(code)
        return cached if cached is not None else f"{code}.__class__"

    def cache_class(self, v: Var) -> None:
        """A local that never changes after its declaration and is used often
        gets its class computed once, right after the declaration; guards
        read the variable instead of ``v.__class__``."""
        if v.assigned or v.boxed or v.static_type is not None or v.const_value is not None or v.uses < 3:
            return
        name = f"_c_{v.pyname}"
        self.emit(f"{name} = {v.pyname}.__class__")
        self.fn.cls_cache[v.pyname] = name

    def temp(self, hint: str = "t") -> str:
        """A new temporary, named after what it holds (``_res3``, ``_cls4``):
        a name costs nothing at run time and helps the reader. Lua locals
        never start with ``_`` (resolve.py), so temporaries cannot clash."""
        self.fn.ntemps += 1
        return f"_{hint}{self.fn.ntemps}"

    def comment_source(self, line: int) -> None:
        """``# [line] <Lua source>`` above the Python of the first statement
        on each Lua line of a function: the generated code says where it
        comes from. Comments vanish in the bytecode."""
        if line == self.fn.commented_line or not 0 < line <= len(self.source_lines):
            return
        self.fn.commented_line = line
        text = self.source_lines[line - 1].decode("utf-8", "replace").strip()
        # nothing that could end the comment line or confuse finish()'s markers
        text = "".join(ch if ch.isprintable() else " " for ch in text)
        if len(text) > COMMENT_WIDTH:
            text = text[: COMMENT_WIDTH - 3] + "..."
        self.emit(f"# [{line}] {text}", line)

    def fn_name(self, lua_name: Optional[str]) -> str:
        base = "anon"
        if lua_name:
            base = "".join(ch if ch.isalnum() else "_" for ch in lua_name)
            if not base[0].isalpha():
                base = "f_" + base
        name = base
        i = 1
        while name in self.used_fn_names:
            i += 1
            name = f"{base}_{i}"
        self.used_fn_names.add(name)
        return "lua_" + name

    def open_body(self) -> int:
        """At the start of a generated function's body: placeholders for its
        docstring and ``nonlocal`` declaration (written by ``close_body``);
        returns where they are."""
        at = len(self.lines)
        self.emit("pass")  # replaced by the docstring
        self.emit("pass")  # replaced by the nonlocal declaration
        return at

    def close_body(self, at: int, lua_line: int) -> None:
        """Fill the placeholders of ``open_body`` for the function being
        generated: the docstring marker (positions.finish writes the
        docstring: its sites, spans and line map) and the ``nonlocal``
        declaration (the meter and the outer names it rebinds)."""
        fn = self.fn
        # site ids stay ints here: json writes the keys of both site tables
        # as strings (finish)
        self.docs.append([self.chunkname, fn.doc_name, lua_line, fn.sites, fn.outlined])
        ind = "    " * fn.base_indent
        self.lines[at] = ind + f"\x04{len(self.docs) - 1}"
        fn.nonlocals.add("_B")
        self.lines[at + 1] = ind + "nonlocal " + ", ".join(sorted(fn.nonlocals))

    def with_pending(self, produce):
        """Run ``produce`` (which compiles expressions); emit hoisted
        function definitions before the statement that uses them."""
        saved = self.pending
        self.pending = []
        result = produce()
        hoisted = self.pending
        self.pending = saved
        for block in hoisted:
            for ln, lua_line in block:
                self.lines.append(ln)
                self.linemap.append(lua_line)
        return result


class FuncGen:
    """State of the Python function being generated for one Lua function."""

    def __init__(self, node: N.Function, pyname: str, parent: Optional["FuncGen"]):
        self.node = node
        self.pyname = pyname
        self.parent = parent
        self.ntemps = 0
        self.nonlocals: set[str] = set()
        self.sites: dict[int, list] = {}
        self.loop_stack: list = []  # per Python loop: dict of info
        self.floaty = False
        self.cls_cache: dict = {}  # local name -> variable holding its class
        self.init_at = 0  # index of the line after the function's meter line
        # integer locals known to be >= a constant here (see _guard_bound)
        self.lower_bounds: dict = {}
        # in the general body of an integer-speculated function: its
        # speculated parameters (not all of them held integers on entry)
        self.not_all_ints: frozenset = frozenset()
        self.commented_line = 0  # the Lua line of the last source comment
        self.doc_name = "?"  # the Lua function's name in its docstring
        # nesting, for compiler/outline.py: the indentation of the body, the
        # loop and try blocks open around the code being generated
        self.base_indent = 0
        self.blocks = 0
        # a block moved into a function of its own (outline.py): how many
        # such levels deep, whether a loop of the enclosing code encloses
        # it, and the jumps that leave it (None for break, else the Goto)
        self.outlined = 0
        self.in_loop = False
        # scopes of to-be-closed variables (and generic for bodies, whose
        # closing value is one) around the code: a return there is no tail
        # call, as in Lua 5.4 (the variable is closed after the call)
        self.tbc = 0
        self.exits: list = []
