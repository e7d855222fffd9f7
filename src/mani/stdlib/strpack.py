"""``string.pack``, ``string.unpack`` and ``string.packsize`` (Lua 5.4).

Mirrors lstrlib.c on a 64-bit little-endian machine: native integers of
sizes b=1 h=2 i=4 l=8 j=8 T=8, ``!`` aligns to at most 8 by default,
``lua_Integer`` is 8 bytes, floats ``f`` (4) and ``d``/``n`` (8) are IEEE.
The format string ends at its first zero byte, as in C.
"""

from __future__ import annotations

import math
import struct
from typing import Any

from ..runtime.context import charge, current
from .base import lib_error
from ..runtime.trace import lib_function
from ..runtime.values import wrap_int
from .patterns import bad_arg, check_int, check_num, check_str, opt_int, posrelat_start

SZINT = 8  # sizeof(lua_Integer)
MAXINTSIZE = 16
MAXALIGN = 8  # offsetof(struct cD, u)
MAXSIZE = 0x7FFFFFFF
M64 = 0xFFFFFFFFFFFFFFFF

KINT, KUINT, KFLOAT, KNUMBER, KDOUBLE, KCHAR, KSTRING, KZSTR, KPADDING, KPADDALIGN, KNOP = range(11)

_FIXED = {
    ord("b"): (KINT, 1), ord("B"): (KUINT, 1),
    ord("h"): (KINT, 2), ord("H"): (KUINT, 2),
    ord("l"): (KINT, 8), ord("L"): (KUINT, 8),
    ord("j"): (KINT, 8), ord("J"): (KUINT, 8),
    ord("T"): (KUINT, 8),
    ord("f"): (KFLOAT, 4), ord("n"): (KNUMBER, 8), ord("d"): (KDOUBLE, 8),
}


class _Header:
    __slots__ = ("little", "maxalign")

    def __init__(self) -> None:
        self.little = True
        self.maxalign = 1


