"""The ``io`` library, offered only with the "io" capability
(``Engine(capabilities={"io"})``): what a stand-alone ``lua`` gives, with
reference Lua 5.4's results and messages.

* Files are ``Userdata`` holding an ``iofile.LuaFile``, with the State's
  own ``FILE*`` metatable (``__index`` = the methods, ``__name``,
  ``__tostring``, ``__close``, ``__gc``): scripts may read and change it, as
  in Lua, and reach nothing of Python through it.
* ``io.stdout``/``io.stderr`` write through the State's callbacks
  (``HostCallbacks.on_output``), so a host decides where they go and they
  keep their order with ``print``; ``io.stdin`` is the process's input.
* ``io.popen`` is refused ("'popen' not supported", as a Lua built without
  it says): starting processes is the "os" capability's ``os.execute``.
* A State keeps at most ``MAX_OPEN_FILES`` files open (a script must not
  use up the host's file descriptors); the files a State's scripts leave
  open are closed when the State is closed.
"""

from __future__ import annotations

import errno as _errno
import tempfile
import weakref
from typing import Any

from ..runtime.context import charge, current
from ..runtime.trace import lib_function
from ..runtime.values import Table, Userdata
from .args import LibError, arg_error, check_any, check_string, opt_integer, opt_string, type_error
from .iofile import HostOutput, LuaFile, ProcessInput, check_open
from .oslib import file_result, fs_name

MAX_OPEN_FILES = 256
MAX_LINES_FORMATS = 250  # MAXARGLINE
FILE_BYTES = 8192  # what an open file keeps (its buffer), for the memory limit
_MODES = {b"r": "rb", b"w": "wb", b"a": "ab", b"r+": "r+b", b"w+": "w+b", b"a+": "a+b"}
_WHENCE = {b"set": 0, b"cur": 1, b"end": 2}
_VBUF = (b"no", b"full", b"line")


class IoState:
    """A State's part of the io library (``rt.io``)."""

    __slots__ = ("meta", "stdin", "stdout", "stderr", "input", "output", "open_files")

    def __init__(self, meta: Table, callbacks: Any):
        self.meta = meta
        self.open_files: "weakref.WeakSet[LuaFile]" = weakref.WeakSet()
        self.stdin = Userdata(LuaFile(ProcessInput(), standard=True), meta)
        self.stdout = Userdata(LuaFile(HostOutput(callbacks, "stdout"), standard=True), meta)
        self.stderr = Userdata(LuaFile(HostOutput(callbacks, "stderr"), standard=True), meta)
        self.input = self.stdin
        self.output = self.stdout

    def close_all(self) -> None:
        """Close the files still open (the State is closing)."""
        for lf in list(self.open_files):
            lf.close()
        self.open_files.clear()


def _state() -> IoState:
    return current().io


def _file_of(v: Any) -> Any:
    """The LuaFile inside a file handle, or None for any other value."""
    if v.__class__ is Userdata and v.obj.__class__ is LuaFile:
        return v.obj
    return None


def check_file(args: tuple, qual: str) -> LuaFile:
    """``luaL_checkudata(L, 1, "FILE*")``, then not closed."""
    lf = _file_of(args[0]) if args else None
    if lf is None:
        raise type_error(args, 1, qual, "FILE*")
    return check_open(lf)


def _handle(lf: LuaFile) -> Userdata:
    return Userdata(lf, _state().meta)


def _open(name: bytes, mode: str) -> Any:
    """A new handle on file ``name``, or ``nil, "name: message", errno``."""
    ios = _state()
    charge(1)
    if len(ios.open_files) >= MAX_OPEN_FILES:
        return (None, name + b": Too many open files", _errno.EMFILE)
    current().alloc(FILE_BYTES)
    try:
        stream = open(fs_name(name), mode)
    except OSError as exc:
        return file_result(exc, fs_name(name))
    lf = LuaFile(stream)
    ios.open_files.add(lf)
    return _handle(lf)


