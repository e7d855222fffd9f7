"""Lua's operators: the slow paths behind the generated code's type guards.

The code generator emits the common case inline (``a + b`` guarded by
``a.__class__ is int ...``); everything else lands here: mixed int/float,
string coercion, metamethods, and the errors.

Errors raised here are ``OpError``: a message without position. The error
translator (runtime.trace) adds ``chunk:line:`` from the innermost Lua frame
and the variable name (``(local 'x')``) from the operation's site.
"""

from __future__ import annotations

import math
import operator
from inspect import CO_VARARGS
from typing import Any

from .values import (
    FUNCTION_TYPES,
    MAXINT,
    MININT,
    ClassTable,
    Table,
    Userdata,
    float_to_int,
    float_to_str,
    lookup_key,
    norm_key,
    obj_type_name,
    str_to_number,
    wrap_int,
)
from .methods import find_method


class OpError(Exception):
    """A runtime error of an operation. ``culprit`` says which operand the
    message is about (0 or 1), so the translator can name the variable.

    ``lib`` marks errors a library function raises about its own call (bad
    arguments): like ``luaL_error`` they are positioned at the function's Lua
    caller. Other errors inside library functions carry no position, as in
    Lua where they happen inside a C function."""

    def __init__(self, msg: str, culprit: int | None = None, lib: bool = False):
        super().__init__(msg)
        self.msg = msg
        self.culprit = culprit
        self.lib = lib


def _no_position(err: OpError, a: Any, b: Any) -> OpError:
    # with a string operand, Lua's arithmetic runs in the string library's
    # metamethod (a C function): its runtime errors carry no position
    if a.__class__ is bytes or b.__class__ is bytes:
        err.nopos = True  # type: ignore[attr-defined]
    return err


def op_error(msg: str, culprit: int | None = None) -> OpError:
    return OpError(msg, culprit)


def first(r: Any) -> Any:
    """First value of a multiple result (a tuple); ``r`` itself otherwise."""
    if r.__class__ is tuple:
        return r[0] if r else None
    return r


def mv(r: Any) -> tuple:
    """All values of a call result, as a tuple."""
    if r.__class__ is tuple:
        return r
    return (r,)


def metamethod(v: Any, event: bytes) -> Any:
    c = v.__class__
    if c is Table or c is Userdata or c is ClassTable:
        mt = v.meta
        if mt is not None:
            h = dict.get(mt, event)
            return _callable(h, event) if event in _CALLED else h
    return None


# events whose handler an operator calls (not __index/__newindex, which may
# be tables, nor those a library function calls, which Lua does not name)
_CALLED = frozenset(b"__" + e for e in (
    b"add", b"sub", b"mul", b"div", b"mod", b"pow", b"unm", b"idiv", b"band", b"bor", b"bxor", b"shl", b"shr",
    b"bnot", b"concat", b"len", b"eq", b"lt", b"le", b"close"))


def _callable(h: Any, event: bytes) -> Any:
    """An operator's handler ``h`` (or None), or for one that is not a
    function a stand-in whose call raises Lua's error naming the metamethod."""
    if h is None or callable(h):
        return h

    def raise_(*args: Any) -> Any:
        raise OpError(f"attempt to call a {obj_type_name(h)} value (metamethod '{event[2:].decode()}')")
    return raise_


def call_meta1(h: Any, *args: Any) -> Any:
    """Call a metamethod and adjust its results to one value."""
    r = h(*args)
    if r.__class__ is tuple:
        return r[0] if r else None
    return r


# ---------------------------------------------------------------- arithmetic


def _num(v: Any) -> Any:
    """Operand as a number for arithmetic (strings coerce), else None."""
    c = v.__class__
    if c is int or c is float:
        return v
    if c is bytes:
        return str_to_number(v)
    return None


def _replaced(a: Any, b: Any, event: bytes) -> bool:
    """Is an operand a string whose metatable's handler for ``event`` is no
    longer the string library's own? (Lua's operators reach string
    coercion through those handlers; mani coerces natively while they are
    the library's.)"""
    if a.__class__ is not bytes and b.__class__ is not bytes:
        return False
    from .context import current

    rt = current()
    return dict.get(rt.string_meta, event) is not dict.get(rt.string_defaults, event)


