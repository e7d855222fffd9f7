"""Lua coroutines on greenlets.

A ``Coroutine`` (Lua type "thread") runs its body on a greenlet of its own,
created at the first resume. Because a greenlet carries its whole stack
(Python and C), ``coroutine.yield`` works from any depth: across
``pcall``/``xpcall``, inside metamethods, generic-for iterators,
``table.sort`` comparators, ``gsub`` callbacks and host functions (reference
Lua refuses some of these with "attempt to yield across a C-call boundary").

Protocol between the greenlets: ``resume`` switches into the coroutine; the
coroutine switches back to the resumer (its greenlet parent) with a pair
``(kind, payload)``: a yield, a return, an error (already turned into a Lua
error value *inside* the coroutine, where the traceback still shows the Lua
frames the error translator needs), an exception that must propagate
(``BudgetExceeded``, ``Interrupted``, ``KeyboardInterrupt``... and a run
being cancelled: these are re-raised by ``resume`` and stop the whole run),
or the end of a ``close``.

Errors unwind the coroutine's Python frames at once, so pending ``<close>``
variables run when the error happens (reference Lua runs them when the dead
coroutine is closed, by ``coroutine.close`` or ``wrap``); the error value is
kept and returned once more by ``coroutine.close``.

``coroutine.close`` of a suspended coroutine throws ``CoroutineClose`` (a
``GreenletExit``, so ``pcall`` lets it through) into it: the generated
try/finally of every ``<close>`` variable runs its handler with a nil error.

The running State: library functions find their State through a
thread-local (runtime.context); greenlets of one thread share it. ``resume``
makes the coroutine's State current while the coroutine runs and restores
the previous one afterwards.

**Threads.** A greenlet belongs to the thread it was started on and cannot
be switched to from another thread. A State may move between threads
between calls, but a coroutine that was *started* (and is suspended) on one
thread can only be resumed or closed on that thread: elsewhere ``resume``
returns ``false, "cannot resume a coroutine suspended in another thread
..."`` (``wrap`` raises it, ``close`` raises a similar error). A coroutine
that has not started yet can be resumed on any thread.

**Garbage.** A suspended coroutine that is garbage collected is unwound by
greenlet (GreenletExit thrown into it); ``coroutine.yield`` turns that into
``GeneratorExit`` so that no ``<close>`` handler and no ``pcall`` runs Lua
code at collection time (reference Lua does not close collected coroutines
either).
"""

from __future__ import annotations

import threading
import weakref
from threading import get_ident
from typing import Any

import greenlet
from greenlet import GreenletExit, getcurrent

from ..errors import BudgetExceeded, Interrupted
from . import context
from .context import _tls
from .ops import OpError, call_n
from .trace import error_value, lib_function

SUSPENDED, RUNNING, NORMAL, DEAD = "suspended", "running", "normal", "dead"

# reference Lua refuses to nest resumes beyond its C stack limit (200 C
# calls; a plain chain of resumes fails at this depth)
MAX_NESTING = 196

_YIELD, _RETURN, _ERROR, _RAISE, _CLOSED = range(5)

_PROPAGATE = (BudgetExceeded, Interrupted, GeneratorExit, GreenletExit, KeyboardInterrupt, SystemExit)


class CoroutineClose(GreenletExit):
    """Thrown into a suspended coroutine by ``coroutine.close``. Its Lua
    error value is nil, which is what ``__close`` handlers receive."""

    _lua_value = None


class _CoGreenlet(greenlet.greenlet):
    """The greenlet of a coroutine (knows its Coroutine)."""

    co: Any = None


class Coroutine:
    """A Lua coroutine (type "thread")."""

    __slots__ = ("fn", "rt", "status", "glet", "thread", "error", "depth", "closing", "is_main", "uid", "__weakref__")

    def __init__(self, fn: Any, rt: Any, is_main: bool = False):
        self.fn = fn
        self.rt = rt
        self.status = RUNNING if is_main else SUSPENDED
        self.glet: Any = None
        self.thread = 0
        self.error: Any = None  # (value,) after an error, until closed
        self.depth = 0
        self.closing = False
        self.is_main = is_main
        self.uid = 0

    def __repr__(self) -> str:
        return f"<Lua thread {'main' if self.is_main else self.status}>"


_MAINS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()
_MAINS_LOCK = threading.Lock()


def main_of(rt: Any) -> Coroutine:
    """The main coroutine object of a State (what ``coroutine.running()``
    returns outside any coroutine)."""
    st = rt.state
    co = _MAINS.get(st)
    if co is None:
        with _MAINS_LOCK:
            co = _MAINS.get(st)
            if co is None:
                co = _MAINS[st] = Coroutine(None, rt, is_main=True)
    return co


def running(rt: Any) -> Coroutine:
    """The coroutine of ``rt`` running on this thread (or its main one)."""
    co = getattr(greenlet.getcurrent(), "co", None)
    if co is not None and co.rt is rt:
        return co
    return main_of(rt)


def status_of(co: Coroutine, rt: Any) -> str:
    if co.is_main:
        return RUNNING if running(co.rt) is co else NORMAL
    return co.status