def _open_or_fail(name: bytes, mode: str) -> Userdata:
    """``opencheckfile``: a handle, or an error (io.lines, io.input, io.output)."""
    r = _open(name, mode)
    if r.__class__ is tuple:
        msg = r[1].split(b": ", 1)[-1] if r[1].startswith(fs_name(name) + b": ") else r[1]
        raise LibError(f"cannot open file '{_text(fs_name(name))}' ({_text(msg)})")
    return r


def _text(b: bytes) -> str:
    return b.decode("utf-8", "surrogateescape")


def _results(r: tuple) -> Any:
    return r[0] if len(r) == 1 else r


def _default(which: str) -> LuaFile:
    """``getiofile``: the default input or output file, open."""
    ud = getattr(_state(), which)
    lf = ud.obj
    if lf.closed:
        raise LibError(f"default {which} file is closed")
    return lf


# ------------------------------------------------------------- io functions


@lib_function
def io_open(*args: Any) -> Any:
    name = check_string(args, 1, "io.open")
    mode = opt_string(args, 2, "io.open", b"r")
    base = mode.rstrip(b"b")
    if base not in _MODES:
        raise arg_error(2, "io.open", "invalid mode")
    return _open(name, _MODES[base])


@lib_function
def io_close(*args: Any) -> Any:
    if not args or args[0] is None:
        return _results(check_open(_state().output.obj).close())
    return _results(check_file(args, "io.close").close())


@lib_function
def io_read(*args: Any) -> Any:
    return _results(_default("input").read(args, 1, "io.read"))


@lib_function
def io_write(*args: Any) -> Any:
    lf = _default("output")
    r = lf.write(args, 1, "io.write")
    return _state().output if r is True else r


@lib_function
def io_flush(*args: Any) -> Any:
    return _results(_default("output").flush())


def _switch(args: tuple, which: str, mode: str, qual: str) -> Any:
    """``io.input``/``io.output``: the default file, after setting it to
    a file named or given."""
    ios = _state()
    v = args[0] if args else None
    if v is not None:
        if v.__class__ is bytes or v.__class__ is int or v.__class__ is float:
            ud = _open_or_fail(check_string(args, 1, qual), mode)
        else:
            check_file(args, qual)
            ud = v
        setattr(ios, which, ud)
    return getattr(ios, which)


@lib_function
def io_input(*args: Any) -> Any:
    return _switch(args, "input", "rb", "io.input")


@lib_function
def io_output(*args: Any) -> Any:
    return _switch(args, "output", "wb", "io.output")


def _lines_iterator(ud: Userdata, formats: tuple, to_close: bool) -> Any:
    lf = ud.obj

    @lib_function
    def lines_iterator(*_: Any) -> Any:
        if lf.closed:
            raise LibError("file is already closed")
        r = lf.read((None,) + formats, 2, "?")
        if r[0] is not None:
            return _results(r)
        if len(r) > 1 and r[1] is not None:  # an I/O error
            raise LibError(_text(r[1]))
        if to_close:
            lf.close()
        return ()

    return lines_iterator


def _check_formats(args: tuple, first: int, qual: str) -> tuple:
    formats = args[first - 1:]
    if len(formats) > MAX_LINES_FORMATS:
        raise arg_error(MAX_LINES_FORMATS + first, qual, "too many arguments")
    return formats


@lib_function
def io_lines(*args: Any) -> Any:
    if not args or args[0] is None:
        ud = _state().input
        check_open(ud.obj)
        return _lines_iterator(ud, _check_formats(args, 2, "io.lines"), False)
    ud = _open_or_fail(check_string(args, 1, "io.lines"), "rb")
    return (_lines_iterator(ud, _check_formats(args, 2, "io.lines"), True), None, None, ud)


@lib_function
def io_type(*args: Any) -> Any:
    lf = _file_of(check_any(args, 1, "io.type"))
    if lf is None:
        return None
    return b"closed file" if lf.closed else b"file"


@lib_function
def io_tmpfile(*args: Any) -> Any:
    ios = _state()
    charge(1)
    if len(ios.open_files) >= MAX_OPEN_FILES:
        return (None, b"Too many open files", _errno.EMFILE)
    current().alloc(FILE_BYTES)
    try:
        stream = tempfile.TemporaryFile("w+b")  # deleted when closed
    except OSError as exc:
        return file_result(exc)
    lf = LuaFile(stream)
    ios.open_files.add(lf)
    return _handle(lf)


