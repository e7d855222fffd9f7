"""The math library, with Lua 5.4's integer/float semantics.

``math.random`` is Lua 5.4's xoshiro256** generator, bit for bit: after
``math.randomseed(n)`` the stream equals reference Lua's. Each State has its
own generator (kept in a weak dictionary keyed by the State), created on
first use. **A new State starts as if ``math.randomseed(0)`` had been
called**, so runs are deterministic; ``set_seed(rt, n)`` reseeds it from the
host (``State.set_rng_seed(n)``). ``math.randomseed()`` without arguments
takes its seed from the Engine's ``entropy`` callable when the host gave one
(``Engine(entropy=...)``, returning an int); otherwise it derives the seed
from the generator itself, which keeps the run deterministic.

C's math functions return NaN or infinities where Python's raise; the
wrappers below give the C results (including the sign of the NaN, which Lua
prints as ``-nan`` or ``nan``).
"""

from __future__ import annotations

import math
import threading
import weakref
from typing import Any

from ..runtime.context import charge, current
from ..runtime.ops import lt
from ..runtime.trace import lib_function
from ..runtime.values import MAXINT, MININT, to_integer, wrap_int
from .tablelib import LibError, arg_error, check_any, check_integer, check_number

_M64 = 0xFFFFFFFFFFFFFFFF
_NEG_NAN = -math.nan  # what x86 produces for invalid operations (prints -nan)
_NAN = math.nan
_INF = math.inf


def _num(args: tuple, n: int, qual: str) -> float:
    """``luaL_checknumber`` as a float."""
    v = args[n - 1] if len(args) >= n else None
    c = v.__class__
    if c is float:
        return v
    if c is int:
        return float(v)
    return float(check_number(args, n, qual))


def _numint(f: float) -> Any:
    """Lua's ``pushnumint``: an integer when the float fits, else the float."""
    if -9.3e18 < f < 9.3e18 and f == f:
        i = int(f)
        if MININT <= i <= MAXINT:
            return i
    return f


# -------------------------------------------------------------- functions


@lib_function
def math_abs(*args: Any) -> Any:
    v = args[0] if args else None
    if v.__class__ is int:
        return wrap_int(-v) if v < 0 else v
    return abs(_num(args, 1, "math.abs"))


_TWO63 = 9223372036854775808.0


@lib_function
def math_floor(*args: Any) -> Any:
    v = args[0] if args else None
    c = v.__class__
    if c is int:
        return v
    f = v if c is float else _num(args, 1, "math.floor")
    if -_TWO63 <= f < _TWO63:
        return math.floor(f)
    return f  # integral already, infinite or NaN


@lib_function
def math_ceil(*args: Any) -> Any:
    v = args[0] if args else None
    c = v.__class__
    if c is int:
        return v
    f = v if c is float else _num(args, 1, "math.ceil")
    if -_TWO63 <= f < _TWO63:
        return math.ceil(f)
    return f


def _c_fmod(a: float, b: float) -> float:
    if a != a:
        return a
    if b != b:
        return b
    if b == 0 or a in (_INF, -_INF):
        return _NEG_NAN
    if b in (_INF, -_INF):
        return a
    return math.fmod(a, b)


@lib_function
def math_fmod(*args: Any) -> Any:
    a = args[0] if args else None
    b = args[1] if len(args) > 1 else None
    if a.__class__ is int and b.__class__ is int:
        if b == 0:
            raise arg_error(2, "math.fmod", "zero")
        if b == -1:
            return 0
        r = abs(a) % abs(b)
        return -r if a < 0 else r
    # C evaluates fmod(checknumber(1), checknumber(2)) right to left
    y = _num(args, 2, "math.fmod")
    return _c_fmod(_num(args, 1, "math.fmod"), y)


@lib_function
def math_modf(*args: Any) -> Any:
    v = args[0] if args else None
    if v.__class__ is int:
        return (v, 0.0)
    n = _num(args, 1, "math.modf")
    if n != n:
        return (n, n)
    if n in (_INF, -_INF):
        ip = n
    else:
        ip = float(math.ceil(n)) if n < 0 else float(math.floor(n))
    frac = 0.0 if n == ip else n - ip
    return (_numint(ip), frac)


@lib_function
def math_sqrt(*args: Any) -> Any:
    x = _num(args, 1, "math.sqrt")
    if x < 0:
        return _NEG_NAN
    return math.sqrt(x)


