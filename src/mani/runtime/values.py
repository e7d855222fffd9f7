"""How Lua values are represented in Python.

=========  ==============================================================
Lua        Python
=========  ==============================================================
nil        ``None``
boolean    ``True`` / ``False``
integer    ``int``, always kept within 64-bit two's complement range
float      ``float``
string     ``bytes`` (Lua strings are byte strings)
table      ``Table``, a ``dict`` subclass (see below)
function   a Python function (generated code, library or wrapped host one)
userdata   ``Userdata``, an opaque box around a host object
thread     ``Coroutine`` (runtime.coroutines)
=========  ==============================================================

``Table`` subclasses ``dict`` so that the common read ``t[k]`` is one C-level
lookup; a miss lands in ``__missing__``, which implements ``__index``.
Python would confuse some Lua keys (``True == 1``, ``1.0 == 1``), so keys are
normalised on the way in (``norm_key``): integral floats become ints and the
booleans are replaced by two sentinel objects.
"""

from __future__ import annotations

import math
import re
from types import BuiltinFunctionType, FunctionType, MethodType
from typing import Any, Optional

from ..syntax.lexer import decimal_integer

MAXINT = 0x7FFFFFFFFFFFFFFF
MININT = -0x8000000000000000


def wrap_int(i: int) -> int:
    """Reduce a Python int to Lua's 64-bit two's complement range."""
    return ((i + 0x8000000000000000) & 0xFFFFFFFFFFFFFFFF) - 0x8000000000000000


class _BoolKey:
    """Stands for a boolean used as a table key (Python's True would be 1)."""

    __slots__ = ("value",)

    def __init__(self, value: bool):
        self.value = value

    def __repr__(self) -> str:
        return f"<key {self.value}>"

    def __reduce__(self):
        return (_bool_key, (self.value,))


TRUE_KEY = _BoolKey(True)
FALSE_KEY = _BoolKey(False)


def _bool_key(v: bool) -> _BoolKey:
    return TRUE_KEY if v else FALSE_KEY


class Table(dict):
    """A Lua table. ``meta`` is its metatable (a Table) or None.

    Never store ``None`` values: assigning nil deletes the key. Store keys
    through ``norm_key`` unless they are known to be ints or bytes.
    """

    # Class-level defaults instead of __slots__ + __init__: creating a table
    # is then dict's own C-level construction (twice as fast); the instance
    # dict holding these attributes only appears when one is set.
    meta: Any = None  # the metatable (a Table) or None
    uid = 0  # per-State number for tostring, assigned on first use
    keys_cache: Any = None  # next()'s key snapshot

    # ``method_cache`` is set only on ClassTables (every metatable is one); a
    # slot, because method calls read it and a slot read is several times
    # cheaper than an attribute of a dict subclass.
    __slots__ = ("__dict__", "method_cache")

    __hash__ = object.__hash__  # tables are keys by identity
    # identity, in C (Lua's __eq is ops.eq's job, never Python's ==)
    __eq__ = object.__eq__
    __ne__ = object.__ne__

    def __repr__(self) -> str:
        return f"<Lua table {id(self):#x}>"

    def __missing__(self, key: Any) -> Any:
        # Raw miss: follow __index (tables iteratively, functions by a call).
        # Fast path first: the metatable's __index is a table holding the key
        # (method lookup on an object).
        mt = self.meta
        if mt is None:
            return None
        t = self
        raw = key
        c = key.__class__
        if c is not bool and c is not _BoolKey:
            h = mt.get(b"__index")
            if h.__class__ is ClassTable or h.__class__ is Table:
                v = h.get(key)
                if v is not None:
                    return v
                if h.meta is None:
                    return None  # a field no object of this class has
                t = h  # go on up the chain from the class
            elif h is None:
                return None
        elif c is _BoolKey:
            key = key.value
        else:
            raw = TRUE_KEY if key else FALSE_KEY
            v = dict.get(t, raw)
            if v is not None:
                return v
        for depth in range(MAX_TAG_LOOP if t is self else MAX_TAG_LOOP - 1):  # one level done above
            mt = t.meta
            if mt is None:
                return None
            h = dict.get(mt, b"__index")
            if h is None:
                return None
            if h.__class__ is ClassTable or h.__class__ is Table:
                v = dict.get(h, raw)
                if v is not None:
                    return v
                t = h
                if depth & 63 == 63:  # a long chain: one unit per 64 links
                    from .context import _tls

                    if _tls.rt is not None:
                        _tls.rt.charge(1)
                continue
            from .ops import call_meta1, index_other

            if h.__class__ in FUNCTION_TYPES or h.__class__ is Userdata:
                return call_meta1(h, t, key)
            return index_other(h, key)  # __index may be any indexable value
        from .ops import op_error

        raise op_error("'__index' chain too long; possible loop")

    # dict's own methods must not leak Python semantics into Lua by accident
    def __reduce__(self):
        raise TypeError("Lua tables cannot be pickled")