def _handler(v: Any, event: bytes) -> Any:
    """The handler of ``event`` for ``v`` (a string's is in the string metatable)."""
    if v.__class__ is not bytes:
        return metamethod(v, event)
    from .context import current

    return _callable(dict.get(current().string_meta, event), event)


def _replaced_fail(a: Any, b: Any, event: bytes, what: str) -> Any:
    """luaT_trybinTM with a script's own string handler in play: the first
    operand's handler, else the second's, else Lua's error."""
    h = _handler(a, event)
    if h is None:
        h = _handler(b, event)
    if h is not None:
        return call_meta1(h, a, b)
    culprit = 0 if b.__class__ is int or b.__class__ is float else 1
    raise OpError(f"attempt to {what} a {obj_type_name(b if culprit else a)} value", culprit)


def _arith_fail(a: Any, b: Any, event: bytes, what: str = "perform arithmetic on") -> Any:
    if _replaced(a, b, event):
        return _replaced_fail(a, b, event, what)
    arith = what == "perform arithmetic on"
    if arith and a.__class__ is bytes:
        h = None  # the string metatable's arithmetic metamethod comes first
    else:
        h = metamethod(a, event)
    if h is None:
        h = metamethod(b, event)
    if h is not None:
        return call_meta1(h, a, b)
    if arith and (a.__class__ is bytes or b.__class__ is bytes):
        # Lua 5.4's string arithmetic metamethods (lstrlib's trymt)
        op = event[2:].decode()
        raise OpError(f"attempt to {op} a '{obj_type_name(a)}' with a '{obj_type_name(b)}'")
    if what == "perform bitwise operation on":
        # as luaT_trybinTM: two numbers are a conversion error about the
        # first without an integer value; otherwise the first operand that
        # is no number is named
        ca, cb = a.__class__, b.__class__
        if (ca is int or ca is float) and (cb is int or cb is float):
            raise OpError("number has no integer representation", 0 if _int_operand(a) is None else 1)
        culprit = 1 if ca is int or ca is float else 0
        raise OpError(f"attempt to {what} a {obj_type_name(b if culprit else a)} value", culprit)
    culprit = 1 if _num(a) is not None else 0
    bad = b if culprit else a
    raise OpError(f"attempt to {what} a {obj_type_name(bad)} value", culprit)


def _ring_op(pyop: Any, event: bytes) -> Any:
    """The slow path of ``+ - *``: integers wrap, anything numeric else is
    float arithmetic, the rest goes to metamethods."""

    def op(a: Any, b: Any) -> Any:
        x, y = _num(a), _num(b)
        if x is None or y is None or _replaced(a, b, event):
            return _arith_fail(a, b, event)
        if x.__class__ is int and y.__class__ is int:
            r = pyop(x, y)
            return r if MININT <= r <= MAXINT else wrap_int(r)
        return pyop(float(x), float(y))

    op.__name__ = "arith_" + event[2:].decode()
    return op


arith_add = _ring_op(operator.add, b"__add")
arith_sub = _ring_op(operator.sub, b"__sub")
arith_mul = _ring_op(operator.mul, b"__mul")


def fdiv(x: float, y: float) -> float:
    """IEEE division (Python raises on division by zero; C does not)."""
    try:
        return x / y
    except ZeroDivisionError:
        if x != x or x == 0:
            return -math.nan if x == x else x  # 0/0 is the x86 default NaN
        neg = (x < 0) != (math.copysign(1.0, y) < 0)
        return -math.inf if neg else math.inf


def arith_div(a: Any, b: Any) -> Any:
    x, y = _num(a), _num(b)
    if x is None or y is None or _replaced(a, b, b"__div"):
        return _arith_fail(a, b, b"__div")
    return fdiv(float(x), float(y))


def float_idiv(x: float, y: float) -> float:
    q = fdiv(x, y)
    if q != q or q in (math.inf, -math.inf):
        return q
    f = float(math.floor(q))
    return math.copysign(f, q) if f == 0 else f  # keep -0.0


