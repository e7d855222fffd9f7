"""Argument checks shared by the libraries, worded as Lua's ``luaL_*``.

A library function is named the way its caller named it (``lua_getinfo``'s
"n"): ``rep`` for ``s:rep()``, ``f`` for a local alias, ``for iterator`` in a
generic for; a method call counts ``self`` out of the argument numbers. The
name comes from the caller's call site, found by walking the Python frames
(only when an error is raised, so it costs nothing otherwise).
"""

from __future__ import annotations

import re
import sys
from typing import Any

from ..runtime import loops
from ..runtime import ops as _ops
from ..runtime.ops import OpError
from ..runtime.trace import LIB_CODES, lua_info, site_at, where
from ..runtime.values import (
    ClassTable,
    Table,
    float_to_int,
    number_to_str,
    obj_type_name,
    str_to_number,
)

# ===================================================== shared argument checks

# helpers generated code calls functions through (not callers of their own)
_TRAMPOLINES = {getattr(_ops, n).__code__ for n in ("call_n",) if hasattr(_ops, n)}
# the generic for's driver: a function it calls is named 'for iterator'
_FOR_DRIVERS = {getattr(loops, n).__code__ for n in ("_generic_iter",) if hasattr(loops, n)}
_NAMED = re.compile(r"(global|local|method|field|upvalue|constant) '(.*)'\Z", re.S)


class LibError(OpError):
    """An error raised the way ``luaL_error`` does: the translator prefixes
    the position of the Lua code that called the library function. (Plain
    ``OpError``s raised by operations inside a library function get no
    position, as in Lua where they happen inside a C function.)"""

    def __init__(self, msg: str) -> None:
        super().__init__(msg, None, True)


def called_name(qual: str) -> tuple:
    """``(name, is_method)`` of the running library function as its caller
    named it (Lua's ``lua_getinfo(L, "n")``), or ``(qual, False)``."""
    f = sys._getframe(1)
    while f is not None and f.f_code not in LIB_CODES:
        f = f.f_back
    if f is None:
        return qual, False
    caller = f.f_back
    while caller is not None and caller.f_code in _TRAMPOLINES:
        caller = caller.f_back
    if caller is not None and caller.f_code in _FOR_DRIVERS:
        return "for iterator", False
    if caller is None or lua_info(caller.f_code) is None:
        return qual, False
    site = site_at(caller.f_code, caller.f_lasti)
    if site and site[0] in ("call", "tailcall") and len(site) > 2 and site[2]:
        m = _NAMED.match(site[2])
        if m:
            return m.group(2), m.group(1) == "method"
    return qual, False


def caller_where() -> str:
    """``luaL_where(L, 1)`` for the running library function: ``chunk:line: ``
    of its Lua caller, or '' when a library function called it."""
    f = sys._getframe(1)
    while f is not None and f.f_code not in LIB_CODES:
        f = f.f_back
    if f is None:
        return ""
    caller = f.f_back
    while caller is not None and caller.f_code in _TRAMPOLINES:
        caller = caller.f_back
    if caller is None or lua_info(caller.f_code) is None:
        return ""
    return where(caller)


def arg_error(n: int, qual: str, msg: str) -> LibError:
    """``luaL_argerror``: ``bad argument #n to 'name' (msg)``."""
    name, method = called_name(qual)
    if method:
        n -= 1
        if n == 0:
            return LibError(f"calling '{name}' on bad self ({msg})")
    return LibError(f"bad argument #{n} to '{name}' ({msg})")


typename_of = obj_type_name  # type name for messages (honours __name)


def type_error(args: tuple, n: int, qual: str, expected: str) -> LibError:
    got = typename_of(args[n - 1]) if len(args) >= n else "no value"
    return arg_error(n, qual, f"{expected} expected, got {got}")


def check_any(args: tuple, n: int, qual: str) -> Any:
    if len(args) < n:
        raise arg_error(n, qual, "value expected")
    return args[n - 1]


def check_table(args: tuple, n: int, qual: str) -> Table:
    if len(args) >= n and ((c := args[n - 1].__class__) is Table or c is ClassTable):
        return args[n - 1]
    raise type_error(args, n, qual, "table")


def check_integer(args: tuple, n: int, qual: str) -> int:
    """``luaL_checkinteger``."""
    v = args[n - 1] if len(args) >= n else None
    c = v.__class__
    if c is bytes:  # a numeric string counts as its number
        x = str_to_number(v)
        if x is not None:
            v, c = x, x.__class__
    if c is int:
        return v
    if c is float:
        i = float_to_int(v)
        if i is None:
            raise arg_error(n, qual, "number has no integer representation")
        return i
    raise type_error(args, n, qual, "number")


def opt_integer(args: tuple, n: int, qual: str, default: Any) -> Any:
    """``luaL_optinteger``: ``default`` when the argument is absent or nil."""
    if len(args) < n or args[n - 1] is None:
        return default
    v = args[n - 1]
    if v.__class__ is int:
        return v
    return check_integer(args, n, qual)


def check_number(args: tuple, n: int, qual: str) -> Any:
    """``luaL_checknumber`` (numeric strings converted; keeps int/float)."""
    v = args[n - 1] if len(args) >= n else None
    c = v.__class__
    if c is int or c is float:
        return v
    if c is bytes:
        x = str_to_number(v)
        if x is not None:
            return x
    raise type_error(args, n, qual, "number")


def check_string(args: tuple, n: int, qual: str) -> bytes:
    """``luaL_checklstring`` (numbers converted)."""
    v = args[n - 1] if len(args) >= n else None
    c = v.__class__
    if c is bytes:
        return v
    if c is int or c is float:
        return number_to_str(v)
    raise type_error(args, n, qual, "string")


def opt_string(args: tuple, n: int, qual: str, default: Any) -> Any:
    if len(args) < n or args[n - 1] is None:
        return default
    return check_string(args, n, qual)


