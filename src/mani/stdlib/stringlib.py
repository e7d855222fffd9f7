"""The ``string`` library (Lua 5.4) on byte strings.

Every function charges the State's meter in proportion to the bytes it
produces or scans (``charge``), and checks the size of a result against the
Engine's ``max_string_size`` before building it. Patterns live in
``patterns``, ``format`` in ``strformat``, ``pack``/``unpack`` in
``strpack``.
"""

from __future__ import annotations

from typing import Any

from ..runtime.context import _tls, alloc, charge, current
from ..runtime import ops as _ops
from ..runtime.ops import first, metamethod
from .base import lib_error
from ..runtime.trace import lib_function
from ..runtime.values import FUNCTION_TYPES, ClassTable, Table, number_to_str, to_number, type_name
from . import strformat, strpack
from .patterns import _cache as _pattern_cache
from .patterns import (
    Search,
    bad_arg,
    check_int,
    check_str,
    compile_gmatch,
    compile_pattern,
    rx_captures,
    rx_endpos,
    rx_find,
    end_pos,
    opt_int,
    opt_str,
    posrelat_start,
    _type_err,
)

MAXSIZE = 0x7FFFFFFF  # lstrlib's MAXSIZE (INT_MAX): the largest string it builds
STACK_ROOM = 999_950  # about how many values a C function may push (LUAI_MAXSTACK)


def size_limit() -> int:
    return min(current().engine.max_string_size, MAXSIZE)


def too_large() -> Any:
    return lib_error("resulting string too large")


# ------------------------------------------------------------- simple ones


@lib_function
def str_len(*args: Any) -> Any:
    s = args[0] if args else None
    if s.__class__ is not bytes:
        s = check_str(args, 1, "len")
    charge(1)
    return len(s)


@lib_function
def str_sub(*args: Any) -> Any:
    if len(args) == 3:
        # the common call, a slice inside the string, without the
        # adjustments below (which would leave i and j as they are)
        s, i, j = args
        if s.__class__ is bytes and i.__class__ is int and j.__class__ is int and 0 < i <= j <= len(s):
            rt = _tls.rt  # context.charge, inline
            meter = rt.meter
            meter.cell_contents = v = meter.cell_contents - (1 + ((j - i) >> 6))
            if v < 0:
                rt.state._budget_out()
            return s[i - 1:j]
    s = args[0] if args else None
    if s.__class__ is not bytes:
        s = check_str(args, 1, "sub")
    l = len(s)
    na = len(args)
    i = args[1] if na > 1 else None
    if i.__class__ is not int:
        i = check_int(args, 2, "sub")
    if i <= 0:
        i = 1 if i == 0 or i < -l else l + i + 1
    j = args[2] if na > 2 else -1
    if j.__class__ is not int:
        j = opt_int(args, 3, "sub", -1)
    if j > l:
        j = l
    elif j < 0:
        j = 0 if j < -l else l + j + 1
    if i > j:
        charge(1)
        return b""
    charge(1 + ((j - i) >> 6))
    return s[i - 1:j]


@lib_function
def str_byte(*args: Any) -> Any:
    s = check_str(args, 1, "byte")
    l = len(s)
    i = opt_int(args, 2, "byte", 1)
    pi = posrelat_start(i, l)
    pose = end_pos(opt_int(args, 3, "byte", i), l)
    if pi > pose:
        charge(1)
        return ()
    n = pose - pi + 1
    if n >= MAXSIZE:
        raise lib_error("string slice too long")
    if n > STACK_ROOM:
        raise lib_error("stack overflow (string slice too long)")
    charge(1 + (n >> 3))
    if n == 1:
        return s[pi - 1]
    return tuple(s[pi - 1:pose])


@lib_function
def str_char(*args: Any) -> Any:
    charge(1 + (len(args) >> 3))
    try:
        for a in args:
            if a.__class__ is not int:
                break
        else:
            return bytes(args)
    except ValueError:
        pass
    out = bytearray(len(args))
    for k in range(len(args)):
        c = check_int(args, k + 1, "char")
        if not 0 <= c <= 255:
            raise bad_arg(k + 1, "char", "value out of range")
        out[k] = c
    return bytes(out)


@lib_function
def str_upper(*args: Any) -> Any:
    s = check_str(args, 1, "upper")
    charge(1 + (len(s) >> 6))
    return s.upper()


