"""The ``string`` library (Lua 5.4) on byte strings.

Every function charges the State's meter in proportion to the bytes it
produces or scans (``charge``), and checks the size of a result against the
Engine's ``max_string_size`` before building it. Patterns live in
``patterns``, ``format`` in ``strformat``, ``pack``/``unpack`` in
``strpack``.
"""

from __future__ import annotations

from typing import Any

from ..runtime.context import charge, current
from ..runtime.ops import OpError, first
from .base import lib_error
from ..runtime.trace import lib_function
from ..runtime.values import Table, number_to_str, type_name
from . import strformat, strpack
from .patterns import (
    Search,
    bad_arg,
    check_int,
    check_str,
    compile_pattern,
    end_pos,
    no_specials,
    opt_int,
    opt_str,
    posrelat_start,
    _type_err,
)

MAXSIZE = 0x7FFFFFFF  # lstrlib's MAXSIZE (INT_MAX): the largest string it builds
STACK_ROOM = 999_950  # about how many values a C function may push (LUAI_MAXSTACK)


def size_limit() -> int:
    return min(current().engine.max_string_size, MAXSIZE)


def too_large() -> OpError:
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
    pi = posrelat_start(opt_int(args, 2, "byte", 1), l)
    pose = end_pos(opt_int(args, 3, "byte", pi), l)
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
    if ls:
        return (s + sep) * (n - 1) + s
    return s * n


# ------------------------------------------------------------ find / match


def _find_aux(args: tuple, find: bool) -> Any:
    fname = "find" if find else "match"
    S = args[0] if args else None
    if S.__class__ is not bytes:
        S = check_str(args, 1, fname)
    P = args[1] if len(args) > 1 else None
    if P.__class__ is not bytes:
        P = check_str(args, 2, fname)
    ls = len(S)
    init = args[2] if len(args) > 2 else 1
    if init.__class__ is not int:
        init = opt_int(args, 3, fname, 1)
    if init <= 0:
        init = 1 if init == 0 or init < -ls else ls + init + 1
    if init > ls + 1:
        charge(1)
        return None
    if find and ((len(args) > 3 and args[3] is not None and args[3] is not False) or no_specials(P)):
        idx = S.find(P, init - 1)
        charge(1 + (((idx if idx >= 0 else ls) - init) >> 6))
        if idx < 0:
            return None
        return (idx + 1, idx + len(P))
    sr = Search(compile_pattern(P), S)
    st = sr.search(init - 1)
    if st < 0:
        return None
    if find:
        if sr.comp.ncap == 0:
            return (st + 1, sr.end)
        return (st + 1, sr.end) + sr.captures(st, False)
    caps = sr.captures(st, True)
    return caps[0] if len(caps) == 1 else caps


@lib_function
def str_find(*args: Any) -> Any:
    return _find_aux(args, True)


@lib_function
def str_match(*args: Any) -> Any:
    return _find_aux(args, False)


@lib_function
def str_gmatch(*args: Any) -> Any:
    S = check_str(args, 1, "gmatch")
    P = check_str(args, 2, "gmatch")
    ls = len(S)
    init = posrelat_start(opt_int(args, 3, "gmatch", 1), ls) - 1
    if init > ls:  # start after the end: no match at all
        init = ls + 1
    charge(1)
    sr = Search(compile_pattern(P, False), S)
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


@lib_function
def str_gsub(*args: Any) -> Any:
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
    elif tr is Table:
        kind = 1
    elif type_name(repl) == "function":
        kind = 2
    else:
        raise _type_err(3, "gsub", "string/function/table", args)
    limit = size_limit()
    comp = compile_pattern(P)
    parts = None
    if kind == 0:
        parts = _repl_parts(repl)
        if all(p.__class__ is bytes for p in parts):
            const = b"".join(parts)
            if comp.literal is not None and not comp.anchored:
                # plain substring replacement
                lit = comp.literal
                cnt = S.count(lit) if max_s > 0 else 0
                if cnt > max_s:
                    cnt = max_s
                size = srcl + cnt * (len(const) - len(lit))
                if size > limit:
                    raise too_large()
                charge(1 + ((srcl + size) >> 6))
                if cnt == 0:
                    return (S, 0)
                return (S.replace(lit, const, cnt), cnt)
            parts = [const]
    sr = Search(comp, S)
    anchored = comp.anchored
    out: list = []
    add = out.append
    size = 0
    pending = 0
    src = 0
    last = -1
    n = 0
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
                for p in parts:
                    c = p.__class__
                    if c is bytes:
                        piece = p
                    elif c is int:
                        if p == 0:
                            piece = S[st:e]
                        else:
                            v = sr.capture(p - 1, st)
                            piece = v if v.__class__ is bytes else b"%d" % v
                    else:
                        raise lib_error("invalid use of '%' in replacement string")
                    add(piece)
                    size += len(piece)
            else:
                if kind == 1:
                    v = repl[sr.capture(0, st)]
                else:
                    v = first(repl(*sr.captures(st, True)))
                c = v.__class__
                if v is None or v is False:
                    piece = S[st:e]
                elif c is bytes:
                    piece = v
                elif c is int or c is float:
                    piece = number_to_str(v)
                else:
                    raise lib_error(f"invalid replacement value (a {type_name(v)})")
                add(piece)
                size += len(piece)
            src = last = e
        if size > limit:
            raise too_large()
        if size - pending > 65536:
            charge((size - pending) >> 6)
            pending = size
        if anchored:
            break
    if n == 0:
        charge(1)
        return (S, 0)
    if src < srcl:
        add(S[src:])
        size += srcl - src
    if size > limit:
        raise too_large()
    charge(1 + ((size - pending) >> 6))
    return (b"".join(out), n)


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
