"""The Python side of Lua's ``FILE*`` handles: reading in Lua's formats,
writing, seeking, closing (the ``io`` library itself is ``iolib``).

A script holds a ``Userdata`` whose ``obj`` is a ``LuaFile``; indexing the
userdata only ever reaches its Lua metatable, so the Python stream inside is
out of the script's reach.

Every read and write is charged to the meter in proportion to its bytes, and
a read keeps what it builds under the memory limit: it reads in pieces of at
most ``CHUNK`` bytes and announces each piece (``charge_alloc``) before it
reads on, so ``f:read("a")`` of a huge file (or an endless pipe) stops with
"not enough memory" or on the budget, with at most one piece beyond the
limit. Between pieces an interrupt from the host takes effect (``poll``); a
read that waits for input (a pipe, a terminal) waits as it would in ``lua``.
"""

from __future__ import annotations

import errno as _errno
import io
import math
from typing import Any, Optional

from ..runtime.context import alloc, charge, charge_alloc, poll
from ..runtime.values import str_to_number
from .args import LibError, arg_error, check_integer, check_number, check_string
from .oslib import file_result

CHUNK = 1 << 16  # bytes read (and announced) at a time
MAX_NUMERAL = 200  # L_MAXLENNUM: the longest numeral read("n") accepts
_SPACE = b" \t\n\v\f\r"
_DIGITS = frozenset(b"0123456789")
_HEX_DIGITS = frozenset(b"0123456789abcdefABCDEF")


def _bad_descriptor() -> tuple:
    """What C reports for reading a write-only stream and the like."""
    return (None, b"Bad file descriptor", _errno.EBADF)


def io_failure(exc: Exception) -> tuple:
    """A Python I/O exception as Lua's ``nil, message, errno``."""
    if isinstance(exc, io.UnsupportedOperation) or not isinstance(exc, OSError):
        return _bad_descriptor()  # (ValueError: the stream was closed under us)
    return file_result(exc)


class HostOutput:
    """``io.stdout`` / ``io.stderr``: writes go to the State's
    ``HostCallbacks.on_output`` (the host decides where they end up; by
    default the process's own streams), so that they stay in order with
    ``print``, which goes to ``on_print``."""

    __slots__ = ("callbacks", "name")

    def __init__(self, callbacks: Any, name: str):
        self.callbacks, self.name = callbacks, name

    def readable(self) -> bool:
        return False

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:
        self.callbacks.on_output(self.name, data)
        return len(data)

    def flush(self) -> None:
        self.callbacks.on_flush(self.name)

    def seek(self, offset: int, whence: int = 0) -> int:
        raise OSError(_errno.ESPIPE, "Illegal seek")

    def close(self) -> None:
        pass


class ProcessInput:
    """``io.stdin``: the process's standard input, looked up when read (a
    host may replace ``sys.stdin``)."""

    __slots__ = ()

    @staticmethod
    def _src() -> Any:
        import sys

        src = getattr(sys.stdin, "buffer", None)
        if src is None:
            raise OSError(_errno.EBADF, "Bad file descriptor")
        return src

    def readable(self) -> bool:
        return True

    def writable(self) -> bool:
        return False

    def read(self, n: int = -1) -> bytes:
        return self._src().read(n)

    def readline(self, n: int = -1) -> bytes:
        return self._src().readline(n)

    def peek(self, n: int = 1) -> bytes:
        return _peek1(self._src())

    def seek(self, offset: int, whence: int = 0) -> int:
        return self._src().seek(offset, whence)

    def flush(self) -> None:
        pass

    def close(self) -> None:
        pass


def _peek1(stream: Any) -> bytes:
    """The next byte without consuming it (b"" at the end): C's getc+ungetc."""
    peek = getattr(stream, "peek", None)
    if peek is not None:
        return peek(1)[:1]
    c = stream.read(1)
    if c:
        stream.seek(-1, 1)  # (raises for a stream that cannot go back: EBADF/ESPIPE)
    return c


