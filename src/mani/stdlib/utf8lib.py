"""The utf8 library (Lua 5.4): char charpattern codes codepoint len offset.

Decoding follows Lua's own rules, not Python's codec: sequences of up to six
bytes encode values up to 2^31 - 1; strict mode (the default) rejects values
above U+10FFFF and surrogates, ``lax`` accepts them. Overlong encodings are
always invalid.
"""

from __future__ import annotations

import re
from itertools import islice
from typing import Any, Optional

from ..runtime.context import charge, poll
from ..runtime.trace import lib_function
from ..syntax.lexer import utf8esc
from .stringlib import STACK_ROOM
from .tablelib import LibError, arg_error, check_integer, check_string, opt_integer

MAXUNICODE = 0x10FFFF
MAXUTF = 0x7FFFFFFF
_INT_MAX = 0x7FFFFFFF
_LIMITS = (0xFFFFFFFF, 0x80, 0x800, 0x10000, 0x200000, 0x4000000)
MSG_INVALID = "invalid UTF-8 code"


def decode(s: bytes, i: int, strict: bool) -> tuple:
    """Decode the sequence starting at byte ``i`` (0-based). Returns
    ``(code, next_index)`` or ``(None, 0)`` for an invalid sequence."""
    n = len(s)
    c = s[i]
    if c < 0x80:
        res = c
        count = 0
    else:
        res = 0
        count = 0
        while c & 0x40:
            count += 1
            cc = s[i + count] if i + count < n else 0
            if cc & 0xC0 != 0x80:
                return None, 0
            res = (res << 6) | (cc & 0x3F)
            c <<= 1
        res |= (c & 0x7F) << (count * 5)
        if count > 5 or res > MAXUTF or res < _LIMITS[count]:
            return None, 0
    if strict and (res > MAXUNICODE or 0xD800 <= res <= 0xDFFF):
        return None, 0
    return res, i + count + 1



def _posrelat(pos: int, ln: int) -> int:
    if pos >= 0:
        return pos
    if -pos > ln:
        return 0
    return ln + pos + 1


def _iscont(s: bytes, i: int) -> bool:
    return i < len(s) and s[i] & 0xC0 == 0x80


_NONCONT = re.compile(rb"[^\x80-\xbf]")
_CONT = bytes(range(0x80, 0xC0))


