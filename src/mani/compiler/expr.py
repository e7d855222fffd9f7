"""What the code generator passes around: a compiled expression and the
static type tags it carries.

The tags are those of ``types.py`` plus ``NIL`` (a ``nil`` literal). A type
tag on an ``Expr`` lets operators, stores and conditions drop their guards.
"""

from __future__ import annotations

from typing import Optional

from .types import BOOL, FLOAT, FUNC, INT, NUMS, STR, TABLE

NIL = "nil"
NON_NIL = (INT, FLOAT, STR, BOOL, TABLE, FUNC)

__all__ = ["BOOL", "FLOAT", "FUNC", "INT", "NUMS", "STR", "TABLE", "NIL", "NON_NIL", "Expr"]


class Expr:
    """A compiled expression: Python source, static Lua type (or None) and
    whether the text is cheap and side-effect free to repeat.

    ``volatile``: an upvalue that some function assigns. Lua reads it where
    it stands in the evaluation order (a local is a register read when the
    operation runs), so as the left operand of a binary operator it must be
    bound before a right operand with effects runs. (An indexed upvalue is
    read after the key, as the generated code does anyway.)"""

    __slots__ = ("code", "ty", "simple", "volatile")

    def __init__(self, code: str, ty: Optional[str] = None, simple: bool = False, volatile: bool = False):
        self.code = code
        self.ty = ty
        self.simple = simple
        self.volatile = volatile