@lib_function
def str_lower(*args: Any) -> Any:
    s = check_str(args, 1, "lower")
    charge(1 + (len(s) >> 6))
    return s.lower()


@lib_function
def str_reverse(*args: Any) -> Any:
    s = check_str(args, 1, "reverse")
    charge(1 + (len(s) >> 6))
    return s[::-1]


@lib_function
def str_rep(*args: Any) -> Any:
    s = check_str(args, 1, "rep")
    n = check_int(args, 2, "rep")
    sep = opt_str(args, 3, "rep", b"")
    if n <= 0:
        charge(1)
        return b""
    l, ls = len(s), len(sep)
    if l + ls == 0:
        charge(1)
        return b""
    if l + ls > MAXSIZE // n:
        raise too_large()
    total = n * l + (n - 1) * ls
    if total > size_limit():
        raise too_large()
    charge(1 + (total >> 6))  # before allocating: may stop on the budget
    alloc(total)  # or on the memory limit
    if ls:
        return (s + sep) * (n - 1) + s
    return s * n


# ------------------------------------------------------------ find / match


def _find_args(args: tuple, fname: str) -> tuple:
    """Subject, pattern and 1-based start of find/match (slow path of the
    argument checks)."""
    S = check_str(args, 1, fname)
    P = check_str(args, 2, fname)
    ls = len(S)
    init = opt_int(args, 3, fname, 1)
    if init <= 0:
        init = 1 if init == 0 or init < -ls else ls + init + 1
    return S, P, init


def _slow_find(comp: Any, S: bytes, pos: int, find: bool) -> Any:
    sr = Search(comp, S)
    st = sr.search(pos)
    if st < 0:
        return None
    if find:
        if comp.ncap == 0:
            return (st + 1, sr.end)
        return (st + 1, sr.end) + sr.captures(st, False)
    caps = sr.captures(st, True)
    return caps[0] if len(caps) == 1 else caps


def _subject_pattern_init(args: tuple, fname: str) -> tuple:
    """(subject, pattern, init) of find/match: the common call, two strings
    and maybe a positive init, without the general checks."""
    nargs = len(args)
    if nargs >= 2 and args[0].__class__ is bytes and args[1].__class__ is bytes and (
        nargs == 2 or args[2].__class__ is int and args[2] > 0
    ):
        return args[0], args[1], (args[2] if nargs > 2 else 1)
    return _find_args(args, fname)


def _rx_search(comp: Any, rx: Any, S: bytes, pos: int) -> Any:
    """The first match of a pattern translated to ``re`` at or after
    ``pos`` (None if none), charging for the bytes scanned."""
    if comp.anchored:
        m = rx.match(S, pos)
    elif comp.rx_lb is None and comp.term is None:
        m = rx.search(S, pos)
    else:
        m = rx_find(comp, S, pos)
    scanned = (len(S) if m is None else m.end()) - pos
    charge(1 + (scanned * comp.items >> 7))
    return m


def _find_result(comp: Any, m: Any) -> Any:
    """What string.find returns for a regex match."""
    st, e = m.span()
    if comp.ncap == 0:
        return (st + 1, e)
    return (st + 1, e) + rx_captures(comp, m)


def _match_result(comp: Any, m: Any) -> Any:
    """What string.match returns for a regex match."""
    if comp.ncap == 0:
        return m.group()
    caps = rx_captures(comp, m)
    return caps[0] if len(caps) == 1 else caps


@lib_function
def str_find(*args: Any) -> Any:
    na = len(args)
    if na == 2 or na == 3 and (init := args[2]).__class__ is int and init > 0:
        # The common call: two strings, maybe a positive init, and a pattern
        # already compiled, with a regex searching in one call
        # (Compiled.quick). One charge, what compile_pattern and _rx_search
        # charge together: the cost does not depend on the cache.
        S, P = args[0], args[1]
        if S.__class__ is bytes and P.__class__ is bytes:
            comp = _pattern_cache.get(P)
            if comp is not None and (quick := comp.quick) is not None:
                pos = init - 1 if na == 3 else 0
                if pos <= len(S):
                    m = quick(S, pos)
                    if m is None:
                        charge(2 + (len(P) >> 2) + ((len(S) - pos) * comp.items >> 7))
                        return None
                    st, e = m.span()
                    charge(2 + (len(P) >> 2) + ((e - pos) * comp.items >> 7))
                    if comp.ncap == 0:
                        return (st + 1, e)
                    return (st + 1, e) + rx_captures(comp, m)
    S, P, init = _subject_pattern_init(args, "find")
    ls = len(S)
    if init > ls + 1:
        charge(1)
        return None
    pos = init - 1
    if na > 3 and args[3] is not None and args[3] is not False:
        comp = None
    else:
        comp = compile_pattern(P)
        if not comp.plain:
            rx = comp.rx
            if rx is None:
                return _slow_find(comp, S, pos, True)
            m = _rx_search(comp, rx, S, pos)
            return None if m is None else _find_result(comp, m)
    idx = S.find(P, pos)
    charge(1 + (((idx if idx >= 0 else ls) - pos) >> 6))
    if idx < 0:
        return None
    return (idx + 1, idx + len(P))