def arith_idiv(a: Any, b: Any) -> Any:
    x, y = _num(a), _num(b)
    if x is None or y is None or _replaced(a, b, b"__idiv"):
        return _arith_fail(a, b, b"__idiv")
    if x.__class__ is int and y.__class__ is int:
        if y == 0:
            raise _no_position(OpError("attempt to divide by zero"), a, b)
        r = x // y
        return r if r <= MAXINT else wrap_int(r)
    return float_idiv(float(x), float(y))


def float_mod(x: float, y: float) -> float:
    if y == 0 or x in (math.inf, -math.inf) or x != x or y != y:
        if y in (math.inf, -math.inf) and x == x and x not in (math.inf, -math.inf):
            pass
        else:
            return -math.nan if (x == x and y == y) else (x if x != x else y)
    if y in (math.inf, -math.inf):
        if x == 0 or (x > 0) == (y > 0):
            return x
        return y
    m = math.fmod(x, y)
    if (m > 0) if y < 0 else (m < 0 and y != m):
        m += y
    return m


def arith_mod(a: Any, b: Any) -> Any:
    x, y = _num(a), _num(b)
    if x is None or y is None or _replaced(a, b, b"__mod"):
        return _arith_fail(a, b, b"__mod")
    if x.__class__ is int and y.__class__ is int:
        if y == 0:
            raise _no_position(OpError("attempt to perform 'n%0'"), a, b)
        return x % y
    return float_mod(float(x), float(y))


def float_pow(x: float, y: float) -> float:
    try:
        return math.pow(x, y)
    except OverflowError:
        if x < 0 and float(y).is_integer() and int(y) % 2 == 1:
            return -math.inf
        return math.inf
    except ValueError:
        if x == 0:  # 0 ^ negative
            if math.copysign(1.0, x) < 0 and float(y).is_integer() and int(y) % 2 == 1:
                return -math.inf
            return math.inf
        return -math.nan


def arith_pow(a: Any, b: Any) -> Any:
    x, y = _num(a), _num(b)
    if x is None or y is None or _replaced(a, b, b"__pow"):
        return _arith_fail(a, b, b"__pow")
    return float_pow(float(x), float(y))


def arith_unm(a: Any) -> Any:
    x = _num(a)
    if x is not None and _replaced(a, a, b"__unm"):
        return _replaced_fail(a, a, b"__unm", "perform arithmetic on")
    if x is None:
        h = _handler(a, b"__unm")
        if h is not None:
            return call_meta1(h, a, a)
        if a.__class__ is bytes:
            raise OpError("attempt to unm a 'string' with a 'string'")
        raise OpError(f"attempt to perform arithmetic on a {obj_type_name(a)} value", 0)
    if x.__class__ is int:
        return wrap_int(-x)
    return -x


# ------------------------------------------------------------------- bitwise


def _int_operand(v: Any) -> Any:
    c = v.__class__
    if c is int:
        return v
    if c is float:
        return float_to_int(v)
    return None  # strings are not coerced for bitwise operators (5.4)


def _bitwise(a: Any, b: Any, event: bytes, fn: Any) -> Any:
    x, y = _int_operand(a), _int_operand(b)
    if x is None or y is None:
        return _arith_fail(a, b, event, "perform bitwise operation on")
    return fn(x, y)


def _shl(x: int, y: int) -> int:
    if y <= -64 or y >= 64:
        return 0
    if y >= 0:
        return wrap_int(x << y)
    return (x & 0xFFFFFFFFFFFFFFFF) >> -y if x < 0 else x >> -y


def _shr(x: int, y: int) -> int:
    return _shl(x, -y) if y != MININT else 0


def bit_and(a: Any, b: Any) -> Any:
    return _bitwise(a, b, b"__band", lambda x, y: x & y)


def bit_or(a: Any, b: Any) -> Any:
    return _bitwise(a, b, b"__bor", lambda x, y: x | y)


def bit_xor(a: Any, b: Any) -> Any:
    return _bitwise(a, b, b"__bxor", lambda x, y: x ^ y)


def bit_shl(a: Any, b: Any) -> Any:
    return _bitwise(a, b, b"__shl", _shl)


def bit_shr(a: Any, b: Any) -> Any:
    return _bitwise(a, b, b"__shr", _shr)


