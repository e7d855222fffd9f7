"""The ``os`` library.

A sandboxed Engine offers at most the time functions, and only when the host
gives it a ``clock`` (``os.time``, ``os.clock``, ``os.date``,
``os.difftime``; local time is UTC then, so runs stay reproducible).

The "os" capability (``Engine(capabilities={"os"})``) offers the whole
library as a stand-alone ``lua`` has it: ``getenv``, ``remove``,
``rename``, ``tmpname``, ``execute``, ``exit``, ``setlocale``, and the time
functions on the real clock and the host's time zone (or on the host's
``clock``, in UTC, when one is given). ``os.exit`` raises
``mani.ScriptExit``: it ends the run, never the host process.

Failures return Lua's ``nil, message, errno`` (``luaL_fileresult``);
every call is charged to the meter.
"""

from __future__ import annotations

import os as _os
import shutil
import subprocess
import tempfile
import time as _time
from typing import Any, Callable

from ..errors import ScriptExit
from ..runtime.context import charge, current
from ..runtime.trace import lib_function
from ..runtime.values import Table, to_integer
from .args import LibError, arg_error, check_integer, check_string, opt_integer, opt_string, type_error
from .ostime import Tm, days_from_civil, strftime
from .tablelib import setindex

# ------------------------------------------------------------------ results


def file_result(exc: OSError, fname: Any = None) -> tuple:
    """``luaL_fileresult`` for a failure: ``nil, "[fname: ]message", errno``."""
    errno = exc.errno if exc.errno is not None else 0
    msg = (exc.strerror or str(exc)).encode("utf-8", "surrogateescape")
    if fname is not None:
        msg = fname + b": " + msg
    return (None, msg, errno)


def fs_name(name: bytes) -> bytes:
    """A file name as the OS takes it: Lua strings end at a NUL byte in C."""
    return name.split(b"\0", 1)[0]


# --------------------------------------------------------------- time zones


def _utc(t: int) -> Tm:
    return Tm(t)


def _local(t: int) -> Tm:
    """``t`` in the host's time zone (the offset in force at ``t``)."""
    try:
        st = _time.localtime(t)
    except (OverflowError, OSError, ValueError):  # beyond the C library's range: UTC
        return Tm(t)
    return Tm(t, st.tm_gmtoff, st.tm_zone, st.tm_isdst > 0)


def _local_epoch(fields_as_utc: int) -> int:
    """The instant whose local time reads as ``fields_as_utc`` does in UTC:
    two rounds find the offset in force then (across a DST change too)."""
    guess = fields_as_utc - _local(fields_as_utc).gmtoff
    return fields_as_utc - _local(guess).gmtoff


# ---------------------------------------------------------------- time


