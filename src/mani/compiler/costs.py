"""The cost model and the static cost of code regions.

The generated code charges the State's meter at *check points*: the entry of
every function and the top of every loop iteration. Each check point charges
the static cost of the straight-line region it guards: a base weight (``call``
or ``loop``) plus ``statement`` for every statement of the region (branches of
an ``if`` included, nested loops and functions excluded: they charge
themselves). The charge is a compile-time constant, so metering costs one
subtraction and one comparison per check point, and the same code always
costs the same.

A goto back to a label is a loop iteration: it charges ``loop`` plus the
statements from the label to the end of its block. The entry of a local
function that is only ever called directly is charged by its callers
(compiler/callcharge.py): the same amount per call, at an earlier check
point.
"""

from __future__ import annotations

from dataclasses import astuple, dataclass, field

from ..syntax import nodes as N
from .runtime_names import BYTES_PER_UNIT, CONCAT_INLINE_MAX
from .subtrees import CHILDREN


@dataclass(frozen=True)
class CostModel:
    """Weights of the cost meter. Immutable; part of the Engine fingerprint."""

    call: int = 1  # entering any Lua function
    loop: int = 1  # each iteration of any loop
    statement: int = 1  # each statement of a region
    # (library functions charge fixed amounts proportional to their work:
    # about one unit per 64 bytes or per 8 elements touched, see stdlib/)

    def fingerprint(self) -> tuple:
        return astuple(self)


@dataclass
class ScopeCost:
    """Static cost of one function: ``entry`` is charged per call, ``loops``
    per iteration of each loop (by line), ``children`` are nested functions."""

    name: str
    line: int
    entry: int
    loops: list = field(default_factory=list)  # list[tuple[int line, int cost]]
    children: list = field(default_factory=list)

    def total_static(self) -> int:
        return self.entry + sum(c for _, c in self.loops) + sum(ch.total_static() for ch in self.children)


_LOOPS = (N.While, N.Repeat, N.NumericFor, N.GenericFor)


def region_statements(block: N.Block) -> int:
    """Statements of a block's straight-line region (see module docstring)."""
    return _statements(block.stmts)[0]


def _statements(stmts: list) -> tuple:
    """(statements, extra allocation units) of a straight-line region."""
    n = extra = 0
    stack = [N.Block(stmts, 0)]
    while stack:
        b = stack.pop()
        for s in b.stmts:
            if isinstance(s, N.Label):
                continue
            n += 1
            extra += allocation_units(s)
            if isinstance(s, N.If):
                stack.extend(body for _, body in s.tests)
                if s.orelse is not None:
                    stack.append(s.orelse)
            elif isinstance(s, N.Do):
                stack.append(s.body)
    return n, extra


# ---------------------------------------------------------------- memory
# The memory meter (runtime/memory.py) assumes that inline code keeps at most
# BYTES_PER_UNIT bytes alive per cost unit. A statement pays one unit, which
# covers one allocating node (a table, a closure, a concatenation built
# inline, a few constructor items); a statement that holds more pays one
# more unit per BYTES_PER_UNIT bytes they can keep. Few statements do, so
# the costs of ordinary code are not changed.
TABLE_BYTES = 232  # a table with a few entries
ITEM_BYTES = 48  # a constructor item
FUNCTION_BYTES = 400  # a closure with a few upvalue cells
CONCAT_BYTES = CONCAT_INLINE_MAX + 40  # a concatenation built inline


def allocation_units(stmt: N.Node) -> int:
    """Units a statement pays for what its own expressions allocate, beyond
    the one unit every statement pays (nested blocks and function bodies
    are other regions)."""
    size = 0
    stack: list = _children(stmt)
    while stack:
        e = stack.pop()
        if isinstance(e, N.Function):
            size += FUNCTION_BYTES
            continue
        if isinstance(e, N.Table):
            size += TABLE_BYTES + ITEM_BYTES * len(e.fields)
        elif isinstance(e, N.BinOp) and e.op == "..":
            size += CONCAT_BYTES
            # a chain a .. b .. c is built as one string
            while isinstance(e, N.BinOp) and e.op == "..":
                stack.append(e.left)
                e = e.right
            stack.append(e)
            continue
        stack.extend(_children(e))
    return max(0, -(-size // BYTES_PER_UNIT) - 1)


def _children(node: N.Node) -> list:
    """The child expressions of ``node`` (blocks are other regions)."""
    get = CHILDREN.get(node.__class__)
    if get is None:
        return []
    return [x for x in get(node) if x is not None and x.__class__ is not N.Block]


def entry_cost(model: CostModel, fn: N.Function) -> int:
    n, extra = _statements(fn.body.stmts)
    return model.call + model.statement * n + extra


def loop_cost(model: CostModel, body: N.Block) -> int:
    n, extra = _statements(body.stmts)
    return model.loop + model.statement * n + extra


def goto_cost(model: CostModel, stmts: list) -> int:
    """A goto back to a label: an iteration over the statements from the
    label to the end of its block."""
    n, extra = _statements(stmts)
    return model.loop + model.statement * n + extra
