"""Lua code from files on disk, offered only with the "require" capability
(``Engine(capabilities={"require"})``): ``package.path`` (from
``LUA_PATH_5_4`` or ``LUA_PATH`` as the stand-alone ``lua`` reads them, else
Lua's default), ``package.searchpath``, the Lua-file searcher of
``package.searchers``, and ``loadfile``/``dofile`` of real files.

There is no C-module searcher (``package.cpath`` stays empty): mani loads
Lua source only, and never binary chunks. Reading a file is charged and
announced to the memory limit as ``io`` reads are (``iofile``), and
compiling it as ``load`` does (``loadlib``).
"""

from __future__ import annotations

import os as _os
from typing import Any, Optional

from ..runtime.context import charge, current
from ..runtime.trace import lib_function
from ..runtime.values import number_to_str
from .args import LibError, check_string, opt_string
from .iofile import LuaFile
from .oslib import fs_name

# LUA_PATH_DEFAULT of a Unix build of Lua 5.4
DEFAULT_PATH = (b"/usr/local/share/lua/5.4/?.lua;/usr/local/share/lua/5.4/?/init.lua;"
                b"/usr/local/lib/lua/5.4/?.lua;/usr/local/lib/lua/5.4/?/init.lua;"
                b"./?.lua;./?/init.lua")


def initial_path() -> bytes:
    """``package.path`` as ``lua`` starts it: the environment's
    ``LUA_PATH_5_4`` or ``LUA_PATH``, where ";;" stands for the default."""
    env = _os.environb.get(b"LUA_PATH_5_4")
    if env is None:
        env = _os.environb.get(b"LUA_PATH")
    if env is None:
        return DEFAULT_PATH
    at = env.find(b";;")
    if at < 0:
        return env
    before, after = env[:at], env[at + 2:]
    return (before + b";" if before else b"") + DEFAULT_PATH + (b";" + after if after else b"")


def _readable(fname: bytes) -> bool:
    try:
        with open(fs_name(fname), "rb"):
            return True
    except OSError:
        return False


def search_path(name: bytes, path: bytes, sep: bytes = b".", rep: bytes = b"/") -> tuple:
    """``package.searchpath``: ``(filename,)`` of the first template of
    ``path`` that names a readable file, or ``(None, "no file '...'...")``."""
    if sep:
        name = name.replace(sep, rep)
    candidates = path.replace(b"?", name)
    tried = candidates.split(b";") if path else []
    for fname in tried:
        charge(1)
        if _readable(fname):
            return (fname,)
    return (None, b"no file '" + b"'\n\tno file '".join(candidates.split(b";")) + b"'")


def read_source(fname: Optional[bytes]) -> tuple:
    """The text of a file for ``loadfile``, as ``(source, chunkname)``, or
    ``(None, message)`` in ``luaL_loadfilex``'s words. ``None``: standard
    input."""
    if fname is None:
        shown, chunkname = b"stdin", b"=stdin"
        stream: Any = None
    else:
        shown, chunkname = fname, b"@" + fname
        try:
            stream = open(fs_name(fname), "rb")
        except OSError as exc:
            return (None, b"cannot open " + shown + b": " + (exc.strerror or "").encode())
    try:
        if stream is None:
            from .iofile import ProcessInput

            stream = ProcessInput()
        try:
            src = LuaFile(stream)._read_pieces(None, False)
        except OSError as exc:
            return (None, b"cannot read " + shown + b": " + (exc.strerror or "").encode())
    finally:
        if fname is not None:
            stream.close()
    return (src, chunkname)


@lib_function
def package_searchpath(*args: Any) -> Any:
    name = check_string(args, 1, "package.searchpath")
    path = check_string(args, 2, "package.searchpath")
    sep = opt_string(args, 3, "package.searchpath", b".")
    rep = opt_string(args, 4, "package.searchpath", b"/")
    r = search_path(name, path, sep, rep)
    return r[0] if len(r) == 1 else r


@lib_function
def searcher_lua(*args: Any) -> Any:
    """The second of Lua's searchers: a Lua file along ``package.path``."""
    from .loadlib import load_source

    name = check_string(args, 1, "?")
    rt = current()
    path = rt.package[b"path"]
    if path.__class__ is int or path.__class__ is float:
        path = number_to_str(path)
    elif path.__class__ is not bytes:
        raise LibError("'package.path' must be a string")
    found = search_path(name, path)
    if found[0] is None:
        return found[1]
    fname = found[0]
    got = read_source(fname)
    if got[0] is not None:
        got = load_source(rt, got[0], got[1], b"bt", rt.state._G, file=True)
    if len(got) == 2:
        raise LibError(f"error loading module '{_text(name)}' from file '{_text(fname)}':\n\t{_text(got[1])}")
    return (got[0], fname)


def _text(b: bytes) -> str:
    return b.decode("utf-8", "surrogateescape")


def granted(engine: Any) -> bool:
    return "require" in engine._capabilities


__all__ = ["DEFAULT_PATH", "initial_path", "search_path", "read_source", "package_searchpath", "searcher_lua",
           "granted"]