def time_functions(clock: Callable[[], float], local: bool) -> dict:
    """``os.time``, ``os.clock``, ``os.date`` and ``os.difftime`` on
    ``clock`` (seconds since the epoch). ``local``: local time is the
    host's time zone; otherwise it is UTC."""
    start = clock()
    broken_down = _local if local else _utc

    def now() -> int:
        return int(clock() // 1)

    def _field(t: Table, key: bytes, d: int, delta: int) -> int:
        v = t[key]
        res = to_integer(v)
        if res is None:
            if v is not None:
                raise LibError(f"field '{key.decode()}' is not an integer")
            if d < 0:
                raise LibError(f"field '{key.decode()}' missing in date table")
            return d
        if not (res - delta <= 0x7FFFFFFF if res >= 0 else -0x80000000 + delta <= res):
            raise LibError(f"field '{key.decode()}' is out-of-bound")
        return res - delta

    def _setall(t: Table, tm: Tm) -> None:
        for k, v in ((b"year", tm.year), (b"month", tm.month), (b"day", tm.day), (b"hour", tm.hour),
                     (b"min", tm.min), (b"sec", tm.sec), (b"yday", tm.yday + 1), (b"wday", tm.wday + 1)):
            setindex(t, k, v)
        setindex(t, b"isdst", tm.isdst)

    @lib_function
    def os_time(*args: Any) -> Any:
        if not args or args[0] is None:
            return now()
        t = args[0]
        if not isinstance(t, Table):
            raise type_error(args, 1, "os.time", "table")
        year = _field(t, b"year", -1, 1900) + 1900
        month = _field(t, b"month", -1, 1)
        day = _field(t, b"day", -1, 0)
        hour = _field(t, b"hour", 12, 0)
        minute = _field(t, b"min", 0, 0)
        sec = _field(t, b"sec", 0, 0)
        y = year + month // 12
        m = month % 12 + 1
        r = (days_from_civil(y, m, 1) + day - 1) * 86400 + hour * 3600 + minute * 60 + sec
        if not -(1 << 55) < r < (1 << 55):
            raise LibError("time result cannot be represented in this installation")
        if local:
            r = _local_epoch(r)
        _setall(t, broken_down(r))
        return r

    @lib_function
    def os_clock(*args: Any) -> Any:
        return float(clock() - start)

    @lib_function
    def os_date(*args: Any) -> Any:
        fmt = opt_string(args, 1, "os.date", b"%c")
        t = now() if len(args) < 2 or args[1] is None else check_integer(args, 2, "os.date")
        utc = fmt.startswith(b"!")
        if utc:
            fmt = fmt[1:]
        if not -(1 << 55) < t < (1 << 55):
            raise LibError("date result cannot be represented in this installation")
        tm = _utc(t) if utc else broken_down(t)
        charge(1 + len(fmt) // 8)
        if fmt == b"*t":
            r = Table()
            _setall(r, tm)
            return r
        return strftime(fmt, tm, utc, "os.date")

    @lib_function
    def os_difftime(*args: Any) -> Any:
        t1 = check_integer(args, 1, "os.difftime")
        t2 = opt_integer(args, 2, "os.difftime", 0)
        return float(t1 - t2)

    return {b"time": os_time, b"clock": os_clock, b"date": os_date, b"difftime": os_difftime}


@lib_function
def os_cpu_clock(*args: Any) -> Any:
    """``os.clock`` on the real clock: processor time, as C's ``clock()``."""
    return _time.process_time()


# ------------------------------------------------- the "os" capability


@lib_function
def os_getenv(*args: Any) -> Any:
    name = check_string(args, 1, "os.getenv")
    charge(1)
    return _os.environb.get(fs_name(name))


@lib_function
def os_remove(*args: Any) -> Any:
    name = check_string(args, 1, "os.remove")
    charge(1)
    path = fs_name(name)
    try:
        # C's remove() deletes empty directories too
        if _os.path.isdir(path) and not _os.path.islink(path):
            _os.rmdir(path)
        else:
            _os.remove(path)
    except OSError as exc:
        return file_result(exc, name)
    return True


@lib_function
def os_rename(*args: Any) -> Any:
    old = check_string(args, 1, "os.rename")
    new = check_string(args, 2, "os.rename")
    charge(1)
    try:
        _os.rename(fs_name(old), fs_name(new))
    except OSError as exc:
        return file_result(exc)  # (Lua names no file here, unlike remove)
    return True


@lib_function
def os_tmpname(*args: Any) -> Any:
    charge(1)
    try:
        # created (empty) as Lua's mkstemp does, so no other process takes the name
        fd, name = tempfile.mkstemp(prefix="lua_")
    except OSError:
        raise LibError("unable to generate a unique filename") from None
    _os.close(fd)
    return _os.fsencode(name)


@lib_function
def os_exit(*args: Any) -> Any:
    v = args[0] if args else None
    if v.__class__ is bool:
        status = 0 if v else 1
    else:
        status = opt_integer(args, 1, "os.exit", 0)
    # (the second argument, ``close``, changes nothing: the host keeps the
    # State, and closes it when it wants to)
    raise ScriptExit(status)


def _flush_host_streams() -> None:
    """A command writes straight to the process's streams: what the script
    wrote before must come out first."""
    callbacks = current().callbacks
    for stream in ("stdout", "stderr"):
        try:
            callbacks.on_flush(stream)
        except Exception:  # noqa: BLE001 - a host stream that cannot flush: run anyway
            pass


@lib_function
def os_execute(*args: Any) -> Any:
    cmd = opt_string(args, 1, "os.execute", None)
    charge(1)
    if cmd is None:  # is there a shell?
        return shutil.which("sh") is not None
    charge(len(cmd) >> 6)
    _flush_host_streams()
    try:
        code = subprocess.call(fs_name(cmd), shell=True)
    except OSError as exc:
        return file_result(exc)
    if code < 0:  # killed by a signal
        return (None, b"signal", -code)
    return (True if code == 0 else None, b"exit", code)


_CATEGORIES = (b"all", b"collate", b"ctype", b"monetary", b"numeric", b"time")


@lib_function
def os_setlocale(*args: Any) -> Any:
    locale = opt_string(args, 1, "os.setlocale", None)
    category = opt_string(args, 2, "os.setlocale", b"all")
    if category not in _CATEGORIES:
        raise arg_error(2, "os.setlocale", f"invalid option '{category.decode('utf-8', 'replace')}'")
    charge(1)
    # mani's string functions work in the "C" locale whatever the host's
    # is; the only locale it can switch to is the one it is in
    if locale is None or locale in (b"", b"C", b"POSIX"):
        return b"C"
    return None


CAPABILITY_FUNCTIONS = {
    b"getenv": os_getenv,
    b"remove": os_remove,
    b"rename": os_rename,
    b"tmpname": os_tmpname,
    b"exit": os_exit,
    b"execute": os_execute,
    b"setlocale": os_setlocale,
}


def prepare(engine: Any) -> tuple:
    """The ``os`` table an Engine offers (none when sandboxed without a clock)."""
    granted = "os" in engine._capabilities
    clock = engine._clock
    if clock is not None:
        table = time_functions(clock, local=False)
    elif granted:
        table = time_functions(_time.time, local=True)
        table[b"clock"] = os_cpu_clock
    else:
        return {}, {}
    if granted:
        table.update(CAPABILITY_FUNCTIONS)
    return {}, {b"os": table}


__all__ = ["prepare", "file_result", "fs_name", "time_functions", "CAPABILITY_FUNCTIONS"]
