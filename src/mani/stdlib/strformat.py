"""``string.format`` (Lua 5.4): C printf conversions reproduced in Python.

Lua hands each conversion to the C library's ``sprintf`` after checking it
(``checkformat``: which flags each conversion accepts, width and precision of
at most two digits). The checks and their error messages follow lstrlib.c;
the output follows glibc's printf: integers and ``%a`` are formatted here
by hand, ``%e %f %g`` by Python's ``%`` operator (same correctly rounded
conversions) except for infinities and NaNs, whose sign and padding C
handles differently.
"""

from __future__ import annotations

import math
import re
from typing import Any

from ..runtime.context import alloc, charge, current
from .base import lib_error
from ..runtime.trace import lib_function
from ..runtime.values import MININT, Table, Userdata, type_name
from .base import tostring_value
from .patterns import bad_arg, check_int, check_num, check_str

MAX_FORMAT = 32
FLAGS_F = b"-+ #0"  # a A e E f g G
FLAGS_X = b"-#0"  # o x X
FLAGS_I = b"-+ 0"  # d i
FLAGS_U = b"-0"  # u
FLAGS_C = b"-"  # c p s
_SPAN = frozenset(b"-+ #0123456789.")
M64 = 0xFFFFFFFFFFFFFFFF


def _form_text(form: bytes) -> str:
    return form.decode("utf-8", "surrogateescape")


def _skip2(spec: bytes, i: int) -> int:
    if i < len(spec) and 48 <= spec[i] <= 57:
        i += 1
        if i < len(spec) and 48 <= spec[i] <= 57:
            i += 1
    return i


def _checkformat(form: bytes, flags: bytes, precision: bool) -> tuple:
    """lstrlib's ``checkformat``; returns (flags, width, precision or None)."""
    spec = form[1:]
    i = 0
    while i < len(spec) and spec[i] in flags:
        i += 1
    fl = spec[:i]
    width = 0
    prec = None
    if spec[i:i + 1] != b"0":
        j = _skip2(spec, i)
        if j > i:
            width = int(spec[i:j])
        i = j
        if spec[i:i + 1] == b"." and precision:
            i += 1
            j = _skip2(spec, i)
            prec = int(spec[i:j]) if j > i else 0
            i = j
    if not (i < len(spec) and (65 <= spec[i] <= 90 or 97 <= spec[i] <= 122)):
        raise lib_error(f"invalid conversion specification: '{_form_text(form)}'")
    return fl, width, prec


def _pad(body: bytes, flags: bytes, width: int) -> bytes:
    if len(body) >= width:
        return body
    if b"-" in flags:
        return body.ljust(width)
    return body.rjust(width)


def _fmt_int(v: int, conv: int, flags: bytes, width: int, prec: Any) -> bytes:
    sign = b""
    prefix = b""
    if conv == 100 or conv == 105:  # d i
        if v < 0:
            sign = b"-"
            v = -v
        elif b"+" in flags:
            sign = b"+"
        elif b" " in flags:
            sign = b" "
        digits = b"%d" % v
    else:
        v &= M64
        if conv == 117:  # u
            digits = b"%d" % v
        elif conv == 111:  # o
            digits = b"%o" % v
        elif conv == 120:
            digits = b"%x" % v
        else:
            digits = b"%X" % v
    if prec is not None:
        if prec == 0 and v == 0:
            digits = b""
        elif len(digits) < prec:
            digits = digits.rjust(prec, b"0")
    if b"#" in flags:
        if conv == 111:
            if not digits.startswith(b"0"):
                digits = b"0" + digits
        elif v != 0:
            prefix = b"0x" if conv == 120 else b"0X"
    body = sign + prefix + digits
    if len(body) < width:
        if b"-" in flags:
            body = body.ljust(width)
        elif b"0" in flags and prec is None:
            body = sign + prefix + digits.rjust(width - len(sign) - len(prefix), b"0")
        else:
            body = body.rjust(width)
    return body


