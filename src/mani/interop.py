"""Python <-> Lua values at the host boundary.

Into Python: nil -> None, booleans -> bool, integers -> int, floats -> float,
strings -> str (UTF-8; bytes that are not UTF-8 survive as surrogate escapes,
so a round trip is lossless), tables -> ``LuaTable`` (a live mapping view),
functions -> ``LuaFunction`` (callable, returns a tuple), userdata -> the host
object it wraps.

Into Lua: the reverse, plus ``bytes`` -> string, Python callables -> host
functions, and any other object -> opaque userdata (scripts can hold it and
pass it back, but cannot reach its attributes).
"""

from __future__ import annotations

import inspect
import sys
from collections.abc import Callable, Iterator, Mapping, MutableMapping
from typing import TYPE_CHECKING, Any

from .runtime.ops import OpError, border, rawset as _rawset
from .runtime.trace import lib_function
from . import errors
from .runtime.values import FUNCTION_TYPES, MAXINT, MININT, ClassTable, Table, Userdata, _BoolKey, lookup_key
from .runtime.values import number_to_str, type_name

if TYPE_CHECKING:  # pragma: no cover
    from .state import State


def to_py(v: Any, st: "State") -> Any:
    c = v.__class__
    if c is bytes:
        return v.decode("utf-8", "surrogateescape")
    if v is None or c is bool or c is int or c is float:
        return v
    if c is Table or c is ClassTable:
        return LuaTable(st, v)
    if c is Userdata:
        return v.obj
    if c in FUNCTION_TYPES:
        return LuaFunction(st, v)
    return v


def to_lua(v: Any, st: "State") -> Any:
    c = v.__class__
    if c is str:
        return v.encode("utf-8", "surrogateescape")
    if v is None or c is bool or c is float or c is bytes:
        return v
    if c is int:
        if not MININT <= v <= MAXINT:
            raise OverflowError(f"integer {v} does not fit in a Lua integer (64-bit)")
        return v
    if c.__name__ == "PortableFunction":
        return v.bind(st)
    if c.__name__ == "Coroutine":
        return v
    if c is LuaTable or c is LuaFunction:
        if v._state._core is not st._core:
            raise ValueError("a Lua value from another State cannot be passed to this State")
        return v._ref
    if c is bytearray or c is memoryview:
        return bytes(v)
    if isinstance(v, bool):
        return bool(v)
    if isinstance(v, int):
        return to_lua(int(v), st)
    if isinstance(v, float):
        return float(v)
    if isinstance(v, str):
        return to_lua(str(v), st)
    if c is Table or c is ClassTable or c is Userdata or c in FUNCTION_TYPES and hasattr(v, "__code__") and _is_lua_side(v):
        return v
    if callable(v):
        return host_function(v, st)
    return Userdata(v)


def _is_lua_side(f: Any) -> bool:
    from .runtime.trace import LIB_CODES, lua_info

    code = getattr(f, "__code__", None)
    return code is not None and (lua_info(code) is not None or code in LIB_CODES)


def _await_in_run(st: Any, awaitable: Any, fn: Any) -> Any:
    ctx = st._ctx
    if ctx is None or not ctx.is_async:
        if inspect.iscoroutine(awaitable):
            awaitable.close()
        name = getattr(fn, "__name__", "?")
        raise OpError(
            f"async host function '{name}' called from a synchronous run (use State.call_async)"
        )
    return ctx.to_driver(("await", awaitable))


# classes whose values are the same in Lua and Python (ints: within 64 bits)
PLAIN = frozenset((int, float, bool, type(None)))


def host_function(fn: Callable, st: Any) -> Any:
    """Wrap a Python callable so Lua can call it: arguments and results are
    converted; a tuple result means multiple values; ``None`` means none.
    The wrapper lives in the State, so it refers to the State's core (and
    so do the tables and functions it hands to ``fn``): see state.py."""
    st = st._core

    @lib_function
    def host(*args: Any) -> Any:
        r = fn(*[a if a.__class__ in PLAIN else to_py(a, st) for a in args])
        if r is None:
            return ()
        c = r.__class__
        if c is float or c is bool or c is int and MININT <= r <= MAXINT:
            return r  # the common results first: no conversion, not awaitable
        if c is not tuple and c is not str and inspect.isawaitable(r):
            r = _await_in_run(st, r, fn)
            if r is None:
                return ()
        if r.__class__ is tuple:
            return tuple(to_lua(x, st) for x in r)
        return to_lua(r, st)

    host.__qualname__ = getattr(fn, "__name__", "host")
    host.__wrapped__ = fn  # type: ignore[attr-defined]
    return host


