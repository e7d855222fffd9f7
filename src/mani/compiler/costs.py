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

from dataclasses import dataclass, field, astuple

from ..syntax import nodes as N


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
    return _statements(block.stmts)


def _statements(stmts: list) -> int:
    n = 0
    stack = [N.Block(stmts, 0)]
    while stack:
        b = stack.pop()
        for s in b.stmts:
            if isinstance(s, N.Label):
                continue
            n += 1
            if isinstance(s, N.If):
                stack.extend(body for _, body in s.tests)
                if s.orelse is not None:
                    stack.append(s.orelse)
            elif isinstance(s, N.Do):
                stack.append(s.body)
    return n


def entry_cost(model: CostModel, fn: N.Function) -> int:
    return model.call + model.statement * region_statements(fn.body)


def loop_cost(model: CostModel, body: N.Block) -> int:
    return model.loop + model.statement * region_statements(body)


def goto_cost(model: CostModel, stmts: list) -> int:
    """A goto back to a label: an iteration over the statements from the
    label to the end of its block."""
    return model.loop + model.statement * _statements(stmts)