def _sign_of(x: float, flags: bytes) -> bytes:
    if math.copysign(1.0, x) < 0:
        return b"-"
    if b"+" in flags:
        return b"+"
    if b" " in flags:
        return b" "
    return b""


def _nonfinite(x: float, upper: bool, flags: bytes, width: int) -> bytes:
    body = _sign_of(x, flags) + (b"inf" if x == x else b"nan")
    if upper:
        body = body.upper()
    return _pad(body, flags, width)


def _fmt_float(x: float, conv: int, flags: bytes, width: int, prec: Any) -> bytes:
    if x != x or x in (math.inf, -math.inf):
        return _nonfinite(x, conv in (69, 71), flags, width)
    spec = b"%" + flags + (b"%d" % width if width else b"") + (b".%d" % prec if prec is not None else b"") + bytes([conv])
    return spec % x


def hex_float(x: float, upper: bool = False, flags: bytes = b"", width: int = 0, prec: Any = None) -> bytes:
    """C's ``%a`` (glibc): ``0x1.8p+1``; subnormals as ``0x0.xxxp-1022``."""
    if x != x or x in (math.inf, -math.inf):
        return _nonfinite(x, upper, flags, width)
    sign = _sign_of(x, flags)
    x = abs(x)
    if x == 0:
        lead, frac, exp = 0, 0, 0
    else:
        m, e = math.frexp(x)  # x = m * 2**e, 0.5 <= m < 1
        if e >= -1021:  # normal
            lead = 1
            frac = int(m * (1 << 53)) - (1 << 52)
            exp = e - 1
        else:  # subnormal: 0x0.<52 bits>p-1022
            lead = 0
            frac = int(math.ldexp(x, 1074))
            exp = -1022
    if prec is None:
        digits = b"%013x" % frac
        digits = digits.rstrip(b"0")
    elif prec < 13:
        shift = 4 * (13 - prec)
        total = (lead << 52) | frac
        q, r = divmod(total, 1 << shift)
        half = 1 << (shift - 1)
        if r > half or (r == half and q & 1):
            q += 1
        lead = q >> (4 * prec)
        rest = q & ((1 << (4 * prec)) - 1)
        digits = (b"%0*x" % (prec, rest)) if prec else b""
    else:
        digits = (b"%013x" % frac) + b"0" * (prec - 13)
    point = b"." if digits or b"#" in flags else b""
    body = b"%d" % lead + point + digits + b"p" + (b"+" if exp >= 0 else b"-") + b"%d" % abs(exp)
    prefix = sign + b"0x"
    if len(prefix) + len(body) < width:
        if b"-" in flags:
            out = (prefix + body).ljust(width)
        elif b"0" in flags:
            out = prefix + body.rjust(width - len(prefix), b"0")
        else:
            out = (prefix + body).rjust(width)
    else:
        out = prefix + body
    return out.upper() if upper else out


_QUOTE_RE = re.compile(rb'([\x00-\x09\x0b-\x1f\x7f])(?=[0-9])|([\x00-\x09\x0b-\x1f\x7f])|(["\\\n])')


def _quote_sub(m: Any) -> bytes:
    g = m.group(1)
    if g is not None:
        return b"\\%03d" % g[0]
    g = m.group(2)
    if g is not None:
        return b"\\%d" % g[0]
    return b"\\" + m.group(3)


def quote_string(s: bytes) -> bytes:
    return b'"' + _QUOTE_RE.sub(_quote_sub, s) + b'"'


def _literal(v: Any, arg: int) -> bytes:
    c = v.__class__
    if c is bytes:
        return quote_string(v)
    if c is int:
        if v == MININT:
            return b"0x8000000000000000"
        return b"%d" % v
    if c is float:
        if v == math.inf:
            return b"1e9999"
        if v == -math.inf:
            return b"-1e9999"
        if v != v:
            return b"(0/0)"
        return hex_float(v)
    if v is None:
        return b"nil"
    if v is True:
        return b"true"
    if v is False:
        return b"false"
    raise bad_arg(arg, "format", "value has no literal form")


