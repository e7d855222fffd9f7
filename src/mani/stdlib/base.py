"""The base library: print, type, tostring, pairs, pcall, error, ...

Functions that need no State are plain module functions shared by every
State. The few that do (print, tostring, getmetatable) are built per State by
``bind(rt)``, a handful of closures: cheap enough for ``new_state``.

Every function exposed to Lua accepts any number of arguments (``*args``):
a Python TypeError from argument binding would be mistaken for "attempt to
call" by the error translator.
"""

from __future__ import annotations

import sys
from typing import Any

from ..errors import LuaError, RunStopped
from ..runtime import loops
from . import args as _args
from .args import arg_error, check_any, check_table, type_error
from ..runtime.ops import OpError, border, call_n, eq, first, metamethod, rawget as _rawget, rawset as _rawset
from ..runtime.context import _tls  # _tls.rt: context.current() without its call
from ..runtime.trace import LIB_CODES, error_value, lib_function, lua_info, where
from ..runtime.values import (
    FUNCTION_TYPES,
    MAXINT,
    MININT,
    ClassTable,
    Table,
    Userdata,
    _BoolKey,
    float_to_int,
    lookup_key,
    number_to_str,
    obj_type_name,
    set_metatable,
    str_to_number,
    type_name,
    wrap_int,
)

try:  # greenlet's exit must pass through pcall like GeneratorExit
    from greenlet import GreenletExit
except ImportError:  # pragma: no cover
    class GreenletExit(BaseException):  # type: ignore[no-redef]
        pass

_UNCATCHABLE = (RunStopped, GeneratorExit, GreenletExit, KeyboardInterrupt, SystemExit)


def lib_error(msg: str) -> OpError:
    """An error a library function raises like ``luaL_error``: positioned at
    the function's Lua caller."""
    return _args.LibError(msg)


def check_int(args: tuple, n: int, fname: str, default: Any = None) -> int:
    if default is not None:
        return _args.opt_integer(args, n, fname, default)
    return _args.check_integer(args, n, fname)


# ----------------------------------------------------------------- functions


# type()'s answer by class, as Lua strings (threads and userdata take the
# general path)
_TYPE_NAMES = {
    type(None): b"nil", bool: b"boolean", int: b"number", float: b"number",
    bytes: b"string", Table: b"table", ClassTable: b"table", **{c: b"function" for c in FUNCTION_TYPES},
}


@lib_function
def lua_type(*args: Any) -> bytes:
    if args:
        name = _TYPE_NAMES.get(args[0].__class__)
        if name is not None:
            return name
    return type_name(check_any(args, 1, "type")).encode()


@lib_function
def lua_rawequal(*args: Any) -> bool:
    a = check_any(args, 1, "rawequal")
    b = check_any(args, 2, "rawequal")
    if a is b:
        return True
    ca, cb = a.__class__, b.__class__
    if ca is bool or cb is bool or isinstance(a, Table) or isinstance(b, Table) or ca is Userdata or cb is Userdata:
        return False
    return a == b


@lib_function
def lua_rawlen(*args: Any) -> int:
    v = args[0] if args else None
    if isinstance(v, Table):
        return border(v)
    if v.__class__ is bytes:
        return len(v)
    raise type_error(args, 1, "rawlen", "table or string")


@lib_function
def lua_rawget(*args: Any) -> Any:
    t = check_table(args, 1, "rawget")
    return _rawget(t, check_any(args, 2, "rawget"))


@lib_function
def lua_rawset(*args: Any) -> Any:
    t = check_table(args, 1, "rawset")
    check_any(args, 2, "rawset")
    check_any(args, 3, "rawset")
    _rawset(t, args[1], args[2])
    return t


@lib_function
def lua_setmetatable(*args: Any) -> Any:
    t = args[0] if args else None
    if t.__class__ is not Table:
        t = check_table(args, 1, "setmetatable")
    mt = args[1] if len(args) > 1 else None
    if len(args) < 2 or (mt is not None and not isinstance(mt, Table)):
        raise type_error(args, 2, "setmetatable", "nil or table")
    if t.meta is not None and dict.get(t.meta, b"__metatable") is not None:
        raise lib_error("cannot change a protected metatable")
    set_metatable(t, mt)
    return t


@lib_function
def lua_next(*args: Any) -> Any:
    t = args[0] if args else None
    if t.__class__ is not Table:
        t = check_table(args, 1, "next")
    return table_next(t, args[1] if len(args) > 1 else None)