def _body(co: Coroutine, args: tuple) -> tuple:
    """Runs on the coroutine's greenlet; the result goes to the resumer."""
    try:
        r = call_n(co.fn, *args)
    except CoroutineClose:
        return (_CLOSED, None)
    except _PROPAGATE as exc:
        return (_RAISE, exc)
    except BaseException as exc:  # noqa: BLE001 - becomes the Lua error
        return (_ERROR, error_value(exc))
    return (_RETURN, r)


OTHER_THREAD = (
    "cannot resume a coroutine suspended in another thread "
    "(a coroutine can only continue on the thread that started it)"
)
OTHER_THREAD_B = OTHER_THREAD.encode()


def _enter(co: Coroutine, rt: Any) -> tuple:
    """Bookkeeping before switching into ``co``: returns what _leave needs."""
    cur = running(rt)
    if not cur.is_main:
        cur.status = NORMAL
    co.status = RUNNING
    co.depth = cur.depth + 1
    return cur, context.swap(co.rt)


def _leave(saved: tuple) -> None:
    cur, prev_rt = saved
    context.swap(prev_rt)
    if not cur.is_main:
        cur.status = RUNNING


def _outcome(co: Coroutine, kind: int, val: Any) -> tuple:
    if kind == _YIELD:
        co.status = SUSPENDED
        return (True, val)
    co.status = DEAD
    co.glet = None
    if kind == _RETURN:
        return (True, val if val.__class__ is tuple else (val,))
    if kind == _ERROR:
        co.error = (val,)
        return (False, val)
    if kind == _CLOSED:
        return (True, ())
    raise val


def resume(co: Coroutine, args: tuple) -> tuple:
    """``coroutine.resume``: ``(True, values)`` or ``(False, error value)``.
    Uncatchable exceptions raised inside the coroutine propagate."""
    if co.status is not SUSPENDED:
        if co.status is DEAD:
            return (False, b"cannot resume dead coroutine")
        return (False, b"cannot resume non-suspended coroutine")
    rt = _tls.rt
    here = getcurrent()
    cur = getattr(here, "co", None)
    if cur is not None and cur.rt is not rt:
        cur = None  # a coroutine of another State: this State's main is running
    depth = cur.depth + 1 if cur is not None else 1
    if depth > MAX_NESTING:
        return (False, b"C stack overflow")
    g = co.glet
    if g is None:
        g = co.glet = _CoGreenlet(_body, here)
        g.co = co
        co.thread = get_ident()
        payload: Any = (co, args)
    else:
        if co.thread != get_ident():
            return (False, OTHER_THREAD_B)
        g.parent = here
        payload = None
    if cur is not None:
        cur.status = NORMAL
    co.status = RUNNING
    co.depth = depth
    crt = co.rt
    swapped = crt is not rt
    if swapped:
        _tls.rt = crt
    try:
        if payload is not None:
            kind, val = g.switch(*payload)
        else:
            kind, val = g.switch(args)
    finally:
        if swapped:
            _tls.rt = rt
        if cur is not None:
            cur.status = RUNNING
    if kind == _YIELD:
        co.status = SUSPENDED
        return (True, val)
    return _outcome(co, kind, val)


def yield_(args: tuple) -> Any:
    """``coroutine.yield``: returns the values of the next resume."""
    return lua_yield(*args)


@lib_function
def lua_yield(*args: Any) -> Any:
    """``coroutine.yield`` itself (a library function)."""
    g = getcurrent()
    co = getattr(g, "co", None)
    if co is None or co.rt is not _tls.rt:
        raise OpError("attempt to yield from outside a coroutine")
    if co.closing:
        raise OpError("attempt to yield across a C-call boundary")
    try:
        r = g.parent.switch((_YIELD, args))
    except GreenletExit as exc:
        if exc.__class__ is GreenletExit and co.status is not DEAD and not co.closing:
            # collected while suspended: unwind without running Lua code
            raise GeneratorExit from None
        raise
    if r.__class__ is tuple and len(r) == 1:
        return r[0]
    return r


def close(co: Coroutine) -> tuple:
    """``coroutine.close``: ``(True,)`` or ``(False, error value)``; raises
    OpError for a running or normal coroutine."""
    rt = context.current()
    st = status_of(co, rt)
    if st not in (SUSPENDED, DEAD):
        raise OpError(f"cannot close a {st} coroutine", None, True)
    g = co.glet
    if st == DEAD or g is None or g.dead:
        co.status = DEAD
        co.glet = None
        if co.error is not None:
            err = co.error[0]
            co.error = None
            return (False, err)
        return (True,)
    if co.thread != threading.get_ident():
        raise OpError(
            "cannot close a coroutine suspended in another thread "
            "(a coroutine can only continue on the thread that started it)", None, True
        )
    g.parent = greenlet.getcurrent()
    co.closing = True
    saved = _enter(co, rt)
    try:
        kind, val = g.throw(CoroutineClose())
    finally:
        _leave(saved)
        co.closing = False
    ok, v = _outcome(co, kind, val)
    co.error = None
    if ok:
        return (True,)
    return (False, v)


def is_yieldable(co: Coroutine) -> bool:
    return not co.is_main


__all__ = [
    "Coroutine", "CoroutineClose", "resume", "yield_", "lua_yield", "close", "running", "main_of",
    "status_of", "is_yieldable", "SUSPENDED", "RUNNING", "NORMAL", "DEAD", "MAX_NESTING",
]
