"""Which libraries an Engine offers, prepared once per Engine.

``prepare(engine)`` returns a ``Template``: the globals that every State shares
by reference (plain functions) and the library tables every State copies (a
script may modify its own ``string`` table without touching other States).
"""

from __future__ import annotations

from typing import Any

from . import base

DEFAULT_LIBRARIES = ("base", "string", "table", "math", "utf8", "coroutine", "load", "os")

# What a host may grant a trusted script on top of the sandbox (Engine
# ``capabilities``), and the library each one lives in: granting one
# offers that library even when ``libraries`` leaves it out.
CAPABILITIES = {
    "io": "io",  # the io library: files, standard streams
    "os": "os",  # the whole os library: environment, processes, files, real clock
    "require": "load",  # require/dofile/loadfile of files on disk, package.path
}
NOT_YET = {"debug": "the debug library is not available yet"}


def check_capabilities(names: Any) -> frozenset:
    """The capabilities a host asked for, checked: a ValueError names an
    unknown one (a typo must not silently leave a script sandboxed, nor a
    made-up name pass)."""
    if isinstance(names, (str, bytes)):
        raise TypeError("capabilities is a collection of names, e.g. {\"io\", \"os\"}, not a string")
    got = frozenset(names)
    for name in sorted(got, key=str):
        if name in NOT_YET:
            raise ValueError(f"capability {name!r} is not available: {NOT_YET[name]}")
        if name not in CAPABILITIES:
            known = ", ".join(sorted(CAPABILITIES))
            raise ValueError(f"unknown capability {name!r} (known: {known})")
    return got

# name -> module with SHARED (dict) or TABLE (dict), and optionally
# STRING_META (entries of the strings' metatable), prepare(engine) ->
# (shared globals, tables) and bind(rt) -> per-State globals
_PROVIDERS: dict = {"base": base}


def _optional(name: str) -> Any:
    try:
        return __import__(f"mani.stdlib.{name}lib", fromlist=["x"])
    except ImportError:
        return None


class Template:
    __slots__ = ("globals", "tables", "binders", "string_meta")

    def __init__(self) -> None:
        self.globals: dict = {}  # shared values stored straight into _G
        self.tables: dict = {}  # library name -> dict copied per State
        self.binders: list = []  # callables rt -> dict of per-State globals
        # the strings' metatable, copied per State when the string library
        # is there (which then sets __index: the key stays first)
        self.string_meta: dict = {b"__index": None}


def _offered(engine: Any) -> tuple:
    """The Engine's libraries, then those its capabilities bring."""
    libs = list(engine._libraries)
    for cap in sorted(engine._capabilities):
        if CAPABILITIES[cap] not in libs:
            libs.append(CAPABILITIES[cap])
    return tuple(libs)


def prepare(engine: Any) -> Template:
    tpl = Template()
    for lib in _offered(engine):
        mod = _PROVIDERS.get(lib) or _optional(lib)
        if mod is None:
            continue
        if hasattr(mod, "SHARED"):
            tpl.globals.update(mod.SHARED)
        if hasattr(mod, "TABLE"):
            tpl.tables[lib.encode()] = dict(mod.TABLE)
        if hasattr(mod, "STRING_META"):
            tpl.string_meta.update(mod.STRING_META)
        if hasattr(mod, "prepare"):  # what depends on the Engine's options
            shared, tables = mod.prepare(engine)
            tpl.globals.update(shared)
            tpl.tables.update(tables)
        if hasattr(mod, "bind"):
            tpl.binders.append(mod.bind)
    return tpl