MAX_TAG_LOOP = 2000


class ClassTable(Table):
    """A table that method lookups are cached through: every metatable, and
    every table met on a metatable's ``__index`` chain while a method call
    was resolved (``runtime.methods``). A table turns into one by assigning
    its ``__class__`` (same layout, so the object stays the same).

    ``method_cache`` (used when the table is a metatable) maps a method name
    to what ``o:name`` finds for an object ``o`` with this metatable that
    lacks the field itself. ``dependents`` holds the metatables whose caches
    looked through this table. Generated code only takes its raw fast paths for tables
    whose class is exactly ``Table``, so every write to a ClassTable comes
    through these methods (or through ``set_metatable``), which drop the
    cache entries the write can change: the written key's, or all of them
    when ``__index`` is written or the table is cleared."""

    __slots__ = ()

    dependents: Any = ()

    def __setitem__(self, k: Any, v: Any) -> None:
        dict.__setitem__(self, k, v)
        self.changed(k)

    def __delitem__(self, k: Any) -> None:
        dict.__delitem__(self, k)
        self.changed(k)

    def pop(self, k: Any, *default: Any) -> Any:
        v = dict.pop(self, k, *default)
        self.changed(k)
        return v

    def popitem(self) -> Any:
        item = dict.popitem(self)
        self.changed(None)
        return item

    def clear(self) -> None:
        dict.clear(self)
        self.changed(None)

    def update(self, *args: Any, **kw: Any) -> None:
        dict.update(self, *args, **kw)
        self.changed(None)

    def setdefault(self, k: Any, default: Any = None) -> Any:
        v = dict.setdefault(self, k, default)
        self.changed(k)
        return v

    def __ior__(self, other: Any) -> "ClassTable":
        self.update(other)
        return self

    def changed(self, k: Any) -> None:
        """Drop what a write of key ``k`` (None: anything, or the metatable)
        can change in the caches that depend on this table."""
        if k is None or k == b"__index":
            for m in self.dependents:
                m.method_cache.clear()
        else:
            for m in self.dependents:
                m.method_cache.pop(k, None)


def as_class_table(t: Table) -> ClassTable:
    """Make ``t`` a ClassTable (in place), with an empty method cache (used
    if it is or becomes a metatable), and return it."""
    if t.__class__ is Table:
        t.__class__ = ClassTable
        t.dependents = set()
        t.method_cache = {}
    return t  # type: ignore[return-value]


def set_metatable(t: Table, mt: Optional[Table]) -> None:
    """The one way a table's metatable changes. A metatable becomes a
    ClassTable, so it has a method cache; a change of a ClassTable's own
    metatable can change any lookup through it."""
    if mt is not None and mt.__class__ is Table:
        as_class_table(mt)
    t.meta = mt
    if t.__class__ is ClassTable:
        t.changed(None)


class Userdata:
    """An opaque host object handed to Lua. Scripts can store it, compare it
    and pass it back to host functions; they cannot reach into it."""

    __slots__ = ("obj", "meta", "uid", "__weakref__")

    def __init__(self, obj: Any, meta: Optional[Table] = None):
        self.obj = obj
        self.meta = meta
        self.uid = 0

    def __repr__(self) -> str:
        return f"<Lua userdata wrapping {type(self.obj).__name__}>"


FUNCTION_TYPES = (FunctionType, BuiltinFunctionType, MethodType)


def type_name(v: Any) -> str:
    """The Lua type name of a value (what ``type(v)`` returns)."""
    c = v.__class__
    if v is None:
        return "nil"
    if c is bool:
        return "boolean"
    if c is int or c is float:
        return "number"
    if c is bytes:
        return "string"
    if c is Table or c is ClassTable:
        return "table"
    if c in FUNCTION_TYPES:
        return "function"
    if c.__name__ == "Coroutine":
        return "thread"
    return "userdata"