def _pointer(v: Any) -> Any:
    c = v.__class__
    if isinstance(v, Table) or c is Userdata or c is bytes or type_name(v) in ("function", "thread"):
        return current().address(v)
    return None


@lib_function
def str_format(*args: Any) -> Any:
    fmt = check_str(args, 1, "format")
    nargs = len(args)
    n = len(fmt)
    out: list = []
    add = out.append
    size = 0
    charged = 0
    charged_arg = 1
    arg = 1
    i = 0
    while i < n:
        j = fmt.find(b"%", i)
        if j < 0:
            add(fmt[i:])
            size += n - i
            break
        if j > i:
            add(fmt[i:j])
            size += j - i
        j += 1
        if j < n and fmt[j] == 37:
            add(b"%")
            size += 1
            i = j + 1
            continue
        arg += 1
        if arg > nargs:
            raise bad_arg(arg, "format", "no value")
        k = j
        while k < n and fmt[k] in _SPAN:
            k += 1
        if k - j + 1 >= MAX_FORMAT - 10:
            raise lib_error("invalid format (too long)")
        conv = fmt[k] if k < n else 0
        form = b"%" + fmt[j:k + 1]
        i = k + 1
        v = args[arg - 1]
        if conv == 100 or conv == 105 or conv == 117 or conv == 111 or conv == 120 or conv == 88:
            x = v if v.__class__ is int else check_int(args, arg, "format")
            if len(form) == 2:
                piece = b"%d" % x if conv == 100 or conv == 105 else _fmt_int(x, conv, b"", 0, None)
            else:
                fl = FLAGS_I if conv == 100 or conv == 105 else (FLAGS_U if conv == 117 else FLAGS_X)
                flags, width, prec = _checkformat(form, fl, True)
                piece = _fmt_int(x, conv, flags, width, prec)
        elif conv == 115:  # s
            s = tostring_value(current(), v)
            if len(form) == 2:
                piece = s
            else:
                if b"\0" in s:
                    raise bad_arg(arg, "format", "string contains zeros")
                flags, width, prec = _checkformat(form, FLAGS_C, True)
                if prec is not None:
                    s = s[:prec]
                piece = _pad(s, flags, width)
        elif conv in (101, 69, 102, 103, 71):  # e E f g G
            x = float(check_num(args, arg, "format"))
            flags, width, prec = _checkformat(form, FLAGS_F, True)
            piece = _fmt_float(x, conv, flags, width, prec)
        elif conv == 97 or conv == 65:  # a A
            flags, width, prec = _checkformat(form, FLAGS_F, True)
            x = float(check_num(args, arg, "format"))
            piece = hex_float(x, conv == 65, flags, width, prec)
        elif conv == 99:  # c
            flags, width, _ = _checkformat(form, FLAGS_C, False)
            x = check_int(args, arg, "format")
            piece = _pad(bytes([x & 0xFF]), flags, width)
        elif conv == 113:  # q
            if len(form) != 2:
                raise lib_error("specifier '%q' cannot have modifiers")
            piece = _literal(v, arg)
        elif conv == 112:  # p
            ptr = _pointer(v)
            flags, width, _ = _checkformat(form, FLAGS_C, False)
            piece = _pad(b"(null)" if ptr is None else ptr, flags, width)
        else:
            raise lib_error(f"invalid conversion '{_form_text(form)}' to 'format'")
        add(piece)
        size += len(piece)
        if size - charged > 4096 or arg - charged_arg >= 64:
            _check_size(size)
            charge(1 + ((size - charged) >> 6) + ((arg - charged_arg) >> 3))
            charged = size
            charged_arg = arg
    _check_size(size)
    charge(1 + ((size - charged) >> 6) + ((arg - charged_arg) >> 3))
    alloc(size)
    return b"".join(out)


def _check_size(size: int) -> None:
    if size > current().engine.max_string_size:
        raise lib_error("resulting string too large")