def _skip_fwd(s: bytes, i: int) -> int:
    """First index >= i that is not a continuation byte (or len(s)); the
    scan runs in C and is charged by its length."""
    if i >= len(s) or s[i] & 0xC0 != 0x80:
        return i
    m = _NONCONT.search(s, i)
    j = m.start() if m else len(s)
    charge((j - i) // 64)
    return j


def _skip_back(s: bytes, i: int) -> int:
    """Largest index <= i that is not a continuation byte, or 0."""
    if i <= 0 or i >= len(s) or s[i] & 0xC0 != 0x80:
        return i
    j = len(s[:i + 1].rstrip(_CONT))
    charge((i - j) // 64)
    return max(j - 1, 0)


def _lax(args: tuple, n: int) -> bool:
    v = args[n - 1] if len(args) >= n else None
    return v is not None and v is not False


# ---------------------------------------------------------------- functions


@lib_function
def utf8_char(*args: Any) -> Any:
    n = len(args)
    charge(1 + n // 8)
    parts = []
    for i in range(1, n + 1):
        code = check_integer(args, i, "utf8.char")
        if not 0 <= code <= MAXUTF:
            raise arg_error(i, "utf8.char", "value out of range")
        parts.append(utf8esc(code))
    return b"".join(parts)


@lib_function
def utf8_codepoint(*args: Any) -> Any:
    s = check_string(args, 1, "utf8.codepoint")
    ln = len(s)
    posi = _posrelat(opt_integer(args, 2, "utf8.codepoint", 1), ln)
    pose = _posrelat(opt_integer(args, 3, "utf8.codepoint", posi), ln)
    strict = not _lax(args, 4)
    if posi < 1:
        raise arg_error(2, "utf8.codepoint", "out of bounds")
    if pose > ln:
        raise arg_error(3, "utf8.codepoint", "out of bounds")
    if posi > pose:
        return ()
    if pose - posi >= _INT_MAX:
        raise LibError("string slice too long")
    if pose - posi >= STACK_ROOM:  # one result per byte at most: Lua checks its stack for them
        raise LibError("stack overflow (string slice too long)")
    charge(1 + (pose - posi) // 8)
    out: list = []
    i = posi - 1
    while i < pose:
        stop = min(i + _PIECE, pose)
        whole = stop  # the piece's last character may go on past it
        while whole < ln and whole < stop + 3 and s[whole] & 0xC0 == 0x80:
            whole += 1
        text = _decoded(s[i:whole]) if strict else None
        if text is not None:  # valid: decoded in C
            out += map(ord, text)
            i = whole
        else:  # invalid, or lax: Lua's own decoder decides
            while i < stop:
                code, i = decode(s, i, strict)
                if code is None:
                    raise LibError(MSG_INVALID)
                out.append(code)
        poll()
    return out[0] if len(out) == 1 else tuple(out)


@lib_function
def utf8_len(*args: Any) -> Any:
    s = check_string(args, 1, "utf8.len")
    ln = len(s)
    posi = _posrelat(opt_integer(args, 2, "utf8.len", 1), ln)
    posj = _posrelat(opt_integer(args, 3, "utf8.len", -1), ln)
    strict = not _lax(args, 4)
    if not (1 <= posi and posi - 1 <= ln):
        raise arg_error(2, "utf8.len", "initial position out of bounds")
    posi -= 1
    posj -= 1
    if not posj < ln:
        raise arg_error(3, "utf8.len", "final position out of bounds")
    if posi > posj:
        charge(1)
        return 0
    charge(1 + (posj - posi) // 8)
    # A piece at a time, so that an interrupt or a deadline is seen within
    # milliseconds; each piece is counted in C when it is valid UTF-8 that
    # Python's strict decoder accepts (the same set as Lua's strict mode).
    n = 0
    end = posj + 1
    while posi < end:
        stop = min(posi + _PIECE, end)
        piece = s[posi:stop]
        if piece.isascii():
            n += len(piece)
            posi = stop
        else:
            whole = stop  # the piece's last character may go on past it
            while whole < ln and whole < stop + 3 and s[whole] & 0xC0 == 0x80:
                whole += 1
            if strict and _decoded(s[posi:whole]) is not None:
                n += len(piece) - len(piece.translate(None, _NOT_CONTINUATION))
                posi = whole  # (what lies between is the last character's tail)
            else:  # invalid, or lax: Lua's own decoder decides
                while posi < stop:
                    if s[posi] < 0x80:
                        posi += 1
                    else:
                        code, nxt = decode(s, posi, strict)
                        if code is None:
                            return (None, posi + 1)
                        posi = nxt
                    n += 1
        poll()
    return n


def _decoded(b: bytes) -> Optional[str]:
    """``b`` decoded when it is valid UTF-8 by Lua's strict rules (the same
    as Python's strict decoder: no surrogates, nothing past U+10FFFF, no
    overlong forms), else None."""
    try:
        return b.decode("utf-8")
    except UnicodeDecodeError:
        return None


_PIECE = 1 << 16
_NOT_CONTINUATION = bytes(b for b in range(256) if b & 0xC0 != 0x80)


@lib_function
def utf8_offset(*args: Any) -> Any:
    s = check_string(args, 1, "utf8.offset")
    n = check_integer(args, 2, "utf8.offset")
    ln = len(s)
    posi = opt_integer(args, 3, "utf8.offset", 1 if n >= 0 else ln + 1)
    posi = _posrelat(posi, ln)
    if not (1 <= posi and posi - 1 <= ln):
        raise arg_error(3, "utf8.offset", "position out of bounds")
    posi -= 1
    if n == 0:
        charge(1)
        return _skip_back(s, posi) + 1
    if _iscont(s, posi):
        raise LibError("initial position is a continuation byte")
    charge(1 + min(abs(n), ln) // 8)
    if n < 0:
        posi, n = _back(s, posi, -n)
    else:
        posi, n = _forward(s, posi, n - 1)
    if n == 0:
        return posi + 1
    return None


# utf8.offset moves a character at a time: to the next byte that is not a
# continuation byte (the end of the string counts as one) or the previous
# one (the start counts as one). Whole pieces of characters are counted in
# C and skipped; only the last piece is searched. Each piece scanned is
# charged by its length (a run of continuation bytes is many bytes for few
# moves), as the moves were up front.


def _forward(s: bytes, i: int, steps: int) -> tuple:
    """(index, steps not taken) after ``steps`` moves forward from ``i``."""
    ln = len(s)
    while steps > 0 and i < ln:
        start = i + 1
        stop = min(start + _PIECE, ln)
        charge((stop - start) >> 6)  # the scan, however few characters it finds
        piece = s[start:stop]
        count = len(piece.translate(None, _CONT))  # character starts in the piece
        if count >= steps:
            return start + next(islice(_NONCONT.finditer(piece), steps - 1, None)).start(), 0
        steps -= count
        i = stop - 1
        if stop == ln:  # one more move reaches the end
            i, steps = ln, steps - 1
        poll()
    return i, steps


def _back(s: bytes, i: int, steps: int) -> tuple:
    """(index, steps not taken) after ``steps`` moves back from ``i``."""
    while steps > 0 and i > 0:
        lo = max(i - _PIECE, 0)
        charge((i - lo) >> 6)
        piece = s[lo:i]
        starts = [m.start() for m in _NONCONT.finditer(piece)]
        if len(starts) >= steps:
            return lo + starts[-steps], 0
        steps -= len(starts)
        i = lo
        if lo == 0:
            if not starts or starts[0] != 0:  # the start counts as a move
                steps -= 1
            return 0, steps
        poll()
    return i, steps


def _iter(args: tuple, strict: bool) -> Any:
    s = check_string(args, 1, "?")
    ln = len(s)
    n = args[1] if len(args) > 1 else None
    if n.__class__ is not int:
        n = check_integer(args, 2, "?") if n is not None else 0
    n &= 0xFFFFFFFFFFFFFFFF
    if n < ln:
        n = _skip_fwd(s, n)
    if n >= ln:
        return ()
    code, nxt = decode(s, n, strict)
    if code is None or _iscont(s, nxt):
        raise LibError(MSG_INVALID)
    return (n + 1, code)


@lib_function
def utf8_codes_strict(*args: Any) -> Any:
    return _iter(args, True)


@lib_function
def utf8_codes_lax(*args: Any) -> Any:
    return _iter(args, False)


@lib_function
def utf8_codes(*args: Any) -> Any:
    s = check_string(args, 1, "utf8.codes")
    if _iscont(s, 0):
        raise arg_error(1, "utf8.codes", MSG_INVALID)
    charge(1)
    return (utf8_codes_lax if _lax(args, 2) else utf8_codes_strict, s, 0)


CHARPATTERN = b"[\x00-\x7F\xC2-\xFD][\x80-\xBF]*"

TABLE = {
    b"char": utf8_char,
    b"charpattern": CHARPATTERN,
    b"codes": utf8_codes,
    b"codepoint": utf8_codepoint,
    b"len": utf8_len,
    b"offset": utf8_offset,
}

__all__ = ["TABLE", "decode", "CHARPATTERN"]