@lib_function
def str_match(*args: Any) -> Any:
    na = len(args)
    if na == 2 or na == 3 and (init := args[2]).__class__ is int and init > 0:
        # as in str_find
        S, P = args[0], args[1]
        if S.__class__ is bytes and P.__class__ is bytes:
            comp = _pattern_cache.get(P)
            if comp is not None and (quick := comp.quick) is not None:
                pos = init - 1 if na == 3 else 0
                if pos <= len(S):
                    m = quick(S, pos)
                    if m is None:
                        charge(2 + (len(P) >> 2) + ((len(S) - pos) * comp.items >> 7))
                        return None
                    charge(2 + (len(P) >> 2) + ((m.end() - pos) * comp.items >> 7))
                    return _match_result(comp, m)
    S, P, init = _subject_pattern_init(args, "match")
    ls = len(S)
    if init > ls + 1:
        charge(1)
        return None
    pos = init - 1
    comp = compile_pattern(P)
    rx = comp.rx
    if rx is None:
        return _slow_find(comp, S, pos, False)
    m = _rx_search(comp, rx, S, pos)
    return None if m is None else _match_result(comp, m)


@lib_function
def str_gmatch(*args: Any) -> Any:
    S = check_str(args, 1, "gmatch")
    P = check_str(args, 2, "gmatch")
    ls = len(S)
    init = posrelat_start(opt_int(args, 3, "gmatch", 1), ls) - 1
    if init > ls:  # start after the end: no match at all
        init = ls + 1
    charge(1)
    comp = compile_gmatch(P)
    if comp.rx is not None and comp.nonempty:
        # matches are never empty: no need for Lua's "not where the last
        # match ended" rule
        it = _rx_iter(comp, S, init) if init <= ls else iter(())
        weight = comp.items
        ncap = comp.ncap
        last = [init]
        # The iterator is a value of this State, so this State is the
        # current one whenever it runs (as for coroutine.wrap): it charges
        # its meter directly (context.charge without the thread-local read).
        rt = _tls.rt
        meter = rt.meter

        def gmatch_rx(*_: Any) -> Any:
            m = next(it, None)
            e = ls if m is None else m.end()
            meter.cell_contents = v = meter.cell_contents - (1 + ((e - last[0]) * weight >> 7))
            if v < 0:
                rt.state._budget_out()
            last[0] = e
            if m is None:
                return ()
            if ncap == 0:
                return m.group()
            return rx_captures(comp, m)

        return lib_function(gmatch_rx)
    sr = Search(comp, S)
    state = [init, -1]  # where to search next, end of the last match

    def gmatch_step(*_: Any) -> Any:
        src = state[0]
        while src <= ls:
            st = sr.search(src)
            if st < 0:
                break
            e = sr.end
            if e == state[1]:  # empty match at the end of the previous one
                src = st + 1
                continue
            state[0] = state[1] = e
            return sr.captures(st, True)
        state[0] = ls + 1
        return ()

    return lib_function(gmatch_step)


# --------------------------------------------------------------------- gsub

_BAD_PERCENT = object()


def _repl_parts(repl: bytes) -> list:
    """Split a replacement string: bytes, 0 (whole match), 1..9 (capture),
    or _BAD_PERCENT (an invalid '%' escape, reported when used)."""
    parts: list = []
    i = 0
    n = len(repl)
    while True:
        j = repl.find(b"%", i)
        if j < 0:
            if i < n:
                parts.append(repl[i:])
            return parts
        if j > i:
            parts.append(repl[i:j])
        j += 1
        c = repl[j] if j < n else 0
        if c == 37:
            parts.append(b"%")
        elif 48 <= c <= 57:
            parts.append(c - 48)
        else:
            parts.append(_BAD_PERCENT)
        i = j + 1


