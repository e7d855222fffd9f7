"""The coroutine library: create resume yield status wrap isyieldable running
close. The machinery (greenlets, threads, closing) is in runtime.coroutines.
"""

from __future__ import annotations

from typing import Any

from ..errors import LuaError
from ..runtime import coroutines as C
from ..runtime.context import _tls, alloc, charge, current
from ..runtime.memory import COROUTINE_SIZE
from ..runtime.trace import lib_function
from ..runtime.values import FUNCTION_TYPES
from .tablelib import LibError, type_error


def _check_co(args: tuple, n: int, qual: str) -> C.Coroutine:
    v = args[n - 1] if len(args) >= n else None
    if v.__class__ is C.Coroutine:
        return v
    raise type_error(args, n, qual, "thread")


def _check_fn(args: tuple, n: int, qual: str) -> Any:
    v = args[n - 1] if len(args) >= n else None
    if v.__class__ in FUNCTION_TYPES:
        return v
    raise type_error(args, n, qual, "function")


@lib_function
def co_create(*args: Any) -> Any:
    fn = _check_fn(args, 1, "coroutine.create")
    charge(1)
    alloc(COROUTINE_SIZE)
    return C.Coroutine(fn, current())


_NO_VALUE: Any = object()  # marks a missing first argument


@lib_function
def co_resume(co: Any = _NO_VALUE, *args: Any) -> Any:
    # the first argument apart: no slice of the arguments per resume
    if co.__class__ is not C.Coroutine:
        raise type_error(() if co is _NO_VALUE else (co,), 1, "coroutine.resume", "thread")
    rt = _tls.rt
    m = rt.meter  # charge(1), inline (the State is needed below anyway)
    v = m.cell_contents - 1
    m.cell_contents = v
    if v < 0:
        rt.state._budget_out()
    return C.resume(co, args, rt)


co_yield = C.lua_yield

@lib_function
def co_status(*args: Any) -> Any:
    co = _check_co(args, 1, "coroutine.status")
    return C.status_of(co, current()).encode()


@lib_function
def co_running(*args: Any) -> Any:
    co = C.running(current())
    return (co, co.c.is_main)


@lib_function
def co_isyieldable(*args: Any) -> Any:
    if args and args[0] is not None:
        co = _check_co(args, 1, "coroutine.isyieldable")
    else:
        co = C.running(current())
    return C.is_yieldable(co)


@lib_function
def co_close(*args: Any) -> Any:
    co = _check_co(args, 1, "coroutine.close")
    charge(1)
    r = C.close(co, current())
    return r[0] if len(r) == 1 else r


@lib_function
def co_wrap(*args: Any) -> Any:
    fn = _check_fn(args, 1, "coroutine.wrap")
    charge(1)
    alloc(COROUTINE_SIZE)
    rt = current()
    # the handle lives as long as the function (when both are dropped, a
    # suspended coroutine is unwound: see runtime.coroutines, "Lifetime")
    co = C.Coroutine(fn, rt)
    # the function is a value of this State, so this State is the current
    # one whenever it is called: no thread-local read per call
    m = rt.meter
    resume = C.resume

    @lib_function
    def wrapped(*a: Any) -> Any:
        v = m.cell_contents - 1  # charge(1), inline
        m.cell_contents = v
        if v < 0:
            rt.state._budget_out()
        r = resume(co, a, rt)
        if r[0] is True:
            return r[1] if len(r) == 2 else r[1:]
        v = r[1]
        c = co.c
        if c.status is C.DEAD:
            c.error = None  # reference closes the dead coroutine here
        if v.__class__ is bytes:
            # like luaL_where(L, 1): prefix the position of the caller
            raise LibError(v.decode("utf-8", "surrogateescape"))
        raise LuaError(v)

    return wrapped


TABLE = {
    b"create": co_create,
    b"resume": co_resume,
    b"yield": co_yield,
    b"status": co_status,
    b"wrap": co_wrap,
    b"isyieldable": co_isyieldable,
    b"running": co_running,
    b"close": co_close,
}

__all__ = ["TABLE"]