class LuaTable(MutableMapping):
    """A live view of a Lua table. Keys and values are converted both ways;
    setting a key to None removes it (as in Lua). ``_state`` is what handed
    it out: the State (which the view keeps alive) or the State's core."""

    __slots__ = ("_state", "_ref")

    def __init__(self, st: "State", ref: Table):
        self._state = st
        self._ref = ref

    def __getitem__(self, key: Any) -> Any:
        k = lookup_key(to_lua(key, self._state))
        v = dict.get(self._ref, k)
        if v is None:
            raise KeyError(key)
        return to_py(v, self._state)

    def get(self, key: Any, default: Any = None) -> Any:
        try:
            return self[key]
        except KeyError:
            return default

    def __setitem__(self, key: Any, value: Any) -> None:
        with self._state._core._entered():
            _rawset(self._ref, to_lua(key, self._state), to_lua(value, self._state))

    def __delitem__(self, key: Any) -> None:
        k = lookup_key(to_lua(key, self._state))
        if dict.get(self._ref, k) is None:
            raise KeyError(key)
        self._ref.pop(k)  # the table's own pop: a ClassTable must see it

    def __iter__(self) -> Iterator:
        for k in list(self._ref):
            yield to_py(k.value if k.__class__ is _BoolKey else k, self._state)

    def __len__(self) -> int:
        return len(self._ref)

    def length(self) -> int:
        """Lua's ``#`` of the table (without ``__len``)."""
        return border(self._ref)

    def to_dict(self, recursive: bool = False) -> dict:
        out = {}
        for k, v in self.items():
            if recursive and isinstance(v, LuaTable):
                v = v.to_dict(True)
            out[k] = v
        return out

    def to_list(self) -> list:
        return [self[i] for i in range(1, self.length() + 1)]

    @property
    def metatable(self) -> Any:
        mt = self._ref.meta
        return None if mt is None else LuaTable(self._state, mt)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LuaTable) and other._ref is self._ref

    def __hash__(self) -> int:
        return id(self._ref)

    def __repr__(self) -> str:
        return f"<LuaTable with {len(self._ref)} entries>"


def arity(f: Any) -> int:
    """How many arguments ``f`` can be called with directly: a Lua function
    takes its parameters plus a few spare ones, vararg functions any number.
    Calls with more (and calls of non-functions, -1) go through
    ``ops.call_n``."""
    code = getattr(f, "__code__", None)
    if code is None:
        return -1
    return sys.maxsize if code.co_flags & inspect.CO_VARARGS else code.co_argcount


# state.call_function, set by state.py (which imports this module)
call_function: Any = None


class LuaFunction:
    """A Lua function (or a library function) seen from Python. Calling it
    runs it in its State and returns a tuple of results. ``_state`` is what
    handed it out: the State (which it keeps alive) or the State's core."""

    __slots__ = ("_state", "_ref", "_arity", "__weakref__")

    def __init__(self, st: "State", ref: Any):
        self._state = st
        self._ref = ref
        self._arity = arity(ref)  # computed once, not on every call

    def __call__(self, *args: Any) -> tuple:
        return call_function(self._state, self._ref, self._arity, args)

    def into_portable(self) -> Any:
        """A picklable copy that runs in any State of an equal Engine (its
        upvalues must be constants or portable functions)."""
        from .portable import make_portable

        return make_portable(self._ref, self._state)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LuaFunction) and other._ref is self._ref

    def __hash__(self) -> int:
        return id(self._ref)

    def __repr__(self) -> str:
        return "<LuaFunction>"


def table_from(obj: Any, st: "State", recursive: bool = False) -> LuaTable:
    """A new Lua table from a dict (keys/values), or a list/tuple (a sequence
    1..n). With ``recursive``, nested dicts/lists/tuples become tables too."""

    def conv(o: Any, depth: int) -> Table:
        if depth > 200:
            raise ValueError("structure too deeply nested for table_from")
        t = Table()
        if isinstance(o, Mapping):
            items = o.items()
        elif isinstance(o, (list, tuple)):
            items = enumerate(o, 1)
        else:
            raise TypeError(f"table_from expects a dict, list or tuple, not {type(o).__name__}")
        for k, v in items:
            if recursive and isinstance(v, (Mapping, list, tuple)) and not isinstance(v, LuaTable):
                lv = conv(v, depth + 1)
            else:
                lv = to_lua(v, st)
            try:
                _rawset(t, to_lua(k, st), lv)
            except OpError as e:
                raise ValueError(f"invalid table key {k!r}: {e.msg}") from None
        return t

    return LuaTable(st, conv(obj, 0))


errors.install_value_formatting(to_py, number_to_str, type_name)