def table_next(t: Table, k: Any) -> Any:
    """``next(t, k)`` in O(1) amortised: a per-table snapshot of the keys
    with positions, taken by the second call of a traversal (or when a call
    meets a key the snapshot does not know). ``next(t)`` alone, the usual
    emptiness test, takes none: it notes the key it returns, so that a
    traversal going on from that key works even when the key was cleared
    in between."""
    if k is None:
        for kk, v in dict.items(t):
            if v is not None:
                t.keys_cache = (None, kk)
                return (kk.value if kk.__class__ is _BoolKey else kk, v)
        if t.keys_cache is not None:
            t.keys_cache = None
        return None
    lk = lookup_key(k)
    if lk.__class__ is float:
        i = float_to_int(lk)
        if i is not None:
            lk = i
    cache = t.keys_cache
    if cache is not None and cache[0] is None:
        # the second call of a traversal: the snapshot is taken now
        keys = list(t)
        t.keys_cache = (keys, None)
        k0 = cache[1]
        if lk is k0 or lk == k0:
            # going on from the first key: still the first in insertion
            # order, or cleared
            return _next_from(t, keys, 1 if keys and (keys[0] is k0 or keys[0] == k0) else 0)
        cache = t.keys_cache
    if cache is None:
        cache = (list(t), None)
    keys, pos = cache
    if pos is None:
        pos = {kk: i for i, kk in enumerate(keys)}
        t.keys_cache = (keys, pos)
    i = pos.get(lk)
    if i is None:
        if dict.get(t, lk) is None:
            raise OpError("invalid key to 'next'")  # Lua gives no position
        keys = list(t)
        pos = {kk: j for j, kk in enumerate(keys)}
        t.keys_cache = (keys, pos)
        i = pos[lk]
    return _next_from(t, keys, i + 1)


def _next_from(t: Table, keys: list, start: int) -> Any:
    """The first entry of ``t`` still set among ``keys[start:]``."""
    get = dict.get
    for j in range(start, len(keys)):
        kk = keys[j]
        v = get(t, kk)
        if v is not None:
            return (kk.value if kk.__class__ is _BoolKey else kk, v)
    return None


@lib_function
def lua_pairs(*args: Any) -> Any:
    v = args[0] if args else None
    if v.__class__ is Table and v.meta is None:
        return (lua_next, v, None)  # the usual case: no __pairs to look for
    v = check_any(args, 1, "pairs")
    h = metamethod(v, b"__pairs")
    if h is not None:
        r = h(v)
        r = r if r.__class__ is tuple else (r,)
        return (r + (None, None, None))[:3]
    # no type check here: like Lua, a non-table fails when iterated
    return (lua_next, v, None)


@lib_function
def ipairs_iter(*args: Any) -> Any:
    if len(args) < 2 or args[1].__class__ is not int:
        t, i = (args[0] if args else None), _args.check_integer(args, 2, "?")  # (the iterator has no name)
    else:
        t, i = args[0], args[1]
    i = i + 1 if i != MAXINT else MININT  # integer arithmetic wraps around
    v = t[i] if t.__class__ is Table else loops.ops_index_any(t, i)
    if v is None:
        return None
    return (i, v)


@lib_function
def lua_ipairs(*args: Any) -> Any:
    if not args:
        check_any(args, 1, "ipairs")  # raises
    return (ipairs_iter, args[0], 0)


@lib_function
def lua_select(*args: Any) -> Any:
    n = args[0] if args else None
    rest = args[1:]
    if n == b"#":
        return len(rest)
    i = check_int(args, 1, "select")
    if i < 0:
        i = len(rest) + i
        if i < 0:
            raise arg_error(1, "select", "index out of range")
        return rest[i:]
    if i == 0:
        raise arg_error(1, "select", "index out of range")
    return rest[i - 1:]


