"""Chunk loading and the host-facing odds and ends: ``load``, ``require`` and
``package``, ``collectgarbage``, and, when the host allows them,
``dofile``/``loadfile``. (Files on disk: ``packagelib``; ``os``: ``oslib``.)

Engine options read here (attributes of the Engine; absent means off):

* ``_module_loader``: ``callable(name: str) -> str | bytes | Program | None``.
  ``require(name)`` asks it after ``package.preload``; ``dofile`` and
  ``loadfile`` exist only when it is given (or the "require" capability
  is) and ask it for file names first.
* ``_capabilities``: with "require", files on disk too (``packagelib``):
  ``require`` searches ``package.path`` after the host's loader, and
  ``loadfile``/``dofile`` read real files. No filesystem access happens
  otherwise.

Binary chunks are always refused. ``load`` compiles through the Engine and
caches Programs per Engine (a small LRU keyed by chunk name and source); the
cost charged does not depend on the cache, so costs stay deterministic.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from typing import Any

from ..errors import LuaError, LuaSyntaxError
from ..runtime.context import charge, current
from ..runtime.ops import call_n, first
from ..runtime.trace import error_value, lib_function
from ..runtime.values import FUNCTION_TYPES, Table, number_to_str
from . import packagelib
from .base import _UNCATCHABLE
from .tablelib import (
    LibError,
    arg_error,
    caller_where,
    check_string,
    opt_integer,
    opt_string,
    setindex,
    type_error,
)

LUA_IDSIZE = 60
COMPILE_BASE = 10  # cost of compiling a chunk: COMPILE_BASE + len // 4
_CACHE_SIZE = 64
_CACHE_MAX_SOURCE = 4096  # longer chunks are not kept

# ------------------------------------------------------------- chunk names


def chunkid(source: bytes) -> str:
    """Lua's ``luaO_chunkid``: how messages show a chunk name."""
    text = source.decode("utf-8", "surrogateescape")
    if source.startswith(b"="):
        return source[1:LUA_IDSIZE].decode("utf-8", "surrogateescape")
    if source.startswith(b"@"):
        if len(source) <= LUA_IDSIZE:
            return text[1:]
        keep = LUA_IDSIZE - 3 - 1
        return "..." + source[len(source) - keep:].decode("utf-8", "surrogateescape")
    room = LUA_IDSIZE - len('[string "...')  - len('"]') - 1
    nl = source.find(b"\n")
    if nl < 0 and len(source) < room:
        return f'[string "{text}"]'
    part = source if nl < 0 else source[:nl]
    if len(part) > room:
        part = part[:room]
    return '[string "' + part.decode("utf-8", "surrogateescape") + '..."]'


# ------------------------------------------------------------------ compile

_CACHES: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()
_CACHE_LOCK = threading.Lock()


def compile_chunk(engine: Any, src: bytes, display: str, file: bool = False) -> Any:
    """Compile (or reuse) a Program; raises LuaSyntaxError. Only a ``file``
    has its first line skipped when it starts with '#' (luaL_loadfilex)."""
    key = (display, src, file)
    with _CACHE_LOCK:
        cache = _CACHES.get(engine)
        if cache is None:
            cache = _CACHES[engine] = OrderedDict()
        prog = cache.get(key)
        if prog is not None:
            cache.move_to_end(key)
            return prog
    prog = engine.compile(src, display, skip_shebang=file)
    if len(src) > _CACHE_MAX_SOURCE:  # the cache is the Engine's: no State's memory limit counts it
        return prog
    with _CACHE_LOCK:
        cache[key] = prog
        if len(cache) > _CACHE_SIZE:
            cache.popitem(last=False)
    return prog