class LuaFile:
    """One open (or closed) file of a State. ``standard``: ``io.stdin``,
    ``io.stdout`` or ``io.stderr``, which scripts cannot close."""

    __slots__ = ("stream", "closed", "standard", "vbuf", "__weakref__")

    def __init__(self, stream: Any, standard: bool = False):
        self.stream = stream
        self.closed = False
        self.standard = standard
        self.vbuf = b"full"  # setvbuf's mode: when writes are flushed

    def close(self) -> tuple:
        """``file:close()``: true, or ``nil, message, errno``."""
        if self.standard:
            return (None, b"cannot close standard file")
        self.closed = True
        try:
            self.stream.close()
        except (OSError, ValueError) as exc:
            return io_failure(exc)
        return (True,)

    # ------------------------------------------------------------- reading

    def read(self, args: tuple, first: int, qual: str) -> tuple:
        """``file:read(...)`` with the formats in ``args[first - 1:]``
        (``first`` is the argument number of the first format, for
        messages; ``qual`` names the function in them): the values read,
        the first failure as nil and nothing after it; ``nil, message,
        errno`` on an I/O error. As in C Lua, a format is checked when its
        turn comes: after a failed read, later ones are not looked at."""
        try:
            if len(args) < first:
                return (self._read(b"l", None),)
            out: list = []
            for n in range(first, len(args) + 1):
                v = self._read(*_format(args, n, qual))
                out.append(v)
                if v is None:
                    break
            return tuple(out)
        except (OSError, ValueError) as exc:
            return io_failure(exc)

    def _read(self, kind: bytes, count: Any) -> Any:
        if not self.stream.readable():
            raise io.UnsupportedOperation("not readable")
        if kind == b"n":
            return self._read_number()
        if kind == b"l" or kind == b"L":
            return self._read_line(kind == b"L")
        if kind == b"a":
            return self._read_pieces(None, False)
        return self._read_count(count) if count else self._test_eof()

    def _test_eof(self) -> Optional[bytes]:
        charge(1)
        return b"" if _peek1(self.stream) else None

    def _read_count(self, count: int) -> Optional[bytes]:
        data = self._read_pieces(max(count, 0), False)
        return data if data else None

    def _read_line(self, keep_newline: bool) -> Optional[bytes]:
        data = self._read_pieces(None, True)
        if not data:
            return None
        if not keep_newline and data[-1:] == b"\n":
            return data[:-1]
        return data

    def _read_pieces(self, limit: Optional[int], line: bool) -> bytes:
        """Up to ``limit`` bytes (None: up to the end; ``line``: up to and
        including the next newline), a piece at a time, each piece charged
        and announced to the memory limit before the next is read."""
        from .stringlib import size_limit, too_large

        stream = self.stream
        parts = []
        total = 0
        most = size_limit()
        while limit is None or total < limit:
            want = CHUNK if limit is None else min(CHUNK, limit - total)
            piece = stream.readline(want) if line else stream.read(want)
            if not piece:
                break
            total += len(piece)
            if total > most:
                raise too_large()
            charge_alloc(1 + (len(piece) >> 6), len(piece))
            parts.append(piece)
            if line and piece[-1:] == b"\n":
                break
            poll()
        if not parts:
            charge(1)
            return b""
        if len(parts) == 1:
            return parts[0]
        alloc(total)  # the joined copy, while the pieces are still alive
        return b"".join(parts)

    def _read_number(self) -> Any:
        """``read("n")``: the longest prefix that looks like a numeral (as
        C Lua's ``l_getn`` reads it), converted; nil if it is not one. The
        character after it is left unread."""
        stream = self.stream
        charge(1)
        c = _peek1(stream)
        while c and c in _SPACE:
            stream.read(1)
            c = _peek1(stream)
        buf = bytearray()
        state = {"c": c, "ok": True}

        def accept(chars: Any) -> bool:
            """Take the current character if it is one of ``chars``."""
            ch = state["c"]
            if not ch or ch[0] not in chars:
                return False
            if len(buf) >= MAX_NUMERAL:  # too long: invalid, stop reading
                buf.clear()
                state["ok"] = False
                return False
            buf.append(ch[0])
            stream.read(1)
            state["c"] = _peek1(stream)
            return True

        def digits(hexa: bool) -> int:
            n = 0
            while accept(_HEX_DIGITS if hexa else _DIGITS):
                n += 1
            return n

        accept(b"-+")
        hexa = False
        count = 0
        if accept(b"0"):
            if accept(b"xX"):
                hexa = True
            else:
                count = 1
        count += digits(hexa)
        if accept(b"."):
            count += digits(hexa)
        if count > 0 and accept(b"pP" if hexa else b"eE"):
            accept(b"-+")
            digits(False)
        if not state["ok"] or not buf:
            return None
        return str_to_number(bytes(buf))

    # ------------------------------------------------------------- writing

    def write(self, args: tuple, first: int, qual: str) -> Any:
        """``file:write(...)`` of ``args[first - 1:]``: True, or ``nil,
        message, errno`` (the caller returns the file on success)."""
        stream = self.stream
        try:
            if not stream.writable():
                return _bad_descriptor()
            newline = False
            for n in range(first, len(args) + 1):
                v = args[n - 1]
                c = v.__class__
                if c is int or c is float:
                    data = format_number(check_number(args, n, qual))
                else:
                    data = check_string(args, n, qual)
                charge(1 + (len(data) >> 6))  # before the host or the disk takes it
                stream.write(data)
                newline = newline or b"\n" in data
            if self.vbuf == b"no" or self.vbuf == b"line" and newline:
                stream.flush()
        except (OSError, ValueError) as exc:
            return io_failure(exc)
        return True

    def flush(self) -> tuple:
        charge(1)
        try:
            self.stream.flush()
        except (OSError, ValueError) as exc:
            return io_failure(exc)
        return (True,)

    def seek(self, whence: int, offset: int) -> tuple:
        charge(1)
        try:
            return (self.stream.seek(offset, whence),)
        except (OSError, ValueError) as exc:
            return io_failure(exc)


def _format(args: tuple, n: int, qual: str) -> tuple:
    """Read format ``n``: ``(kind, count)``, kind one of n, l, L, a, or
    b"#" for a byte count."""
    fmt = args[n - 1]
    if fmt.__class__ is int or fmt.__class__ is float:
        return (b"#", check_integer(args, n, qual))
    if fmt.__class__ is not bytes:
        check_string(args, n, qual)  # (raises: not a string)
    kind = fmt[1:2] if fmt[:1] == b"*" else fmt[:1]  # Lua 5.3's "*l" still works
    if kind in (b"n", b"l", b"L", b"a"):
        return (kind, None)
    raise arg_error(n, qual, "invalid format")


def format_number(v: Any) -> bytes:
    """A number as ``io.write`` writes it: C's ``%d`` or ``%.14g`` (so
    ``1.0`` is written "1", unlike ``tostring``)."""
    if v.__class__ is int:
        return b"%d" % v
    if v != v:
        return b"-nan" if math.copysign(1.0, v) < 0 else b"nan"
    if v in (math.inf, -math.inf):
        return b"inf" if v > 0 else b"-inf"
    return b"%.14g" % v


def check_open(lf: LuaFile) -> LuaFile:
    if lf.closed:
        raise LibError("attempt to use a closed file")
    return lf


__all__ = ["LuaFile", "HostOutput", "ProcessInput", "CHUNK", "io_failure", "format_number", "check_open"]