@lib_function
def lua_tonumber(*args: Any) -> Any:
    if len(args) < 2 or args[1] is None:
        v = check_any(args, 1, "tonumber")
        c = v.__class__
        if c is int or c is float:
            return v
        if c is bytes:
            if len(v) > 64:  # a long numeral: its conversion takes time
                _tls.rt.charge(len(v) >> 6)
            return str_to_number(v)
        return None
    base = check_int(args, 2, "tonumber")
    v = args[0]
    if v.__class__ is not bytes:
        raise type_error(args, 1, "tonumber", "string")
    if not 2 <= base <= 36:
        raise arg_error(2, "tonumber", "base out of range")
    _tls.rt.charge(1 + (len(v) >> 6))
    s = v.strip(b" \t\n\v\f\r").lower()
    neg = s.startswith(b"-")
    if neg or s.startswith(b"+"):
        s = s[1:]
    if not s or s.translate(None, _DIGITS[base]):  # empty, or not all digits of the base
        return None
    # Lua accumulates in 64-bit unsigned arithmetic; so does this, a chunk of
    # digits at a time (Python's own int() of one long numeral is quadratic)
    n = 0
    for i in range(0, len(s), _DIGITS_AT_ONCE):
        part = s[i:i + _DIGITS_AT_ONCE]
        n = (n * base ** len(part) + int(part, base)) & 0xFFFFFFFFFFFFFFFF
    return wrap_int(-n if neg else n)


_DIGITS = {b: bytes(range(48, 48 + min(b, 10))) + bytes(range(97, 97 + max(0, b - 10))) for b in range(2, 37)}
_DIGITS_AT_ONCE = 512


@lib_function
def lua_error(*args: Any) -> Any:
    v = args[0] if args else None
    level = check_int(args, 2, "error", 1) if len(args) > 1 else 1
    if v.__class__ is bytes and level > 0:
        where = _where_level(level)
        if where:
            v = _prefixed(where, v)
    raise LuaError(v)


def _prefixed(where: str, msg: bytes) -> bytes:
    """``where`` + ``msg``: a copy of the message, charged by its size (one
    unit per 64 bytes, as ``..``) and announced to the memory limit, so a
    loop raising a huge message cannot run far past its budget."""
    _tls.rt.charge_alloc(len(msg) >> 6, len(msg))
    return where.encode("utf-8", "surrogateescape") + msg


def _where_level(level: int) -> str:
    """Position of the function ``level`` levels up from error's caller,
    counting Lua functions and library functions (not internal helpers)."""
    f = sys._getframe(2)
    n = 1
    while f is not None:
        code = f.f_code
        info = lua_info(code)
        if info is not None or code in LIB_CODES:
            if n == level:
                if info is not None and level > 1 and _in_tail_call(f):
                    return ""  # Lua reused this frame for a tail call
                return where(f) if info is not None else ""
            n += 1
            # the frames of the code around an outlined block: the same call
            for _ in range(info.outlined if info is not None else 0):
                f = f.f_back
        f = f.f_back
    return ""


def _in_tail_call(frame: Any) -> bool:
    from ..runtime.trace import site_at

    site = site_at(frame.f_code, frame.f_lasti)
    return site is not None and site[0] == "tailcall"


@lib_function
def lua_assert(*args: Any) -> Any:
    if not args:
        raise arg_error(1, "assert", "value expected")
    v = args[0]
    if v is None or v is False:
        msg = args[1] if len(args) > 1 else b"assertion failed!"
        if msg.__class__ is bytes:
            where = _where_level(1)
            if where:
                msg = _prefixed(where, msg)
        raise LuaError(msg)
    return args


@lib_function
def lua_pcall(*args: Any) -> Any:
    if not args:
        raise arg_error(1, "pcall", "value expected")
    f = args[0]
    try:
        r = call_n(f, *args[1:])
    except _UNCATCHABLE:
        raise
    except BaseException as e:
        return (False, error_value(e))
    if r.__class__ is tuple:
        return (True,) + r
    return (True, r)


@lib_function
def lua_xpcall(*args: Any) -> Any:
    if len(args) < 2:
        raise type_error(args, 2, "xpcall", "function")
    f, h = args[0], args[1]
    try:
        r = call_n(f, *args[2:])
    except _UNCATCHABLE:
        raise
    except BaseException as e:
        v = error_value(e)
        try:
            hr = h(v)
        except _UNCATCHABLE:
            raise
        except BaseException:
            # Lua retries the handler on its own error until the C stack
            # overflows; the outcome is always this message
            return (False, b"error in error handling")
        return (False, first(hr)) if hr.__class__ is tuple else (False, hr)
    if r.__class__ is tuple:
        return (True,) + r
    return (True, r)


# ----------------------------------------------------------- per-State ones