def bit_not(a: Any) -> Any:
    x = _int_operand(a)
    if x is None:
        h = _handler(a, b"__bnot")
        if h is not None:
            return call_meta1(h, a, a)
        if _num(a) is not None and a.__class__ is not bytes:
            raise OpError("number has no integer representation", 0)
        raise OpError(f"attempt to perform bitwise operation on a {obj_type_name(a)} value", 0)
    return ~x


# ---------------------------------------------------------------- comparison


def eq(a: Any, b: Any) -> bool:
    if a is b:
        return True
    ca, cb = a.__class__, b.__class__
    if ca is bool or cb is bool:
        return False
    if (ca is Table or ca is ClassTable) and (cb is Table or cb is ClassTable) or ca is Userdata and cb is Userdata:
        h = metamethod(a, b"__eq")
        if h is None:
            h = metamethod(b, b"__eq")
        if h is None:
            return False
        r = call_meta1(h, a, b)
        return r is not None and r is not False
    if ca is Table or cb is Table or ca is Userdata or cb is Userdata or ca is ClassTable or cb is ClassTable:
        return False
    return a == b


def _cmp_fail(a: Any, b: Any, event: bytes) -> bool:
    h = metamethod(a, event)
    if h is None:
        h = metamethod(b, event)
    if h is not None:
        r = call_meta1(h, a, b)
        return r is not None and r is not False
    ta, tb = obj_type_name(a), obj_type_name(b)
    if ta == tb:
        raise OpError(f"attempt to compare two {ta} values")
    raise OpError(f"attempt to compare {ta} with {tb}")


def lt(a: Any, b: Any) -> bool:
    ca, cb = a.__class__, b.__class__
    if (ca is int or ca is float) and (cb is int or cb is float):
        return a < b
    if ca is bytes and cb is bytes:
        return a < b
    return _cmp_fail(a, b, b"__lt")


def le(a: Any, b: Any) -> bool:
    ca, cb = a.__class__, b.__class__
    if (ca is int or ca is float) and (cb is int or cb is float):
        return a <= b
    if ca is bytes and cb is bytes:
        return a <= b
    return _cmp_fail(a, b, b"__le")


# ------------------------------------------------------------ concat, length


def tostr_concat(v: Any) -> Any:
    c = v.__class__
    if c is bytes:
        return v
    if c is int:
        return b"%d" % v
    if c is float:
        return float_to_str(v)
    return None


# Concatenations whose result is shorter than this are built inline by the
# generated code and cost what their statement costs; a longer result goes
# through concat_big, which charges it by size and enforces the Engine's
# max_string_size (each operand is within it, so at most the sum of the
# operands is ever allocated before the check).
CONCAT_INLINE_MAX = 256


def concat_big(r: bytes) -> bytes:
    """A long concatenation result: charged one unit per 64 bytes, refused
    beyond ``max_string_size`` (Lua's "string length overflow"), announced
    to the memory meter (runtime/memory.py)."""
    from .context import _tls

    rt = _tls.rt
    if rt is not None:
        if len(r) > rt.engine.max_string_size:
            raise OpError("string length overflow")
        rt.charge(len(r) >> 6)
        rt.alloc(len(r))
    return r


def concat(a: Any, b: Any) -> Any:
    x, y = tostr_concat(a), tostr_concat(b)
    if x is not None and y is not None:
        r = x + y
        return r if len(r) < CONCAT_INLINE_MAX else concat_big(r)
    h = _handler(a, b"__concat")
    if h is None:
        h = _handler(b, b"__concat")
    if h is not None:
        return call_meta1(h, a, b)
    culprit = 1 if x is not None else 0
    raise OpError(f"attempt to concatenate a {obj_type_name(b if culprit else a)} value", culprit)


def concat_n(*vals: Any) -> Any:
    """``v1 .. v2 .. ... .. vn`` (right associative, one join when possible)."""
    parts = []
    for v in vals:
        c = v.__class__
        if c is bytes:
            parts.append(v)
        elif c is int:
            parts.append(b"%d" % v)
        elif c is float:
            parts.append(float_to_str(v))
        else:
            break
    else:
        r = b"".join(parts)
        return r if len(r) < CONCAT_INLINE_MAX else concat_big(r)
    # right to left, as Lua does; an error names the operand at fault by its
    # position (the site lists every operand's name). Reference Lua keeps
    # each partial result where the pair's left operand was, so a bad value
    # returned by an earlier __concat is named after operand i + 1 too.
    acc = vals[-1]
    for i in range(len(vals) - 2, -1, -1):
        try:
            acc = concat(vals[i], acc)
        except OpError as exc:
            if exc.culprit is not None:
                exc.culprit += i
            raise
    return acc