def _rx_iter(comp: Any, S: bytes, pos: int) -> Any:
    """The successive matches of a pattern that never matches empty."""
    if comp.term is not None:
        return comp.rx.finditer(S, pos, rx_endpos(comp, S))
    if comp.rx_lb is None:
        return comp.rx.finditer(S, pos)
    return _rx_lb_iter(comp, S, pos)


def _rx_lb_iter(comp: Any, S: bytes, pos: int) -> Any:
    rx, lb = comp.rx, comp.rx_lb
    n = len(S)
    while True:
        m = rx.match(S, pos)
        if m is None:
            if pos >= n:
                return
            m = lb.search(S, pos + 1)
            if m is None:
                return
        yield m
        pos = m.end()


def _template(parts: list, comp: Any) -> Any:
    """A ``re`` replacement template for the parts of a replacement string,
    or None when a part needs Lua's handling (position captures, bad
    indexes, invalid '%')."""
    out = []
    refs = 0
    for p in parts:
        c = p.__class__
        if c is bytes:
            out.append(p.replace(b"\\", b"\\\\"))
        elif c is int:
            if p == 0 or (p == 1 and comp.ncap == 0):
                out.append(b"\\g<0>")
            elif p <= comp.ncap and (p - 1) not in comp.poscaps:
                out.append(b"\\g<%d>" % p)
            else:
                return None, 0
            refs += 1
        else:
            return None, 0
    return b"".join(out), refs


def _replaced_copy(r: bytes, S: bytes) -> bytes:
    """gsub's result once something was replaced: a new string, as in Lua,
    even when Python handed back ``S`` itself (a replacement equal to the
    text, joined from one piece). Only ``%p`` tells them apart; Lua returns
    ``S`` itself only when nothing was replaced."""
    return S[:1] + S[1:] if r is S and len(S) > 1 else r


def _repl_value(v: Any, S: bytes, st: int, e: int) -> bytes:
    """The text a table/function replacement value stands for."""
    c = v.__class__
    if c is bytes:
        return v
    if v is None or v is False:
        return S[st:e]
    if c is int or c is float:
        return number_to_str(v)
    raise lib_error(f"invalid replacement value (a {type_name(v)})")


