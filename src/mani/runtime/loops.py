"""Loop, table-constructor and to-be-closed support for generated code."""

from __future__ import annotations

import math
from typing import Any

from .ops import OpError, call_meta1, first, metamethod, mv
from .values import FUNCTION_TYPES, MAXINT, MININT, ClassTable, Table, _BoolKey, norm_key, str_to_number, type_name


def _for_num(v: Any, what: str) -> Any:
    c = v.__class__
    if c is int or c is float:
        return v
    if c is bytes:
        n = str_to_number(v)
        if n is not None:
            return float(n)
    raise OpError(f"bad 'for' {what} (number expected, got {type_name(v)})")


def forrange(a: Any, b: Any, c: Any = 1) -> Any:
    """The iterable of a numeric ``for`` (Lua 5.4 semantics: an integer loop
    when start and step are integers, never overflowing; else a float loop).
    The checks come in reference Lua's order (forprep): an integer loop
    checks the step for zero, then the limit; a float loop checks the
    limit, the step, the initial value, then the step for zero."""
    if a.__class__ is int and c.__class__ is int:
        if c == 0:
            raise OpError("'for' step is zero")
        b = _for_num(b, "limit")
        if b.__class__ is float:
            if b != b:
                return ()
            if c > 0:
                if b >= 9.3e18:
                    lim = MAXINT
                elif b < -9.3e18:
                    return ()
                else:
                    lim = math.floor(b)
            else:
                if b <= -9.3e18:
                    lim = MININT
                elif b > 9.3e18:
                    return ()
                else:
                    lim = math.ceil(b)
        else:
            lim = b
        return range(a, lim + 1, c) if c > 0 else range(a, lim - 1, c)
    b = _for_num(b, "limit")
    c = _for_num(c, "step")
    a = _for_num(a, "initial value")
    a, b, c = float(a), float(b), float(c)
    if c == 0:
        raise OpError("'for' step is zero")
    return _float_loop(a, b, c)


CHUNK = 64


def chunks(r: Any) -> Any:
    """Split an integer loop's range into sub-ranges of CHUNK iterations (the
    meter is checked once per chunk; see codegen.s_NumericFor)."""
    if len(r) <= CHUNK:
        return (r,)  # the common short loop: no generator
    return _chunk_gen(r)


def _chunk_gen(r: Any):
    for lo in range(0, len(r), CHUNK):
        yield r[lo:lo + CHUNK]


def _float_loop(i: float, lim: float, step: float):
    # the first test is "not past the limit" (forprep), the later ones "up
    # to the limit" (forloop): with a NaN the body runs exactly once
    if step > 0:
        if lim < i:
            return
        yield i
        i += step
        while i <= lim:
            yield i
            i += step
    else:
        if i < lim:
            return
        yield i
        i += step
        while i >= lim:
            yield i
            i += step


def forin(n: int, f: Any = None, s: Any = None, ctl: Any = None, closing: Any = None, *_: Any):
    """The iterable of a generic ``for`` with ``n`` variables."""
    if closing is not None and closing is not False:
        if metamethod(closing, b"__close") is None:
            raise OpError("variable '(for state)' got a non-closable value")
        return _generic_iter(n, f, s, ctl, closing)
    if f is lua_next and s.__class__ is Table and ctl is None:
        return _pairs_iter(s, n)
    if f is ipairs_iter and ctl == 0:
        return _ipairs_iter(s, n)
    return _generic_iter(n, f, s, ctl, closing)


def _pairs_iter(t: Table, n: int):
    get = dict.get
    for k in list(t):  # a snapshot: assigning nil during traversal is allowed
        v = get(t, k)
        if v is None:
            continue
        if k.__class__ is _BoolKey:
            k = k.value
        if n == 1:
            yield k
        elif n == 2:
            yield k, v
        else:
            yield (k, v) + (None,) * (n - 2)


def _ipairs_iter(t: Any, n: int):
    i = 1
    if t.__class__ is Table and t.meta is None:
        get = dict.get
        while True:
            v = get(t, i)
            if v is None:
                return
            if n == 2:
                yield i, v
            elif n == 1:
                yield i
            else:
                yield (i, v) + (None,) * (n - 2)
            i += 1
    else:
        while True:
            v = ops_index_any(t, i)
            if v is None:
                return
            yield (i, v) if n == 2 else (i if n == 1 else (i, v) + (None,) * (n - 2))
            i += 1


class _LoopError(Exception):
    """Thrown into a generic-for iterator when the loop body fails, so the
    loop's closing value receives the error."""

    def __init__(self, exc: BaseException):
        self.exc = exc


def forin_abort(it: Any, exc: BaseException) -> None:
    """The body of a generic for raised ``exc``: close the iterator with it."""
    from ..errors import RunStopped

    if getattr(it, "gi_code", None) is _generic_iter.__code__ and it.gi_frame is not None \
            and not isinstance(exc, RunStopped):
        try:
            it.throw(_LoopError(exc))
        except (StopIteration, _LoopError):
            pass