@lib_function
def io_popen(*args: Any) -> Any:
    check_string(args, 1, "io.popen")
    raise LibError("'popen' not supported")


# ----------------------------------------------------------- file methods
# Their messages name them as their caller did ('read' for f:read()); Lua
# finds no name for a method called any other way (pcall(f.read, f)): '?'.


@lib_function
def f_close(*args: Any) -> Any:
    return _results(check_file(args, "?").close())


@lib_function
def f_read(*args: Any) -> Any:
    return _results(check_file(args, "?").read(args, 2, "?"))


@lib_function
def f_write(*args: Any) -> Any:
    r = check_file(args, "?").write(args, 2, "?")
    return args[0] if r is True else r


@lib_function
def f_lines(*args: Any) -> Any:
    check_file(args, "?")
    return _lines_iterator(args[0], _check_formats(args, 2, "?"), False)


@lib_function
def f_flush(*args: Any) -> Any:
    return _results(check_file(args, "?").flush())


@lib_function
def f_seek(*args: Any) -> Any:
    lf = check_file(args, "?")
    whence = opt_string(args, 2, "?", b"cur")
    if whence not in _WHENCE:
        raise arg_error(2, "?", f"invalid option '{_text(whence)}'")
    offset = opt_integer(args, 3, "?", 0)
    return _results(lf.seek(_WHENCE[whence], offset))


@lib_function
def f_setvbuf(*args: Any) -> Any:
    lf = check_file(args, "?")
    mode = check_string(args, 2, "?")
    if mode not in _VBUF:
        raise arg_error(2, "?", f"invalid option '{_text(mode)}'")
    opt_integer(args, 3, "?", 0)  # the buffer size: Python's own buffer stays
    charge(1)
    lf.vbuf = mode
    return True


@lib_function
def f_gc(*args: Any) -> Any:
    lf = _file_of(args[0]) if args else None
    if lf is not None and not lf.closed:
        lf.close()  # (standard files refuse, as in Lua)
    return ()


@lib_function
def f_tostring(*args: Any) -> Any:
    lf = _file_of(args[0]) if args else None
    if lf is None:
        raise type_error(args, 1, "tostring", "FILE*")
    if lf.closed:
        return b"file (closed)"
    return b"file (" + current().address(args[0]) + b")"


FUNCTIONS = {
    b"open": io_open,
    b"close": io_close,
    b"read": io_read,
    b"write": io_write,
    b"flush": io_flush,
    b"input": io_input,
    b"output": io_output,
    b"lines": io_lines,
    b"type": io_type,
    b"tmpfile": io_tmpfile,
    b"popen": io_popen,
}
METHODS = {
    b"close": f_close,
    b"flush": f_flush,
    b"lines": f_lines,
    b"read": f_read,
    b"seek": f_seek,
    b"setvbuf": f_setvbuf,
    b"write": f_write,
}


def prepare(engine: Any) -> tuple:
    """The ``io`` table, for an Engine granted "io" only."""
    if "io" not in engine._capabilities:
        return {}, {}
    return {}, {b"io": dict(FUNCTIONS)}


def bind(rt: Any) -> dict:
    """The State's ``FILE*`` metatable and standard files."""
    if "io" not in rt.engine._capabilities:
        return {}
    meta = Table()
    for k, v in ((b"__index", Table(METHODS)), (b"__name", b"FILE*"), (b"__gc", f_gc),
                 (b"__close", f_gc), (b"__tostring", f_tostring)):
        meta[k] = v
    ios = rt.io = IoState(meta, rt.callbacks)
    iotable = dict.get(rt.state._G, b"io")
    if iotable is not None:
        iotable[b"stdin"] = ios.stdin
        iotable[b"stdout"] = ios.stdout
        iotable[b"stderr"] = ios.stderr
    return {}


__all__ = ["prepare", "bind", "IoState", "MAX_OPEN_FILES", "check_file"]