@lib_function
def str_gsub(*args: Any) -> Any:
    if len(args) == 3:
        # The common call with a table or function replacement and a
        # pattern already compiled to a regex that never matches empty:
        # straight to the loop (the checks below would all pass; the same
        # charges).
        S, P, repl = args
        c = repl.__class__
        if S.__class__ is bytes and P.__class__ is bytes and (c is Table or c in FUNCTION_TYPES):
            comp = _pattern_cache.get(P)
            if comp is not None and comp.rx is not None and comp.nonempty and not comp.anchored:
                # the charges as context.charge makes them, reading the
                # thread's State once for both
                rt = _tls.rt
                meter = rt.meter
                meter.cell_contents = v = meter.cell_contents - (1 + (len(P) >> 2))  # compile_pattern's
                if v < 0:
                    rt.state._budget_out()
                if comp.rx_lb is None and comp.term is None and comp.rx.search(S) is None:
                    # no match, often: the charge of _gsub_rx for none
                    meter.cell_contents = v = meter.cell_contents - (1 + (len(S) * comp.items >> 7))
                    if v < 0:
                        rt.state._budget_out()
                    return (S, 0)
                return _gsub_rx(comp, S, repl, 1 if c is Table else 2, None, len(S) + 1, size_limit())
    S = check_str(args, 1, "gsub")
    P = check_str(args, 2, "gsub")
    repl = args[2] if len(args) > 2 else None
    srcl = len(S)
    max_s = opt_int(args, 4, "gsub", srcl + 1)
    tr = repl.__class__
    if tr is bytes:
        kind = 0
    elif tr is int or tr is float:
        repl = number_to_str(repl)
        kind = 0
    elif tr is Table or tr is ClassTable:
        kind = 1
    elif type_name(repl) == "function":
        kind = 2
    else:
        raise _type_err(3, "gsub", "string/function/table", args)
    limit = size_limit()
    comp = compile_pattern(P)
    anchored = comp.anchored
    parts: Any = None
    if kind == 0:
        parts = _repl_parts(repl)
        if all(p.__class__ is bytes for p in parts):
            const = b"".join(parts)
            if comp.literal is not None and not anchored:
                # plain substring replacement
                lit = comp.literal
                cnt = min(S.count(lit), max_s) if max_s > 0 else 0
                size = srcl + cnt * (len(const) - len(lit))
                if size > limit:
                    raise too_large()
                charge(1 + ((srcl + size) >> 6))
                if cnt == 0:
                    return (S, 0)
                return (S.replace(lit, const, cnt), cnt)
            parts = [const]
    rx = comp.rx
    if rx is not None and max_s > 0 and not anchored and comp.nonempty:
        # matches are never empty: no need for Lua's "not where the last
        # match ended" rule
        weight = comp.items
        if kind == 0:
            tpl, refs = _template(parts, comp)
            if tpl is not None and comp.rx_lb is None and comp.term is None:
                # each capture (or the whole match) sums to at most srcl
                # over all the matches: a bound of the result before building it
                if srcl + min(max_s, srcl) * len(tpl) + refs * srcl <= limit:
                    charge(1 + (srcl * weight >> 7))
                    r, cnt = rx.subn(tpl, S, max_s)
                    r = S if cnt == 0 else _replaced_copy(r, S)  # (see _replaced_copy)
                    if len(r) > limit:
                        raise too_large()
                    charge(1 + (len(r) >> 6))
                    return (r, cnt)
        return _gsub_rx(comp, S, repl, kind, parts, max_s, limit)
    sr = Search(comp, S)
    out = []
    add = out.append
    size = 0
    pending = 0
    src = 0
    last = -1
    n = 0
    kept = 0  # matches whose replacement value was nil or false
    while n < max_s:
        st = sr.search(src)
        if st < 0:
            break
        if st > src:
            add(S[src:st])
            size += st - src
        e = sr.end
        if e == last:  # empty match right after the previous match
            if st < srcl:
                add(S[st:st + 1])
                size += 1
                src = st + 1
            else:
                src = st
                break
        else:
            n += 1
            if kind == 0:
                piece = _expand(parts, S, st, e, comp, sr)
            else:
                v = repl[sr.capture(0, st)] if kind == 1 else first(repl(*sr.captures(st, True)))
                kept += v is None or v is False
                piece = _repl_value(v, S, st, e)
            add(piece)
            size += len(piece)
            src = last = e
        if size - pending > 16384:
            if size > limit:
                raise too_large()
            charge((size - pending) >> 6)
            pending = size
        if anchored:
            break
    if n == kept:  # nothing replaced: Lua returns the original string
        charge(1 + ((size - pending) >> 6))
        return (S, n)
    if src < srcl:
        add(S[src:])
        size += srcl - src
    if size > limit:
        raise too_large()
    charge(1 + ((size - pending) >> 6))
    alloc(size)
    return (_replaced_copy(b"".join(out), S), n)


def _gsub_rx(comp: Any, S: bytes, repl: Any, kind: int, parts: Any, max_s: int, limit: int) -> Any:
    """gsub's loop over the matches of a regex that never matches empty
    (no need for Lua's "not where the last match ended" rule), for a
    replacement of each kind (0 string parts, 1 table, 2 function)."""
    srcl = len(S)
    weight = comp.items
    out: list = []
    add = out.append
    size = 0
    pending = 0
    scanned = 0
    src = 0
    n = 0
    ncap = comp.ncap
    kept = 0  # matches whose replacement value was nil or false
    for m in _rx_iter(comp, S, 0):
        st, e = m.span()
        if st > src:
            add(S[src:st])
            size += st - src
        if kind == 0:
            piece = _expand(parts, S, st, e, comp, m)
        elif kind == 1:
            if ncap == 0:
                key = S[st:e]
            elif 0 in comp.poscaps:
                key = m.start(1) + 1
            else:
                key = m.group(1)
            piece = repl[key]
            if piece.__class__ is not bytes:
                kept += piece is None or piece is False
                piece = _repl_value(piece, S, st, e)
        else:
            if ncap == 0:
                piece = repl(S[st:e])
            else:
                piece = repl(*rx_captures(comp, m))
            if piece.__class__ is not bytes:
                if piece.__class__ is tuple:
                    piece = piece[0] if piece else None
                kept += piece is None or piece is False
                piece = _repl_value(piece, S, st, e)
        add(piece)
        size += len(piece)
        src = e
        n += 1
        if size - pending > 16384 or n & 255 == 0:
            if size > limit:
                raise too_large()
            charge(1 + ((size - pending) >> 6) + ((e - scanned) * weight >> 7))
            pending = size
            scanned = e
        if n >= max_s:
            break
    if n == kept:  # nothing replaced: Lua returns the original string
        charge(1 + ((size - pending) >> 6) + ((srcl - scanned) * weight >> 7))
        return (S, n)
    if src < srcl:
        add(S[src:])
        size += srcl - src
    if size > limit:
        raise too_large()
    charge(1 + ((size - pending) >> 6) + ((srcl - scanned) * weight >> 7))
    alloc(size)
    return (_replaced_copy(b"".join(out), S), n)


