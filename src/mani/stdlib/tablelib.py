"""The table library: concat insert move pack remove sort unpack.

Lua 5.4 reads and writes the table through ``lua_geti``/``lua_seti`` (so
``__index`` and ``__newindex`` apply) and takes its length with ``#`` (so
``__len`` applies); plain tables without a metatable take fast paths that
touch the dict directly. Every function charges the meter in proportion to
the elements it touches *before* doing the work, so a small budget stops a
large call early.

The first part of this module holds the argument checking shared by the
libraries of this package (tablelib, mathlib, utf8lib, coroutinelib,
loadlib): Lua's ``luaL_check*`` functions with Lua's messages, naming the
function the way ``luaL_argerror`` does (the name used at the call site,
``insert`` for ``table.insert(...)``, ``ins`` for a local alias, and the
qualified ``table.insert`` when called from another library function such
as ``pcall``).
"""

from __future__ import annotations

from itertools import islice
from typing import Any

from ..errors import LuaError
from ..runtime import loops
from ..runtime import ops as _ops
from ..runtime.context import alloc, charge, current, poll
from ..runtime.ops import OpError, border, call_meta1, length, lt, rawset
from ..runtime.loops import TABLE_SLOT_BYTES
from ..runtime.trace import lib_function
from ..runtime.values import (
    MAXINT,
    FUNCTION_TYPES,
    ClassTable,
    Table,
    Userdata,
    float_to_int,
    lookup_key,
    number_to_str,
    str_to_number,
    type_name,
)

from .args import (  # noqa: E402 - shared with the other libraries
    LibError,
    arg_error,
    caller_where,
    called_name,
    check_any,
    check_integer,
    check_number,
    check_string,
    check_table,
    opt_integer,
    opt_string,
    type_error,
    typename_of,
)

# ========================================================= element access


def geti(t: Any, i: int) -> Any:
    """``lua_geti``: ``t[i]`` honouring ``__index``."""
    if t.__class__ is Table or t.__class__ is ClassTable:
        return t[i]
    if t.__class__ is bytes:
        sm = current().string_meta
        h = dict.get(sm, b"__index") if sm is not None else None
        if h is None:
            raise OpError("attempt to index a string value")
        if h.__class__ is Table or h.__class__ is ClassTable:
            return h[i]
        return call_meta1(h, t, i)
    return loops.ops_index_any(t, i)


def setindex(o: Any, k: Any, v: Any) -> None:
    """``o[k] = v`` honouring ``__newindex`` (like the State's setindex)."""
    for _ in range(2000):
        c = o.__class__
        if c is Table or c is ClassTable:
            mt = o.meta
            if mt is None:
                rawset(o, k, v)
                return
            h = dict.get(mt, b"__newindex")
            if h is None:
                rawset(o, k, v)
                return
            nk = lookup_key(k)
            if nk is not None and dict.get(o, nk) is not None:
                rawset(o, k, v)
                return
            if k.__class__ is float:
                i = float_to_int(k)
                if i is not None and dict.get(o, i) is not None:
                    rawset(o, k, v)
                    return
        elif c is Userdata and o.meta is not None and dict.get(o.meta, b"__newindex") is not None:
            h = dict.get(o.meta, b"__newindex")
        else:
            raise OpError(f"attempt to index a {type_name(o)} value")
        if h.__class__ is Table or h.__class__ is ClassTable:
            o = h
            continue
        h(o, k, v)
        return
    raise OpError("'__newindex' chain too long; possibly a loop")


def seti(t: Any, i: int, v: Any) -> None:
    """``lua_seti``: ``t[i] = v`` honouring ``__newindex``."""
    if t.__class__ is Table and t.meta is None:
        if v is None:
            dict.pop(t, i, None)
        else:
            dict.__setitem__(t, i, v)
    else:
        setindex(t, i, v)