def obj_type_name(v: Any) -> str:
    """The type name error messages use: a table's or userdata's metatable
    ``__name`` when it is a string (``luaT_objtypename``)."""
    c = v.__class__
    if c is Table or c is Userdata or c is ClassTable:
        mt = v.meta
        if mt is not None:
            nm = dict.get(mt, b"__name")
            if nm.__class__ is bytes:
                return nm.decode("utf-8", "replace")
    return type_name(v)


def norm_key(k: Any) -> Any:
    """Normalise a key for storing: integral floats become ints, booleans
    become sentinels. Raises for nil and NaN."""
    c = k.__class__
    if c is float:
        if k.is_integer():
            i = float_to_int(k)
            return k if i is None else i
        if k != k:
            from .ops import op_error

            raise op_error("table index is NaN")
        return k
    if c is bool:
        return TRUE_KEY if k else FALSE_KEY
    if k is None:
        from .ops import op_error

        raise op_error("table index is nil")
    return k


def lookup_key(k: Any) -> Any:
    """Normalise a key for reading (nil/NaN simply find nothing)."""
    c = k.__class__
    if c is bool:
        return TRUE_KEY if k else FALSE_KEY
    return k


# ------------------------------------------------------------------- numbers


def float_to_str(f: float) -> bytes:
    if f != f:
        return b"-nan" if math.copysign(1.0, f) < 0 else b"nan"
    if f == math.inf:
        return b"inf"
    if f == -math.inf:
        return b"-inf"
    s = b"%.14g" % f
    if s.lstrip(b"-").isdigit():
        s += b".0"
    return s


def number_to_str(n: Any) -> bytes:
    if n.__class__ is int:
        return b"%d" % n
    return float_to_str(n)


_SPACE = b" \t\n\v\f\r"
_DEC_INT = re.compile(rb"[+-]?[0-9]+\Z")
_HEX_INT = re.compile(rb"([+-]?)0[xX]([0-9a-fA-F]+)\Z")
_DEC_FLOAT = re.compile(rb"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?\Z")
_HEX_FLOAT = re.compile(
    rb"[+-]?0[xX](?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)(?:[pP][+-]?[0-9]+)?\Z"
)


def str_to_number(s: bytes) -> Any:
    """Lua's string->number conversion (``lua_stringtonumber``); None if ``s``
    is not a numeral."""
    s = s.strip(_SPACE)
    if _DEC_INT.match(s):
        if len(s) <= 18:  # 18 digits, or a sign and 17: always within 64 bits
            return int(s)
        return decimal_integer(s.decode("ascii"))
    m = _HEX_INT.match(s)
    if m:
        i = wrap_int(int(m.group(2), 16))
        return wrap_int(-i) if m.group(1) == b"-" else i
    if _DEC_FLOAT.match(s):
        return float(s)
    if _HEX_FLOAT.match(s):
        return _hex_float(s)
    return None


def _hex_float(s: bytes) -> float:
    text = s.decode("ascii")
    if "p" not in text and "P" not in text:
        text += "p0"
    try:
        return float.fromhex(text)
    except OverflowError:
        return -math.inf if text.startswith("-") else math.inf


def to_number(v: Any) -> Any:
    """A number from a number or a numeric string (Lua's ``tonumber`` for
    arithmetic coercion); None otherwise."""
    c = v.__class__
    if c is int or c is float:
        return v
    if c is bytes:
        return str_to_number(v)
    return None


def float_to_int(f: float) -> Optional[int]:
    """The int equal to ``f`` if it has an exact integer representation."""
    if f.is_integer() and -9.3e18 < f < 9.3e18:
        i = int(f)
        if MININT <= i <= MAXINT:
            return i
    return None


def to_integer(v: Any) -> Optional[int]:
    """Convert to an integer without loss (``lua_tointegerx``), or None."""
    c = v.__class__
    if c is int:
        return v
    if c is float:
        return float_to_int(v)
    if c is bytes:
        n = str_to_number(v)
        if n is None:
            return None
        return n if n.__class__ is int else float_to_int(n)
    return None