def _generic_iter(n: int, f: Any, s: Any, ctl: Any, closing: Any):
    if f.__class__ not in FUNCTION_TYPES and metamethod(f, b"__call") is None:
        raise OpError(f"attempt to call a {type_name(f)} value (for iterator 'for iterator')")
    failed = None
    try:
        while True:
            try:
                r = f(s, ctl)
            except TypeError as exc:
                if "not callable" in str(exc) and not callable(f):
                    raise OpError(f"attempt to call a {type_name(f)} value (for iterator 'for iterator')") from None
                raise
            if r.__class__ is tuple:
                if not r:
                    return
                ctl = r[0]
                if ctl is None:
                    return
                if n == 1:
                    yield ctl
                elif len(r) == n:
                    yield r
                elif len(r) > n:
                    yield r[:n]
                else:
                    yield r + (None,) * (n - len(r))
            else:
                if r is None:
                    return
                ctl = r
                yield r if n == 1 else (r,) + (None,) * (n - 1)
    except _LoopError as w:
        failed = w.exc
    finally:
        if closing is not None and closing is not False:
            if failed is not None:
                close_var_err(closing, failed)
            else:
                close_var(closing)


from .trace import LIB_CODES  # noqa: E402

# iteration by the ipairs/next "C functions" happens in these generators
LIB_CODES.add(_pairs_iter.__code__)
LIB_CODES.add(_ipairs_iter.__code__)

# these are set by the base library (kept here so forin can recognise them)
lua_next: Any = None
ipairs_iter: Any = None


def ops_index_any(t: Any, k: Any) -> Any:
    if t.__class__ is Table or t.__class__ is ClassTable:
        return t[k]
    if t.__class__ is bytes:
        from .ops import index_other

        return index_other(t, k)
    h = metamethod(t, b"__index")
    if h is None:
        raise OpError(f"attempt to index a {type_name(t)} value")
    if h.__class__ is Table or h.__class__ is ClassTable:
        return h[k]
    return call_meta1(h, t, k)


# ------------------------------------------------------------------ tables


# a constructor's items beyond what its statement pays for (compiler/costs.py)
# are charged and announced to the memory meter here
SEQ_UNCHARGED = 64
TABLE_SLOT_BYTES = 48  # a table entry (key, value, hash; growth slack included)


def _charge_items(n: int, t: Table) -> None:
    """A constructor of ``n`` items, most from ``...`` or a call's results,
    that made ``t``."""
    from . import context

    context.charge_alloc(n >> 3, len(t) * TABLE_SLOT_BYTES)


def table_nn(d: dict) -> Table:
    """A table from a dict display whose values may be nil."""
    if None in d.values():  # identity checks in C (Table's == is identity)
        return Table({k: v for k, v in d.items() if v is not None})
    return Table(d)


def table_new(positional: tuple, keyed: tuple) -> Table:
    """The general table constructor: keyed items in order, then positional."""
    t = Table()
    for k, v in keyed:
        k = norm_key(k)
        if v is None:
            dict.pop(t, k, None)
        else:
            dict.__setitem__(t, k, v)
    for i, v in enumerate(positional, 1):
        if v is not None:
            dict.__setitem__(t, i, v)
        else:
            dict.pop(t, i, None)
    if len(positional) > SEQ_UNCHARGED:
        _charge_items(len(positional), t)
    return t


def table_clean(t: Table) -> Table:
    """Drop the nil values a constructor put in (``{f(), g()}``)."""
    for k in [k for k, v in t.items() if v is None]:
        del t[k]
    return t


def table_seq(items: tuple) -> Table:
    """A table constructor with positional items only: ``{a, b, f()}``."""
    t = Table(enumerate(items, 1))
    for v in items:
        if v is None:
            t = Table((k, v) for k, v in enumerate(items, 1) if v is not None)
            break
    if len(items) > SEQ_UNCHARGED:
        _charge_items(len(items), t)
    return t


def adjust(r: Any, n: int) -> tuple:
    """Exactly ``n`` values from a call result."""
    if r.__class__ is not tuple:
        r = (r,)
    ln = len(r)
    if ln == n:
        return r
    if ln > n:
        return r[:n]
    return r + (None,) * (n - ln)


# ------------------------------------------------------------ to-be-closed


def check_close(v: Any, name: str) -> None:
    if v is None or v is False:
        return
    if metamethod(v, b"__close") is None:
        raise OpError(f"variable '{name}' got a non-closable value")


def close_var(v: Any) -> None:
    if v is None or v is False:
        return
    h = metamethod(v, b"__close")
    if h is None:
        raise OpError("metamethod 'close' is not callable")  # metatable changed
    h(v, None)


def close_var_err(v: Any, exc: BaseException) -> None:
    """Run ``__close`` for an error leaving the scope; an error inside the
    handler replaces the original one (as in Lua)."""
    from ..errors import RunStopped

    if isinstance(exc, (RunStopped, GeneratorExit)):
        return
    if v is None or v is False:
        return
    h = metamethod(v, b"__close")
    if h is None:
        return
    from greenlet import GreenletExit

    if isinstance(exc, GreenletExit):  # a cancelled run or closed coroutine
        h(v, None)
        return
    from .trace import error_value

    h(v, error_value(exc))


__all__ = [
    "forrange", "forin", "table_nn", "table_new", "adjust", "check_close",
    "close_var", "close_var_err", "first", "mv",
]