def lua_len(v: Any) -> int:
    """``luaL_len``: ``#v`` (with ``__len``) as an integer."""
    if v.__class__ is Table and v.meta is None:
        return border(v)
    n = length(v)
    c = n.__class__
    if c is int:
        return n
    if c is float:
        i = float_to_int(n)
        if i is not None:
            return i
    elif c is bytes:
        x = str_to_number(n)
        if x is not None:
            i = x if x.__class__ is int else float_to_int(x)
            if i is not None:
                return i
    raise LibError("object length is not an integer")


_R, _W, _L = 1, 2, 4


def check_tab(args: tuple, n: int, qual: str, what: int) -> Any:
    """Lua's ``checktab``: a table, or a value whose metatable has the
    metamethods the function needs."""
    v = args[n - 1] if len(args) >= n else None
    c = v.__class__
    if c is Table or c is ClassTable:
        return v
    mt = None
    if c is Userdata:
        mt = v.meta
    elif c is bytes:
        mt = current().string_meta
    if mt is not None and (
        (not what & _R or dict.get(mt, b"__index") is not None)
        and (not what & _W or dict.get(mt, b"__newindex") is not None)
        and (not what & _L or dict.get(mt, b"__len") is not None)
    ):
        return v
    raise type_error(args, n, qual, "table")


def _plain(t: Any) -> bool:
    return t.__class__ is Table and t.meta is None


# ================================================================ functions