def border(t: Table) -> int:
    """A border of the table's sequence (``#t`` without ``__len``)."""
    n = len(t)
    if n == 0:
        return 0
    if n in t:
        if n + 1 not in t:
            return n
        # more integer keys than entries cannot be; grow from n
        i, j = n, n + 1
    else:
        if 1 not in t:
            return 0
        i, j = 1, 2
        while j in t:
            i = j
            if j > MAXINT // 2:
                break
            j *= 2
        else:
            pass
    # binary search a border between i (present) and j (absent)
    while j in t:  # only when growing from n found j present
        i = j
        j *= 2
    while j - i > 1:
        m = (i + j) // 2
        if m in t:
            i = m
        else:
            j = m
    return i


def length(v: Any) -> Any:
    c = v.__class__
    if c is bytes:
        return len(v)
    if c is Table or c is ClassTable:
        mt = v.meta
        if mt is not None:
            h = dict.get(mt, b"__len")
            if h is not None:
                return call_meta1(_callable(h, b"__len"), v, v)  # (Lua passes the operand twice, as to __unm)
        return border(v)
    h = metamethod(v, b"__len")
    if h is not None:
        return call_meta1(h, v, v)
    raise OpError(f"attempt to get length of a {obj_type_name(v)} value", 0)


# ------------------------------------------------------------------ indexing


def index_other(o: Any, k: Any) -> Any:
    """Index a value that is not a table (a non-table, non-function
    ``__index``): strings go through the running State's string metatable."""
    if o.__class__ is bytes:
        from .context import current

        h = dict.get(current().string_meta, b"__index")
        if h.__class__ is Table or h.__class__ is ClassTable:
            return h[lookup_key(k)] if k is not None else None
    raise OpError(f"attempt to index a {obj_type_name(o)} value")


def make_indexers(string_meta: Table) -> tuple:
    """Build ``index`` and ``setindex`` for one State (strings index through
    that State's string metatable)."""

    def index(o: Any, k: Any) -> Any:
        c = o.__class__
        if c is Table or c is ClassTable:
            return o[lookup_key(k)]  # a nil key misses and reaches __index
        if c is bytes:
            h = dict.get(string_meta, b"__index")
            if h is None:
                raise OpError("attempt to index a string value", 0)
            if h.__class__ is Table or h.__class__ is ClassTable:
                return h[lookup_key(k)] if k is not None else None
            return call_meta1(h, o, k)
        if c is Userdata and o.meta is not None:
            h = dict.get(o.meta, b"__index")
            if h is not None:
                if h.__class__ is Table or h.__class__ is ClassTable:
                    return h[lookup_key(k)] if k is not None else None
                return call_meta1(h, o, k)
        raise OpError(f"attempt to index a {obj_type_name(o)} value", 0)

    def setindex(o: Any, k: Any, v: Any) -> None:
        if o.__class__ is Table or o.__class__ is ClassTable:
            # common: a new field of an object whose metatable has no
            # __newindex (the inline fast path only takes existing keys)
            mt = o.meta
            if mt is None or _get(mt, b"__newindex") is None:
                kc = k.__class__
                if v is not None and (kc is bytes or kc is int):
                    o[k] = v
                else:
                    rawset(o, k, v)
                return
        first_ = o
        for _ in range(2000):
            c = o.__class__
            if c is Table or c is ClassTable:
                mt = o.meta
                if mt is None or (h := dict.get(mt, b"__newindex")) is None:
                    rawset(o, k, v)
                    return
                nk = lookup_key(k)
                if nk is not None and dict.get(o, nk) is not None:
                    rawset(o, k, v)
                    return
                if k.__class__ is float and nk in o:
                    rawset(o, k, v)
                    return
            elif c is Userdata and o.meta is not None:
                h = dict.get(o.meta, b"__newindex")
                if h is None:
                    raise OpError("attempt to index a userdata value", 0)
            else:
                raise OpError(f"attempt to index a {obj_type_name(o)} value", 0 if o is first_ else None)
            if h.__class__ not in FUNCTION_TYPES:
                o = h  # a table (or any value) to assign into instead
                continue
            h(o, k, v)
            return
        raise OpError("'__newindex' chain too long; possible loop")

    def lookup_method(o: Any, k: bytes) -> Any:
        """``o.k`` for a method call ``o:k()``: usually a miss in ``o`` that
        its metatable's method cache answers (runtime.methods)."""
        if o.__class__ is Table:
            if k in o:
                return o[k]
            mt = o.meta
            if mt is not None:
                mc = mt.method_cache
                if k in mc:
                    return mc[k]
                return find_method(o, mt, k)
            return None
        return index(o, k)

    _get = dict.get

    return index, setindex, lookup_method