def _c_log(x: float) -> float:
    if x > 0:
        return math.log(x) if x != _INF else _INF
    if x == 0:
        return -_INF
    if x != x:
        return x
    return _NAN


def _c_log2(x: float) -> float:
    if x > 0:
        return math.log2(x) if x != _INF else _INF
    return _c_log(x)


def _c_log10(x: float) -> float:
    if x > 0:
        return math.log10(x) if x != _INF else _INF
    return _c_log(x)


def _fdiv(a: float, b: float) -> float:
    try:
        return a / b
    except ZeroDivisionError:
        if a != a or a == 0:
            return _NEG_NAN if a == a else a
        return _INF if (a > 0) == (math.copysign(1.0, b) > 0) else -_INF


@lib_function
def math_log(*args: Any) -> Any:
    x = _num(args, 1, "math.log")
    if len(args) < 2 or args[1] is None:
        return _c_log(x)
    b = _num(args, 2, "math.log")
    if b == 2.0:
        return _c_log2(x)
    if b == 10.0:
        return _c_log10(x)
    lx, lb = _c_log(x), _c_log(b)
    if lx != lx or lb != lb:
        return lx if lx != lx else lb
    if lx in (_INF, -_INF) and lb in (_INF, -_INF):
        return _NEG_NAN
    return _fdiv(lx, lb)


@lib_function
def math_exp(*args: Any) -> Any:
    x = _num(args, 1, "math.exp")
    try:
        return math.exp(x)
    except OverflowError:
        return _INF


def _trig(fn: Any, x: float) -> float:
    try:
        return fn(x)
    except ValueError:
        return _NEG_NAN if x in (_INF, -_INF) else _NAN


@lib_function
def math_sin(*args: Any) -> Any:
    return _trig(math.sin, _num(args, 1, "math.sin"))


@lib_function
def math_cos(*args: Any) -> Any:
    return _trig(math.cos, _num(args, 1, "math.cos"))


@lib_function
def math_tan(*args: Any) -> Any:
    return _trig(math.tan, _num(args, 1, "math.tan"))


@lib_function
def math_asin(*args: Any) -> Any:
    return _outside_domain_nan(math.asin, _num(args, 1, "math.asin"))


@lib_function
def math_acos(*args: Any) -> Any:
    return _outside_domain_nan(math.acos, _num(args, 1, "math.acos"))


def _outside_domain_nan(fn: Any, x: float) -> float:
    """C's result outside the domain is NaN; Python raises."""
    try:
        return fn(x)
    except ValueError:
        return _NAN


@lib_function
def math_atan(*args: Any) -> Any:
    y = _num(args, 1, "math.atan")
    x = 1.0 if len(args) < 2 or args[1] is None else _num(args, 2, "math.atan")
    return math.atan2(y, x)


@lib_function
def math_deg(*args: Any) -> Any:
    return _num(args, 1, "math.deg") * (180.0 / math.pi)


@lib_function
def math_rad(*args: Any) -> Any:
    return _num(args, 1, "math.rad") * (math.pi / 180.0)