def tostring_value(rt: Any, v: Any) -> bytes:
    c = v.__class__
    if c is bytes:
        return v
    if c is int or c is float:
        return number_to_str(v)
    if v is None:
        return b"nil"
    if v is True:
        return b"true"
    if v is False:
        return b"false"
    h = metamethod(v, b"__tostring")
    if h is not None:
        if not callable(h):  # called from a library function: no position
            err = OpError(f"attempt to call a {obj_type_name(h)} value")
            err.nopos = True  # type: ignore[attr-defined]
            raise err
        r = first(h(v))
        if r.__class__ is not bytes:
            if r.__class__ is int or r.__class__ is float:
                return number_to_str(r)
            raise lib_error("'__tostring' must return a string")
        return r
    name = type_name(v)
    if c is Table or c is Userdata or c is ClassTable:
        mt = v.meta
        if mt is not None:
            nm = dict.get(mt, b"__name")
            if nm.__class__ is bytes:
                return nm + b": " + rt.address(v)
    return name.encode() + b": " + rt.address(v)


# print, tostring and getmetatable are shared by every State too: they find
# their State's runtime as the thread's current one (context), and only
# when they need it.


@lib_function
def lua_print(*args: Any) -> Any:
    rt = _tls.rt
    msg = b"\t".join([tostring_value(rt, a) for a in args])
    # the host's on_print takes time in proportion to the text: charged
    # before it runs (a loop printing megabyte lines stops on its budget)
    rt.charge(len(msg) >> 6)
    rt.print_bytes(msg, sys._getframe(1))
    return ()


# warn's states, after lauxlib's warning function: warnings start off;
# "@on"/"@off" switch them when sent alone (a last piece that starts with
# "@"); a message of several pieces is one warning.
_WARN_OFF, _WARN_ON = "off", "on"


@lib_function
def lua_warn(*args: Any) -> Any:
    pieces = [_args.check_string(args, 1, "warn")]
    pieces += [_args.check_string(args, i, "warn") for i in range(2, len(args) + 1)]
    rt = _tls.rt
    rt.charge(1 + (sum(map(len, pieces)) >> 6))
    mode = rt.warn_state or _WARN_OFF
    if len(pieces) == 1 and pieces[0][:1] == b"@":  # a control message
        if pieces[0] == b"@on":
            rt.warn_state = _WARN_ON
        elif pieces[0] == b"@off":
            rt.warn_state = _WARN_OFF
        return ()
    if mode == _WARN_ON:
        rt.callbacks.on_warning(b"".join(pieces).decode("utf-8", "surrogateescape"))
    elif pieces[-1] == b"@on":  # while off, a last piece can still switch them
        rt.warn_state = _WARN_ON
    return ()


@lib_function
def lua_tostring(*args: Any) -> Any:
    v = check_any(args, 1, "tostring")
    c = v.__class__
    if c is bytes:
        return v
    if c is int or c is float:
        return number_to_str(v)
    return tostring_value(_tls.rt, v)


@lib_function
def lua_getmetatable(*args: Any) -> Any:
    v = check_any(args, 1, "getmetatable")
    c = v.__class__
    if c is Table or c is Userdata or c is ClassTable:
        mt = v.meta
    elif c is bytes:
        mt = _tls.rt.string_meta
    else:
        mt = None
    if mt is None:
        return None
    protected = dict.get(mt, b"__metatable")
    return protected if protected is not None else mt


SHARED = {
    b"type": lua_type,
    b"rawequal": lua_rawequal,
    b"rawlen": lua_rawlen,
    b"rawget": lua_rawget,
    b"rawset": lua_rawset,
    b"setmetatable": lua_setmetatable,
    b"next": lua_next,
    b"pairs": lua_pairs,
    b"ipairs": lua_ipairs,
    b"select": lua_select,
    b"tonumber": lua_tonumber,
    b"error": lua_error,
    b"assert": lua_assert,
    b"pcall": lua_pcall,
    b"xpcall": lua_xpcall,
    b"_VERSION": b"Lua 5.4",
    b"print": lua_print,
    b"warn": lua_warn,
    b"tostring": lua_tostring,
    b"getmetatable": lua_getmetatable,
}

loops.lua_next = lua_next
loops.ipairs_iter = ipairs_iter

__all__ = ["SHARED", "tostring_value", "arg_error", "type_error", "check_table", "check_int", "check_any", "MAXINT", "MININT", "eq"]