def _expand(parts: list, S: bytes, st: int, e: int, comp: Any, src: Any) -> bytes:
    """Expand a replacement string for one match (``add_s``); ``src`` is the
    ``re.Match`` or the ``Search`` holding the captures."""
    if len(parts) == 1 and parts[0].__class__ is bytes:
        return parts[0]
    out = []
    for p in parts:
        c = p.__class__
        if c is bytes:
            out.append(p)
        elif c is int:
            if p == 0:
                out.append(S[st:e])
            else:
                v = _capture(comp, src, p - 1, S, st, e)
                out.append(v if v.__class__ is bytes else b"%d" % v)
        else:
            raise lib_error("invalid use of '%' in replacement string")
    return b"".join(out)


def _capture(comp: Any, src: Any, l: int, S: bytes, st: int, e: int) -> Any:
    if src.__class__ is Search:
        return src.capture(l, st)
    if l >= comp.ncap:
        if l != 0:
            raise lib_error(f"invalid capture index %{l + 1}")
        return S[st:e]
    if l in comp.poscaps:
        return src.start(l + 1) + 1
    return src.group(l + 1)


# ------------------------------------------------ string metatable

_tonum = to_number  # a number, or a numeric string converted


def _arith_metamethod(name: str, fn: Any) -> Any:
    """lstrlib's arithmetic metamethods of strings: numeric strings are
    converted; otherwise the second operand's metamethod, or an error."""
    event = ("__" + name).encode()

    def string_arith(*args: Any) -> Any:
        a = args[0] if args else None
        b = args[1] if len(args) > 1 else None
        x = _tonum(a)
        if x is not None:
            y = x if len(args) < 2 else _tonum(b)  # C reads its own copy of arg 1
            if y is not None:
                return fn(x, y)
        h = None if b.__class__ is bytes else metamethod(b, event)
        if h is None:
            raise lib_error(f"attempt to {name} a '{type_name(a)}' with a '{type_name(b)}'")
        return first(h(a, b))

    return lib_function(string_arith)


STRING_METAMETHODS = {
    b"__add": _arith_metamethod("add", _ops.arith_add),
    b"__sub": _arith_metamethod("sub", _ops.arith_sub),
    b"__mul": _arith_metamethod("mul", _ops.arith_mul),
    b"__mod": _arith_metamethod("mod", _ops.arith_mod),
    b"__pow": _arith_metamethod("pow", _ops.arith_pow),
    b"__div": _arith_metamethod("div", _ops.arith_div),
    b"__idiv": _arith_metamethod("idiv", _ops.arith_idiv),
    b"__unm": _arith_metamethod("unm", lambda x, y: _ops.arith_unm(x)),
}


# The State's string metatable gets lstrlib's arithmetic metamethods next
# to its __index (see registry.Template). Arithmetic on strings does not go
# through them: the operators coerce directly; they are there for
# ``getmetatable("")`` and direct calls.
STRING_META = STRING_METAMETHODS


TABLE = {
    b"byte": str_byte,
    b"char": str_char,
    b"find": str_find,
    b"format": strformat.str_format,
    b"gmatch": str_gmatch,
    b"gsub": str_gsub,
    b"len": str_len,
    b"lower": str_lower,
    b"match": str_match,
    b"rep": str_rep,
    b"reverse": str_reverse,
    b"sub": str_sub,
    b"upper": str_upper,
    b"pack": strpack.str_pack,
    b"packsize": strpack.str_packsize,
    b"unpack": strpack.str_unpack,
}

__all__ = ["TABLE"]