def _charge_compile(n: int) -> None:
    charge(COMPILE_BASE + n // 4)


def load_source(rt: Any, src: bytes, chunkname: bytes, mode: bytes, env: Any, file: bool = False) -> tuple:
    """Compile ``src`` and bind it to ``env``: ``(function,)`` or ``(None, msg)``."""
    _charge_compile(len(src))
    refused = _mode_error(src, mode)
    if refused is not None:
        return (None, refused)
    try:
        prog = compile_chunk(rt.engine, src, chunkid(chunkname), file)
    except LuaSyntaxError as exc:
        return (None, exc.lua_value)
    except RecursionError:
        return (None, chunkid(chunkname).encode("utf-8", "surrogateescape") + b": chunk has too many syntax levels")
    return (rt.state._instantiate(prog, env),)


def _mode_error(start: bytes, mode: bytes) -> Any:
    """The error for a chunk beginning with ``start`` that ``mode`` does not
    allow (binary chunks never load in mani), or None."""
    if start[:1] == b"\x1b":
        if b"b" not in mode:
            return b"attempt to load a binary chunk (mode is '" + mode + b"')"
        return b"attempt to load a binary chunk (mode is 't')"
    if b"t" not in mode:
        return b"attempt to load a text chunk (mode is '" + mode + b"')"
    return None


def _read_pieces(reader: Any, mode: bytes) -> Any:
    """Call a load reader until it returns nil or ''; bytes, or an error
    value wrapped in a 1-tuple. The first piece decides whether ``mode``
    allows the chunk, as in Lua: a reader is not read on for a chunk that
    will be refused (it may never end)."""
    parts = []
    total = 0
    limit = current().engine.max_string_size
    while True:
        try:
            r = first(reader())
        except _UNCATCHABLE:
            raise
        except BaseException as exc:  # noqa: BLE001 - load returns it
            return (error_value(exc),)
        if r is None:
            break
        c = r.__class__
        if c is not bytes:
            if c is int or c is float:
                r = number_to_str(r)
            else:
                return ((caller_where() + "reader function must return a string").encode(),)
        if not r:
            break
        charge(1 + len(r) // 64)
        if not parts:
            refused = _mode_error(r, mode)
            if refused is not None:
                return (refused,)
        total += len(r)
        if total > limit:
            return (b"not enough memory",)
        parts.append(r)
    return b"".join(parts)


# ------------------------------------------------------------------ binding
# The functions are shared by every State of every Engine: each finds its
# State's runtime with ``current()`` (the package tables and collectgarbage's
# settings hang on it), so a new State only makes its four package tables.


@lib_function
def lua_load(*args: Any) -> Any:
    rt = current()
    chunk = args[0] if args else None
    c = chunk.__class__
    mode = opt_string(args, 3, "load", b"bt")
    env = args[3] if len(args) >= 4 else rt.state._G
    if c is bytes or c is int or c is float:
        src = chunk if c is bytes else number_to_str(chunk)
        name = opt_string(args, 2, "load", src)
    else:
        name = opt_string(args, 2, "load", b"=(load)")
        if c not in FUNCTION_TYPES:
            raise type_error(args, 1, "load", "function")
        got = _read_pieces(chunk, mode)
        if got.__class__ is tuple:
            return (None, got[0])
        src = got
    # Lua reads the chunk name as a C string: it ends at a NUL byte
    r = load_source(rt, src, name.split(b"\0", 1)[0], mode, env)
    return r[0] if len(r) == 1 else r


@lib_function
def searcher_preload(*args: Any) -> Any:
    name = check_string(args, 1, "?")
    v = current().preload[name]
    if v is None:
        return (b"no field package.preload['" + name + b"']")
    return (v, b":preload:")


def _host_source(rt: Any, name: bytes) -> Any:
    try:
        got = rt.engine._module_loader(name.decode("utf-8", "surrogateescape"))
    except Exception as exc:  # noqa: BLE001 - a host failure is a Lua error
        raise LuaError(f"host module loader failed for '{name.decode('utf-8', 'replace')}': {exc}".encode())
    if isinstance(got, str):
        got = got.encode("utf-8", "surrogateescape")
    return got


@lib_function
def searcher_host(*args: Any) -> Any:
    name = check_string(args, 1, "?")
    rt = current()
    got = _host_source(rt, name)
    if got is None:
        return b"no module '" + name + b"' in the host loader"
    if got.__class__ is not bytes and type(got).__name__ == "Program":
        return (rt.state._instantiate(got, rt.state._G), name)
    got = bytes(got)
    r = load_source(rt, got, b"@" + name, b"t", rt.state._G, file=True)
    if len(r) == 2:
        raise LibError(
            f"error loading module '{name.decode('utf-8', 'surrogateescape')}' from the host loader:\n\t"
            + r[1].decode("utf-8", "surrogateescape")
        )
    return (r[0], name)


@lib_function
def lua_require(*args: Any) -> Any:
    name = check_string(args, 1, "require")
    charge(1)
    rt = current()
    loaded = rt.loaded  # the State's own, even if the script replaced package.loaded
    v = loaded[name]
    if v is not None and v is not False:
        return v
    srch = rt.package[b"searchers"]
    if not isinstance(srch, Table):
        raise LibError("'package.searchers' must be a table")
    msg = []
    i = 1
    while True:
        s = dict.get(srch, i)
        if s is None:
            text = b"".join(msg).decode("utf-8", "surrogateescape")
            raise LibError(f"module '{name.decode('utf-8', 'surrogateescape')}' not found:{text}")
        charge(1)
        r = s(name)
        if r.__class__ is not tuple:
            r = (r, None)
        elif len(r) < 2:
            r = (r + (None, None))[:2]
        ld, data = r[0], r[1]
        if ld.__class__ in FUNCTION_TYPES:
            break
        if ld.__class__ is bytes or ld.__class__ is int or ld.__class__ is float:
            msg.append(b"\n\t" + (ld if ld.__class__ is bytes else number_to_str(ld)))
        i += 1
    res = first(call_n(ld, name, data))
    if res is not None:
        setindex(loaded, name, res)
    if loaded[name] is None:
        setindex(loaded, name, True)
    return (loaded[name], data)


_GC_DEFAULTS = {"running": True, "mode": b"incremental", b"setpause": 200, b"setstepmul": 100}


@lib_function
def lua_collectgarbage(*args: Any) -> Any:
    opt = opt_string(args, 1, "collectgarbage", b"collect")
    charge(1)
    if opt == b"collect":  # measuring is all there is to do: garbage is gone already
        current().state._memory_count()
        return 0
    if opt == b"count":  # what the memory limit counts, in KiB (docs/design.md, "Memory")
        return current().state._memory_count() / 1024
    if opt == b"step":
        opt_integer(args, 2, "collectgarbage", 0)
        return True
    rt = current()
    gc = rt.gc_options
    if gc is None:  # the State's settings, made on first use
        gc = rt.gc_options = dict(_GC_DEFAULTS)
    if opt == b"isrunning":
        return gc["running"]
    if opt == b"stop":
        gc["running"] = False
        return 0
    if opt == b"restart":
        gc["running"] = True
        return 0
    if opt in (b"setpause", b"setstepmul"):
        v = opt_integer(args, 2, "collectgarbage", 0)
        prev = gc[opt]
        gc[opt] = v
        return prev
    if opt in (b"incremental", b"generational"):
        prev = gc["mode"]
        gc["mode"] = opt
        return prev
    raise arg_error(1, "collectgarbage", f"invalid option '{opt.decode('utf-8', 'surrogateescape')}'")


def _load_file(rt: Any, fname: Any, mode: bytes, env: Any) -> tuple:
    """``luaL_loadfilex``: the host's module loader first (when there is
    one), then the file on disk (with the "require" capability; ``fname``
    None is standard input)."""
    if rt.engine._module_loader is not None and fname is not None:
        got = _host_source(rt, fname)
        if got is not None:
            if got.__class__ is not bytes and type(got).__name__ == "Program":
                return (rt.state._instantiate(got, env),)
            return load_source(rt, bytes(got), b"@" + fname, mode, env, file=True)
    if not packagelib.granted(rt.engine):
        return (None, b"cannot open " + (fname if fname is not None else b"stdin"))
    got = packagelib.read_source(fname)
    if got[0] is None:
        return got
    return load_source(rt, got[0], got[1], mode, env, file=True)


@lib_function
def lua_loadfile(*args: Any) -> Any:
    fname = opt_string(args, 1, "loadfile", None)
    mode = opt_string(args, 2, "loadfile", b"bt")
    rt = current()
    env = args[2] if len(args) >= 3 else rt.state._G
    r = _load_file(rt, fname, mode, env)
    return r[0] if len(r) == 1 else r


@lib_function
def lua_dofile(*args: Any) -> Any:
    fname = opt_string(args, 1, "dofile", None)
    rt = current()
    r = _load_file(rt, fname, b"bt", rt.state._G)
    if len(r) == 2:
        raise LuaError(r[1])
    return r[0]()


def prepare(engine: Any) -> tuple:
    """What every State of ``engine`` gets: (shared globals, library tables
    copied per State)."""
    shared: dict = {b"load": lua_load, b"require": lua_require, b"collectgarbage": lua_collectgarbage}
    if getattr(engine, "_module_loader", None) is not None or packagelib.granted(engine):
        shared[b"loadfile"] = lua_loadfile
        shared[b"dofile"] = lua_dofile
    return shared, {}


_LOADED_LIBS = (b"string", b"table", b"math", b"utf8", b"coroutine", b"os", b"io")
_PACKAGE = {b"config": b"/\n;\n?\n!\n-\n", b"path": b"", b"cpath": b""}


def bind(rt: Any) -> dict:
    """The State's ``package`` table (with ``loaded``, ``preload`` and
    ``searchers``), also kept on its runtime for ``require``."""
    G = rt.state._G
    # (raw sets: Table keeps dict's own item assignment)
    loaded = rt.loaded = Table()
    preload = rt.preload = Table()
    searchers = Table()
    package = rt.package = Table(_PACKAGE)
    loaded[b"_G"] = G
    for libname in _LOADED_LIBS:
        v = dict.get(G, libname)
        if v is not None:
            loaded[libname] = v
    loaded[b"package"] = package
    searchers[1] = searcher_preload
    if rt.engine._module_loader is not None:
        searchers[len(searchers) + 1] = searcher_host
    if packagelib.granted(rt.engine):  # files on disk: the "require" capability
        searchers[len(searchers) + 1] = packagelib.searcher_lua
        package[b"path"] = packagelib.initial_path()
        package[b"searchpath"] = packagelib.package_searchpath
    package[b"loaded"] = loaded
    package[b"preload"] = preload
    package[b"searchers"] = searchers
    return {b"package": package}


__all__ = ["bind", "prepare", "chunkid", "load_source", "compile_chunk"]
