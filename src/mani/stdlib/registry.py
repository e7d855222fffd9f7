"""Which libraries an Engine offers, prepared once per Engine.

``prepare(engine)`` returns a ``Template``: the globals that every State shares
by reference (plain functions) and the library tables every State copies (a
script may modify its own ``string`` table without touching other States).
"""

from __future__ import annotations

from typing import Any

from . import base

DEFAULT_LIBRARIES = ("base", "string", "table", "math", "utf8", "coroutine", "load", "os")

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


def prepare(engine: Any) -> Template:
    tpl = Template()
    for lib in engine._libraries:
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