@lib_function
def table_insert(*args: Any) -> Any:
    t = check_tab(args, 1, "table.insert", _R | _W | _L)
    na = len(args)
    if t.__class__ is Table and t.meta is None:
        e = border(t) + 1
        if na == 2:
            charge(1)
            v = args[1]
            if v is not None:
                dict.__setitem__(t, e, v)
            return ()
        if na != 3:
            raise LibError("wrong number of arguments to 'insert'")
        pos = args[1]
        if pos.__class__ is not int:
            pos = check_integer(args, 2, "table.insert")
        if not 1 <= pos <= e:
            raise arg_error(2, "table.insert", "position out of bounds")
        charge(1 + (e - pos) // 8)
        get = dict.get
        setv = dict.__setitem__
        pop = dict.pop
        for i in range(e, pos, -1):
            v = get(t, i - 1)
            if v is None:
                pop(t, i, None)
            else:
                setv(t, i, v)
        v = args[2]
        if v is None:
            pop(t, pos, None)
        else:
            setv(t, pos, v)
        return ()
    e = (lua_len(t) + 1) & 0xFFFFFFFFFFFFFFFF
    if e > MAXINT:
        e -= 1 << 64
    if na == 2:
        charge(1)
        seti(t, e, args[1])
        return ()
    if na != 3:
        raise LibError("wrong number of arguments to 'insert'")
    pos = check_integer(args, 2, "table.insert")
    if not ((pos - 1) & 0xFFFFFFFFFFFFFFFF) < (e & 0xFFFFFFFFFFFFFFFF):
        raise arg_error(2, "table.insert", "position out of bounds")
    charge(1 + (e - pos) // 8)
    for i in range(e, pos, -1):
        seti(t, i, geti(t, i - 1))
    seti(t, pos, args[2])
    return ()


@lib_function
def table_remove(*args: Any) -> Any:
    t = check_tab(args, 1, "table.remove", _R | _W | _L)
    size = lua_len(t)
    pos = opt_integer(args, 2, "table.remove", size)
    if pos != size and not ((pos - 1) & 0xFFFFFFFFFFFFFFFF) <= (size & 0xFFFFFFFFFFFFFFFF):
        raise arg_error(2, "table.remove", "position out of bounds")
    charge(1 + max(0, size - pos) // 8)
    if t.__class__ is Table and t.meta is None:
        get = dict.get
        v = get(t, pos)
        setv = dict.__setitem__
        pop = dict.pop
        while pos < size:
            w = get(t, pos + 1)
            if w is None:
                pop(t, pos, None)
            else:
                setv(t, pos, w)
            pos += 1
        pop(t, pos, None)
        return v
    v = geti(t, pos)
    while pos < size:
        seti(t, pos, geti(t, pos + 1))
        pos += 1
    seti(t, pos, None)
    return v


@lib_function
def table_move(*args: Any) -> Any:
    f = check_integer(args, 2, "table.move")
    e = check_integer(args, 3, "table.move")
    t = check_integer(args, 4, "table.move")
    separate = len(args) >= 5 and args[4] is not None
    a1 = check_tab(args, 1, "table.move", _R)
    a2 = check_tab(args, 5 if separate else 1, "table.move", _W)
    if e >= f:
        if not (f > 0 or e < MAXINT + f):
            raise arg_error(3, "table.move", "too many elements to move")
        n = e - f + 1
        if not t <= MAXINT - n + 1:
            raise arg_error(4, "table.move", "destination wrap around")
        charge(1 + n // 8)
        alloc(n * TABLE_SLOT_BYTES)  # as if every destination key were new
        if separate and (a2 is a1 or _ops.eq(a1, a2)):
            separate = False
        if _plain(a1) and _plain(a2):
            get = dict.get
            setv = dict.__setitem__
            pop = dict.pop
            if t > e or t <= f or separate:
                order = range(n)
            else:
                order = range(n - 1, -1, -1)
            for i in order:
                v = get(a1, f + i)
                if v is None:
                    pop(a2, t + i, None)
                else:
                    setv(a2, t + i, v)
        elif t > e or t <= f or separate:
            for i in range(n):
                seti(a2, t + i, geti(a1, f + i))
        else:
            for i in range(n - 1, -1, -1):
                seti(a2, t + i, geti(a1, f + i))
    else:
        charge(1)
    return a2


@lib_function
def table_concat(*args: Any) -> Any:
    na = len(args)
    t = args[0] if na else None
    plain = _plain(t)
    if plain and (na == 1 or na == 2 and args[1].__class__ is bytes):
        # the common call, a plain table and maybe a string separator: the
        # checks below would all pass and give these values
        sep = args[1] if na == 2 else b""
        i = 1
        last = border(t)
    else:
        t = check_tab(args, 1, "table.concat", _R | _L)
        last = lua_len(t)
        sep = opt_string(args, 2, "table.concat", b"")
        i = opt_integer(args, 3, "table.concat", 1)
        last = opt_integer(args, 4, "table.concat", last)
    if i > last:
        charge(1)
        return b""
    n = last - i + 1
    # a range longer than the table can hold (a __len or an argument that
    # says so) is charged as it is walked: Lua fails at the first bad
    # element, without paying for the rest (found by tools/fuzz.py)
    in_table = plain and n <= len(t)
    walked = n > 1024 and not in_table
    charge(1 + (128 if walked else n // 8))
    limit = current().engine.max_string_size
    if in_table:
        # Strings only, the usual case: measured and joined in C. A table
        # element has a len() too, but then join fails; any failure (a
        # number, a bad value, too long a result) takes the loop below,
        # which converts numbers and raises errors at the right index.
        vals = list(map(t.__getitem__, range(i, last + 1)))  # a miss is None
        try:
            total = len(sep) * (n - 1) + sum(map(len, vals))
            if total <= limit:
                alloc(total)
                s = sep.join(vals)
                charge(total // 64)
                return s
        except TypeError:
            pass
    parts = []
    append = parts.append
    total = len(sep) * (n - 1)
    get = dict.get
    for k in range(i, last + 1):
        if walked and (k - i) & 1023 == 1023:
            charge(128)
        v = get(t, k) if plain else geti(t, k)
        c = v.__class__
        if c is not bytes:
            if c is int or c is float:
                v = number_to_str(v)
            else:
                raise LibError(f"invalid value ({type_name(v)}) at index {k} in table for 'concat'")
        total += len(v)
        if total > limit:
            raise LuaError(b"not enough memory")
        append(v)
    charge(total // 64)
    return sep.join(parts)


@lib_function
def table_pack(*args: Any) -> Any:
    n = len(args)
    charge(1 + n // 8)
    t = Table()
    for i, v in enumerate(args, 1):
        if v is not None:
            dict.__setitem__(t, i, v)
    dict.__setitem__(t, b"n", n)
    return t


MAX_UNPACK = 1_000_000  # Lua's stack limit (LUAI_MAXSTACK)


@lib_function
def table_unpack(*args: Any) -> Any:
    t = args[0] if args else None
    i = opt_integer(args, 2, "table.unpack", 1)
    if len(args) < 3 or args[2] is None:
        e = lua_len(t)
    else:
        e = check_integer(args, 3, "table.unpack")
    if i > e:
        charge(1)
        return ()
    n = e - i
    if n >= MAX_UNPACK - 1:
        raise LibError("too many results to unpack")
    charge(1 + n // 8)
    if _plain(t):
        get = dict.get
        r = tuple([get(t, k) for k in range(i, e + 1)])
    else:
        r = tuple([geti(t, k) for k in range(i, e + 1)])
    return r[0] if n == 0 else r


# -------------------------------------------------------------------- sort
#
# Lua 5.4's quicksort (median of three; a "random" pivot for large
# unbalanced partitions, here deterministic). Following the same steps as
# the reference makes a comparator see the same calls in the same order,
# gives the same order for equal elements, and raises "invalid order
# function for sorting" in the same cases. The array is a Python list copy
# for plain tables (written back when the sort ends, also by an error) and
# a proxy doing lua_geti/lua_seti otherwise.

_RANLIMIT = 100
_INT_MAX = 0x7FFFFFFF


def _default_less(a: Any, b: Any) -> bool:
    ca, cb = a.__class__, b.__class__
    if (ca is int or ca is float) and (cb is int or cb is float) or ca is bytes and cb is bytes:
        return a < b
    return lt(a, b)


def _truth(r: Any) -> bool:
    """Truth of a comparator result that is not a plain boolean."""
    if r.__class__ is tuple:
        r = r[0] if r else None
    return r is not None and r is not False


class _Proxy:
    """``a[i]`` / ``a[i] = v`` through lua_geti / lua_seti."""

    __slots__ = ("t",)

    def __init__(self, t: Any):
        self.t = t

    def __getitem__(self, i: int) -> Any:
        return geti(self.t, i)

    def __setitem__(self, i: int, v: Any) -> None:
        seti(self.t, i, v)


def _partition(a: Any, lo: int, up: int, pivot: Any, less: Any) -> int:
    i = lo
    j = up - 1
    while True:
        i += 1
        ai = a[i]
        while True:
            r = less(ai, pivot)
            if not (r is True or r is not False and r is not None and _truth(r)):
                break
            if i == up - 1:
                raise LibError("invalid order function for sorting")
            i += 1
            ai = a[i]
        j -= 1
        aj = a[j]
        while True:
            r = less(pivot, aj)
            if not (r is True or r is not False and r is not None and _truth(r)):
                break
            if j < i:
                raise LibError("invalid order function for sorting")
            j -= 1
            aj = a[j]
        if j < i:
            a[up - 1] = ai
            a[i] = pivot
            return i
        a[i] = aj
        a[j] = ai


def _auxsort(a: Any, lo: int, up: int, less: Any, rnd: int) -> None:
    while lo < up:
        charge(1 + (up - lo) // 8)
        alo, aup = a[lo], a[up]
        r = less(aup, alo)
        if r is True or r is not False and r is not None and _truth(r):
            a[lo] = aup
            a[up] = alo
        if up - lo == 1:
            return
        if up - lo < _RANLIMIT or rnd == 0:
            p = (lo + up) // 2
        else:
            r4 = (up - lo) // 4
            p = rnd % (r4 * 2) + (lo + r4)
        ap, alo = a[p], a[lo]
        r = less(ap, alo)
        if r is True or r is not False and r is not None and _truth(r):
            a[p] = alo
            a[lo] = ap
        else:
            aup = a[up]
            r = less(aup, ap)
            if r is True or r is not False and r is not None and _truth(r):
                a[p] = aup
                a[up] = ap
        if up - lo == 2:
            return
        ap = a[p]
        a[p] = a[up - 1]
        a[up - 1] = ap
        p = _partition(a, lo, up, ap, less)
        if p - lo < up - p:
            _auxsort(a, lo, p - 1, less, rnd)
            n = p - lo
            lo = p + 1
        else:
            _auxsort(a, p + 1, up, less, rnd)
            n = up - p
            up = p - 1
        if (up - lo) // 128 > n:
            # reference Lua picks a time-based random pivot from here on;
            # mani stays deterministic
            rnd = ((up - lo) * 0x9E3779B1 + n) & 0xFFFFFFFF or 1


SORT_RUN = 1 << 15  # elements sorted by one C call between check points


def _sort_polled(a: list) -> None:
    """``a.sort()`` with check points for interrupts and deadlines: runs of
    SORT_RUN elements are sorted, then adjacent runs merged pairwise (the
    sort finds the two runs and merges them in linear time), each step one
    C call of a few milliseconds at most but the last merges."""
    n = len(a)
    if n <= SORT_RUN:
        a.sort()
        return
    for i in range(0, n, SORT_RUN):
        run = a[i:i + SORT_RUN]
        run.sort()
        a[i:i + SORT_RUN] = run
        poll()
    width = SORT_RUN
    while width < n:
        for i in range(0, n - width, 2 * width):
            run = a[i:i + 2 * width]
            run.sort()
            a[i:i + 2 * width] = run
            poll()
        width *= 2


def _simple_sortable(vals: list) -> bool:
    """All ints, all strings or all non-zero non-NaN floats (after the
    unused vals[0]): equal elements are indistinguishable, so any correct
    sort gives the reference's result (and no comparison can fail)."""
    kinds = set(map(type, islice(vals, 1, None)))
    if kinds == _INTS or kinds == _STRINGS:
        return True
    if kinds == _FLOATS:
        for v in vals[1:]:
            if v != v or v == 0.0:
                return False
        return True
    return False


_INTS = {int}
_STRINGS = {bytes}
_FLOATS = {float}


@lib_function
def table_sort(*args: Any) -> Any:
    t = args[0] if args else None
    plain = _plain(t)
    if plain:
        n = border(t)  # what the checks below give for a plain table
    else:
        t = check_tab(args, 1, "table.sort", _R | _W | _L)
        n = lua_len(t)
    if n <= 1:
        charge(1)
        return ()
    if n >= _INT_MAX:
        raise arg_error(1, "table.sort", "array too big")
    comp = args[1] if len(args) > 1 else None
    if comp is not None and comp.__class__ not in FUNCTION_TYPES:
        raise type_error(args, 2, "table.sort", "function")
    charge(1 + n // 8)
    less = _default_less if comp is None else comp
    if not plain:
        _auxsort(_Proxy(t), 1, n, less, 0)
        return ()
    a = [None]
    a.extend(map(t.__getitem__, range(1, n + 1)))  # a miss is None
    if comp is None and _simple_sortable(a):
        charge(n * n.bit_length() // 8)
        del a[0]
        _sort_polled(a)
        dict.update(t, zip(range(1, n + 1), a))
        return ()
    try:
        _auxsort(a, 1, n, less, 0)
    finally:
        setv = dict.__setitem__
        pop = dict.pop
        for i in range(1, n + 1):
            v = a[i]
            if v is None:
                pop(t, i, None)
            else:
                setv(t, i, v)
    return ()


TABLE = {
    b"concat": table_concat,
    b"insert": table_insert,
    b"move": table_move,
    b"pack": table_pack,
    b"remove": table_remove,
    b"sort": table_sort,
    b"unpack": table_unpack,
}

__all__ = [
    "TABLE", "LibError", "arg_error", "caller_where", "type_error", "called_name", "check_any", "check_table",
    "check_integer", "opt_integer", "check_number", "check_string", "opt_string", "typename_of",
    "geti", "seti", "setindex", "lua_len",
]