def rawset(t: Table, k: Any, v: Any) -> None:
    # t.pop / t[k] = v, not dict's: a ClassTable must see the write
    k = norm_key(k)
    if v is None:
        t.pop(k, None)
    else:
        t[k] = v


def rawget(t: Table, k: Any) -> Any:
    if k.__class__ is float:
        i = float_to_int(k)
        if i is not None:
            k = i
    return dict.get(t, lookup_key(k))


def call_n(f: Any, *args: Any) -> Any:
    """Call ``f`` with any number of arguments: a Lua function drops the ones
    beyond its parameters (see codegen.SPARE_ARGS)."""
    code = getattr(f, "__code__", None)
    if code is not None:
        if not code.co_flags & CO_VARARGS and len(args) > code.co_argcount:
            args = args[: code.co_argcount]
        return f(*args)
    c = f.__class__
    if c is Table or c is Userdata or c is ClassTable:
        return f(*args)
    if c in FUNCTION_TYPES:
        return f(*args)
    raise OpError(f"attempt to call a {obj_type_name(f)} value", 0)


def _table_call(self: Table, *args: Any) -> Any:
    mt = self.meta
    h = dict.get(mt, b"__call") if mt is not None else None
    if h is None:
        raise OpError("attempt to call a table value")
    c = h.__class__
    if c is Table or c is ClassTable:
        return _call_chain(self, h, args)
    return call_n(h, self, *args)


# __call handlers that are tables whose own __call is a table...: at most
# this many (reference Lua's bound is its stack size; a cycle ends there)
CALL_CHAIN_MAX = 1000


def call_chain(t: Any, h: Any, fail: bool = True) -> Any:
    """The function that calling table ``t`` (whose ``__call`` handler ``h``
    is a table) ends in, and the tables it gets before the arguments: Lua
    calls h's handler with h, t and the arguments, and so on down the
    chain. Found first so that the call is one Python call, not a frame
    per link (a chain in tail calls must stay within the stack;
    runtime/tailcalls.py). Each link is charged a unit. A chain that ends
    nowhere raises Lua's error, or with ``fail=False`` gives None and
    charges nothing (the call made later charges and raises)."""
    from .context import _tls

    tables = [t]
    failure = None
    while h.__class__ is Table or h.__class__ is ClassTable:
        if len(tables) >= CALL_CHAIN_MAX:
            failure = "stack overflow"
            break
        tables.append(h)
        mt = h.meta
        h = dict.get(mt, b"__call") if mt is not None else None
        if h is None:
            failure = "attempt to call a table value"
            break
    if failure is not None and not fail:
        return None
    rt = _tls.rt
    if rt is not None:
        rt.charge(len(tables))  # (also when it fails: the walk was made)
    if failure is not None:
        raise OpError(failure)
    tables.reverse()
    return h, tuple(tables)


def _call_chain(t: Any, h: Any, args: tuple) -> Any:
    h, tables = call_chain(t, h)
    return call_n(h, *tables, *args)


def _userdata_call(self: Userdata, *args: Any) -> Any:
    mt = self.meta
    h = dict.get(mt, b"__call") if mt is not None else None
    if h is None:
        raise OpError("attempt to call a userdata value")
    return call_n(h, self, *args)


Table.__call__ = _table_call  # type: ignore[attr-defined]
Userdata.__call__ = _userdata_call  # type: ignore[attr-defined]
