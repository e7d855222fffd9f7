"""Small questions about Lua AST nodes that several parts of the code
generator ask: is it a literal, an integer literal, a constant folded as
reference Lua folds it, a private table, an expression with several values?
"""

from __future__ import annotations

import operator
from typing import Optional

from ..syntax import nodes as N
from . import types
from .runtime_names import wrap_int


def is_multi(e: N.Node) -> bool:
    """Can this expression produce several values (at the end of a list)?
    A call of a local function known to return one value cannot."""
    if isinstance(e, N.Call):
        f = e.func
        return not (isinstance(f, N.Name) and f.var is not None and f.var.single_return)
    return isinstance(e, (N.MethodCall, N.Vararg))


def is_private(e) -> bool:
    """A local holding a table no other code can reach (private_tables.py)."""
    e = types.unparen(e) if e is not None else None
    return isinstance(e, N.Name) and e.var is not None and e.var.private


def is_literal(e: N.Node) -> bool:
    """A number, string or boolean literal (nil is left to the general path)."""
    return isinstance(types.unparen(e), (N.Number, N.String, N.TrueExpr, N.FalseExpr))


def int_literal(e: N.Node) -> Optional[int]:
    """The value of an integer literal, possibly negated; else None."""
    if isinstance(e, N.UnOp) and e.op == "-" and isinstance(e.operand, N.Number):
        v = e.operand.value
        return -v if v.__class__ is int else None
    if isinstance(e, N.Number) and e.value.__class__ is int:
        return e.value
    return None


def folded_int(e: N.Node) -> Optional[int]:
    """The value of an integer constant expression as reference Lua's
    compiler folds it (literals, unary minus, + - * // %), else None."""
    e = types.unparen(e)
    if isinstance(e, N.Number):
        return e.value if e.value.__class__ is int else None
    if isinstance(e, N.UnOp) and e.op == "-":
        v = folded_int(e.operand)
        return None if v is None else wrap_int(-v)
    fold = _INT_FOLDS.get(e.op) if isinstance(e, N.BinOp) else None
    if fold is not None:
        a, b = folded_int(e.left), folded_int(e.right)
        if a is None or b is None or e.op in ("//", "%") and b == 0:
            return None
        return wrap_int(fold(a, b))
    return None


# Lua's integer // and % floor like Python's
_INT_FOLDS = {"+": operator.add, "-": operator.sub, "*": operator.mul, "//": operator.floordiv, "%": operator.mod}