def _getnum(fmt: bytes, pos: int, df: int) -> tuple:
    n = len(fmt)
    if pos >= n or not 48 <= fmt[pos] <= 57:
        return df, pos
    a = 0
    while True:
        a = a * 10 + (fmt[pos] - 48)
        pos += 1
        if not (pos < n and 48 <= fmt[pos] <= 57 and a <= (MAXSIZE - 9) // 10):
            return a, pos


def _getnumlimit(fmt: bytes, pos: int, df: int) -> tuple:
    sz, pos = _getnum(fmt, pos, df)
    if sz > MAXINTSIZE or sz <= 0:
        raise lib_error(f"integral size ({sz}) out of limits [1,{MAXINTSIZE}]")
    return sz, pos


def _getoption(h: _Header, fmt: bytes, pos: int) -> tuple:
    """(kind, size, new position) of the option at ``pos``."""
    opt = fmt[pos]
    pos += 1
    fixed = _FIXED.get(opt)
    if fixed is not None:
        return fixed[0], fixed[1], pos
    if opt == 105:  # i
        sz, pos = _getnumlimit(fmt, pos, 4)
        return KINT, sz, pos
    if opt == 73:  # I
        sz, pos = _getnumlimit(fmt, pos, 4)
        return KUINT, sz, pos
    if opt == 115:  # s
        sz, pos = _getnumlimit(fmt, pos, 8)
        return KSTRING, sz, pos
    if opt == 99:  # c
        sz, pos = _getnum(fmt, pos, -1)
        if sz == -1:
            raise lib_error("missing size for format option 'c'")
        return KCHAR, sz, pos
    if opt == 122:  # z
        return KZSTR, 0, pos
    if opt == 120:  # x
        return KPADDING, 1, pos
    if opt == 88:  # X
        return KPADDALIGN, 0, pos
    if opt == 32:  # ' '
        return KNOP, 0, pos
    if opt == 60:  # <
        h.little = True
        return KNOP, 0, pos
    if opt == 62 or opt == 61:  # > =
        h.little = opt == 61
        return KNOP, 0, pos
    if opt == 33:  # !
        h.maxalign, pos = _getnumlimit(fmt, pos, MAXALIGN)
        return KNOP, 0, pos
    ch = bytes([opt]).decode("utf-8", "surrogateescape")
    raise lib_error(f"invalid format option '{ch}'")


def _getdetails(h: _Header, total: int, fmt: bytes, pos: int, fname: str) -> tuple:
    """(kind, size, padding for alignment, new position)."""
    opt, size, pos = _getoption(h, fmt, pos)
    align = size
    if opt == KPADDALIGN:
        if pos >= len(fmt):
            raise bad_arg(1, fname, "invalid next option for option 'X'")
        o2, align, pos = _getoption(h, fmt, pos)
        if o2 == KCHAR or align == 0:
            raise bad_arg(1, fname, "invalid next option for option 'X'")
    if align <= 1 or opt == KCHAR:
        return opt, size, 0, pos
    if align > h.maxalign:
        align = h.maxalign
    if align & (align - 1):
        raise bad_arg(1, fname, "format asks for alignment not power of 2")
    return opt, size, (align - (total & (align - 1))) & (align - 1), pos


def _packint(v: int, little: bool, size: int, neg: bool) -> bytes:
    v &= M64
    if size <= SZINT:
        b = v.to_bytes(8, "little")[:size]
    else:
        b = v.to_bytes(8, "little") + (b"\xff" if neg else b"\x00") * (size - SZINT)
    return b if little else b[::-1]


def _unpackint(data: bytes, pos: int, little: bool, size: int, signed: bool) -> int:
    chunk = data[pos:pos + size]
    if not little:
        chunk = chunk[::-1]
    res = int.from_bytes(chunk[:SZINT], "little")
    if size < SZINT:
        if signed:
            mask = 1 << (size * 8 - 1)
            res = (res ^ mask) - mask
        return res
    if size > SZINT:
        mask = 0xFF if signed and res >= 1 << 63 else 0
        for b in chunk[SZINT:]:
            if b != mask:
                raise lib_error(f"{size}-byte integer does not fit into Lua Integer")
    return wrap_int(res)


def _fmt_arg(args: tuple, fname: str) -> bytes:
    fmt = check_str(args, 1, fname)
    z = fmt.find(b"\0")
    return fmt if z < 0 else fmt[:z]


@lib_function
def str_pack(*args: Any) -> Any:
    fmt = _fmt_arg(args, "pack")
    h = _Header()
    limit = current().engine.max_string_size
    out: list = []
    add = out.append
    total = 0
    arg = 1
    pos = 0
    items = 0
    nf = len(fmt)
    while pos < nf:
        opt, size, ntoalign, pos = _getdetails(h, total, fmt, pos, "pack")
        total += ntoalign + size
        if total > limit:
            raise lib_error("resulting string too large")
        if ntoalign:
            add(b"\0" * ntoalign)
        arg += 1
        items += 1
        if items & 255 == 0:
            charge(32 + (total >> 6))
        if opt == KINT:
            n = check_int(args, arg, "pack")
            if size < SZINT:
                lim = 1 << (size * 8 - 1)
                if not -lim <= n < lim:
                    raise bad_arg(arg, "pack", "integer overflow")
            add(_packint(n, h.little, size, n < 0))
        elif opt == KUINT:
            n = check_int(args, arg, "pack")
            if size < SZINT and (n & M64) >= 1 << (size * 8):
                raise bad_arg(arg, "pack", "unsigned overflow")
            add(_packint(n, h.little, size, False))
        elif opt == KFLOAT:
            x = float(check_num(args, arg, "pack"))
            code = "<f" if h.little else ">f"
            try:
                add(struct.pack(code, x))
            except OverflowError:  # C's (float) cast gives an infinity
                add(struct.pack(code, math.copysign(math.inf, x)))
        elif opt == KNUMBER or opt == KDOUBLE:
            x = float(check_num(args, arg, "pack"))
            add(struct.pack("<d" if h.little else ">d", x))
        elif opt == KCHAR:
            s = check_str(args, arg, "pack")
            if len(s) > size:
                raise bad_arg(arg, "pack", "string longer than given size")
            add(s)
            if len(s) < size:
                add(b"\0" * (size - len(s)))
        elif opt == KSTRING:
            s = check_str(args, arg, "pack")
            if size < SZINT and len(s) >= 1 << (size * 8):
                raise bad_arg(arg, "pack", "string length does not fit in given size")
            total += len(s)
            if total > limit:
                raise lib_error("resulting string too large")
            add(_packint(len(s), h.little, size, False))
            add(s)
        elif opt == KZSTR:
            s = check_str(args, arg, "pack")
            if b"\0" in s:
                raise bad_arg(arg, "pack", "string contains zeros")
            total += len(s) + 1
            if total > limit:
                raise lib_error("resulting string too large")
            add(s)
            add(b"\0")
        else:
            if opt == KPADDING:
                add(b"\0")
            arg -= 1
    charge(1 + (items >> 3) + (total >> 6))
    return b"".join(out)


@lib_function
def str_packsize(*args: Any) -> Any:
    fmt = _fmt_arg(args, "packsize")
    h = _Header()
    total = 0
    pos = 0
    nf = len(fmt)
    while pos < nf:
        opt, size, ntoalign, pos = _getdetails(h, total, fmt, pos, "packsize")
        if opt == KSTRING or opt == KZSTR:
            raise bad_arg(1, "packsize", "variable-length format")
        size += ntoalign
        if total > MAXSIZE - size:
            raise bad_arg(1, "packsize", "format result too large")
        total += size
    charge(1 + (nf >> 3))
    return total


@lib_function
def str_unpack(*args: Any) -> Any:
    fmt = _fmt_arg(args, "unpack")
    data = check_str(args, 2, "unpack")
    ld = len(data)
    pos = posrelat_start(opt_int(args, 3, "unpack", 1), ld) - 1
    if pos > ld:
        raise bad_arg(3, "unpack", "initial position out of string")
    h = _Header()
    res: list = []
    add = res.append
    fi = 0
    nf = len(fmt)
    start = pos
    items = 0
    while fi < nf:
        opt, size, ntoalign, fi = _getdetails(h, pos, fmt, fi, "unpack")
        if ntoalign + size > ld - pos:
            raise bad_arg(2, "unpack", "data string too short")
        pos += ntoalign
        items += 1
        if items & 255 == 0:
            charge(32 + ((pos - start) >> 6))
            start = pos
        if opt == KINT or opt == KUINT:
            add(_unpackint(data, pos, h.little, size, opt == KINT))
        elif opt == KFLOAT:
            add(struct.unpack_from("<f" if h.little else ">f", data, pos)[0])
        elif opt == KNUMBER or opt == KDOUBLE:
            add(struct.unpack_from("<d" if h.little else ">d", data, pos)[0])
        elif opt == KCHAR:
            add(data[pos:pos + size])
        elif opt == KSTRING:
            ln = _unpackint(data, pos, h.little, size, False) & M64
            if ln > ld - pos - size:
                raise bad_arg(2, "unpack", "data string too short")
            add(data[pos + size:pos + size + ln])
            pos += ln
        elif opt == KZSTR:
            e = data.find(b"\0", pos)
            ln = (e if e >= 0 else ld) - pos
            if pos + ln >= ld:
                raise bad_arg(2, "unpack", "unfinished string for format 'z'")
            add(data[pos:pos + ln])
            pos += ln + 1
        pos += size
    charge(1 + (items >> 3) + ((pos - start) >> 6))
    add(pos + 1)
    return tuple(res)