def _minmax(args: tuple, qual: str, want_max: bool) -> Any:
    # Lua 5.4.8 only compares (lua_compare): the values are not checked
    n = len(args)
    charge(1 + n // 8)
    if n == 0:
        raise arg_error(1, qual, "value expected")
    best = args[0]
    for i in range(1, n):
        v = args[i]
        if (lt(best, v) if want_max else lt(v, best)):
            best = v
    return best


@lib_function
def math_max(*args: Any) -> Any:
    return _minmax(args, "math.max", True)


@lib_function
def math_min(*args: Any) -> Any:
    return _minmax(args, "math.min", False)


@lib_function
def math_tointeger(*args: Any) -> Any:
    return to_integer(check_any(args, 1, "math.tointeger"))


@lib_function
def math_type(*args: Any) -> Any:
    v = check_any(args, 1, "math.type")
    c = v.__class__
    if c is int:
        return b"integer"
    if c is float:
        return b"float"
    return None


@lib_function
def math_ult(*args: Any) -> Any:
    a = check_integer(args, 1, "math.ult")
    b = check_integer(args, 2, "math.ult")
    return (a & _M64) < (b & _M64)


# ------------------------------------------------------------------ random


class Rng:
    """xoshiro256** state (four unsigned 64-bit words)."""

    __slots__ = ("s",)

    def __init__(self, n1: int = 0, n2: int = 0) -> None:
        self.s = [0, 0, 0, 0]
        self.seed(n1, n2)

    def seed(self, n1: int, n2: int = 0) -> None:
        self.s[:] = [n1 & _M64, 0xFF, n2 & _M64, 0]
        for _ in range(16):
            self.next()

    def next(self) -> int:
        s = self.s
        s0, s1, s2, s3 = s
        x = (s1 * 5) & _M64
        res = ((((x << 7) | (x >> 57)) & _M64) * 9) & _M64
        t = (s1 << 17) & _M64
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = ((s3 << 45) | (s3 >> 19)) & _M64
        s[0] = s0
        s[1] = s1
        s[2] = s2
        s[3] = s3
        return res


_RNGS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()
_RNGS_LOCK = threading.Lock()

DEFAULT_SEED = 0  # a new State behaves as after math.randomseed(0)


def rng_of(rt: Any) -> Rng:
    """The generator of a State (created with the default seed)."""
    st = rt.state
    g = _RNGS.get(st)
    if g is None:
        with _RNGS_LOCK:
            g = _RNGS.get(st)
            if g is None:
                g = _RNGS[st] = Rng(DEFAULT_SEED)
    return g


def set_seed(rt: Any, n1: int, n2: int = 0) -> None:
    """Seed a State's generator exactly as ``math.randomseed(n1, n2)``."""
    rng_of(rt).seed(int(n1), int(n2))


def _project(ran: int, n: int, g: Rng) -> int:
    """Lua 5.4's ``project``: ``ran`` into [0, n] without bias (mask to the
    smallest 2^b - 1 >= n, draw again while out of range)."""
    if n & (n + 1) == 0:
        return ran & n
    lim = (1 << n.bit_length()) - 1
    ran &= lim
    while ran > n:
        charge(1)
        ran = g.next() & lim
    return ran


@lib_function
def math_random(*args: Any) -> Any:
    g = rng_of(current())
    rv = g.next()
    na = len(args)
    if na == 0:
        return (rv >> 11) * (1.0 / 9007199254740992.0)
    if na == 1:
        low = 1
        up = args[0]
        if up.__class__ is not int:
            up = check_integer(args, 1, "math.random")
        if up == 0:
            return rv - (1 << 64) if rv > MAXINT else rv
    elif na == 2:
        low, up = args
        if low.__class__ is not int:
            low = check_integer(args, 1, "math.random")
        if up.__class__ is not int:
            up = check_integer(args, 2, "math.random")
    else:
        raise LibError("wrong number of arguments")
    if low > up:
        raise arg_error(1, "math.random", "interval is empty")
    return wrap_int(_project(rv, (up - low) & _M64, g) + low)


def _entropy(rt: Any) -> Any:
    return getattr(rt.engine, "_entropy", None)


@lib_function
def math_randomseed(*args: Any) -> Any:
    rt = current()
    g = rng_of(rt)
    if not args:
        src = _entropy(rt)
        if src is not None:
            n1 = wrap_int(int(src()))
            n2 = wrap_int(int(src()))
        else:
            n1 = wrap_int(g.next())
            n2 = wrap_int(g.next())
    else:
        n1 = check_integer(args, 1, "math.randomseed")
        n2 = 0
        if len(args) > 1 and args[1] is not None:
            n2 = check_integer(args, 2, "math.randomseed")
    g.seed(n1, n2)
    return (n1, n2)


TABLE = {
    b"abs": math_abs,
    b"ceil": math_ceil,
    b"cos": math_cos,
    b"deg": math_deg,
    b"exp": math_exp,
    b"floor": math_floor,
    b"fmod": math_fmod,
    b"huge": math.inf,
    b"log": math_log,
    b"max": math_max,
    b"maxinteger": MAXINT,
    b"min": math_min,
    b"mininteger": MININT,
    b"modf": math_modf,
    b"pi": math.pi,
    b"rad": math_rad,
    b"random": math_random,
    b"randomseed": math_randomseed,
    b"sin": math_sin,
    b"sqrt": math_sqrt,
    b"tan": math_tan,
    b"tointeger": math_tointeger,
    b"type": math_type,
    b"ult": math_ult,
    b"asin": math_asin,
    b"acos": math_acos,
    b"atan": math_atan,
}

__all__ = ["TABLE", "Rng", "rng_of", "set_seed", "DEFAULT_SEED"]
