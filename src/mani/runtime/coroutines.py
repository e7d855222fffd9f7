"""Lua coroutines on greenlets.

A ``Coroutine`` (Lua type "thread") runs its body on a greenlet of its own,
created at the first resume. Because a greenlet carries its whole stack
(Python and C), ``coroutine.yield`` works from any depth: across
``pcall``/``xpcall``, inside metamethods, generic-for iterators,
``table.sort`` comparators, ``gsub`` callbacks and host functions (reference
Lua refuses some of these with "attempt to yield across a C-call boundary").

Protocol between the greenlets: ``resume`` switches into the coroutine with
the tuple of its arguments; the coroutine switches back to its resumer with
the tuple ``coroutine.resume`` returns: ``(True, values...)`` for a yield or
a return, ``(False, error value)`` for an error (turned into a Lua error
value *inside* the coroutine, where the traceback still shows the Lua frames
the error translator needs). The only other thing that comes back is a
``_Propagate`` holding an exception that must stop the whole run
(``BudgetExceeded``, ``Interrupted``, ``KeyboardInterrupt``... and a run
being cancelled): ``resume`` re-raises it. The coroutine's side sets its own
status before it switches back (suspended on a yield, dead at the end), so
the resumer has nothing to do after a switch but test for ``_Propagate``.

Status: a coroutine's ``status`` field is ``suspended``, ``running`` or
``dead``; "running" stands for both running and normal (resumed, and now
resuming another), which ``status_of`` tells apart by asking which
coroutine runs on this greenlet. That keeps a resume from writing the
status of its resumer twice.

Fast path: a coroutine remembers its last resumer (the greenlet, the bound
``switch`` it yields to, and the coroutine whose depth counts for the
nesting limit). A resume from the same greenlet in the coroutine's own
State skips the thread check (a greenlet never changes threads), the
parent update and the lookup of the resuming coroutine.

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

**Garbage.** The cycle collector cannot see the frames of a suspended
greenlet, and those of a suspended coroutine always refer back to it, so a
coroutine abandoned while suspended is not freed (nor what it refers to:
usually its whole State). When greenlet does unwind one (GreenletExit
thrown into it), ``coroutine.yield`` turns that into ``GeneratorExit`` so
that no ``<close>`` handler and no ``pcall`` runs Lua code then (reference
Lua does not close collected coroutines either).
"""

from __future__ import annotations

import threading
import weakref
from threading import get_ident
from typing import Any

import greenlet
from greenlet import GreenletExit, getcurrent

from ..errors import BudgetExceeded, Interrupted
from .context import _tls
from .ops import OpError, call_n
from .trace import error_value, lib_function

SUSPENDED, RUNNING, NORMAL, DEAD = "suspended", "running", "normal", "dead"

# reference Lua refuses to nest resumes beyond its C stack limit (200 C
# calls; a plain chain of resumes fails at this depth)
MAX_NESTING = 196

_PROPAGATE = (BudgetExceeded, Interrupted, GeneratorExit, GreenletExit, KeyboardInterrupt, SystemExit)

DEAD_B = b"cannot resume dead coroutine"
NOT_SUSPENDED_B = b"cannot resume non-suspended coroutine"
OVERFLOW_B = b"C stack overflow"
OTHER_THREAD = (
    "cannot resume a coroutine suspended in another thread "
    "(a coroutine can only continue on the thread that started it)"
)
OTHER_THREAD_B = OTHER_THREAD.encode()


class CoroutineClose(GreenletExit):
    """Thrown into a suspended coroutine by ``coroutine.close``. Its Lua
    error value is nil, which is what ``__close`` handlers receive."""

    _lua_value = None


class _Propagate:
    """What a coroutine hands back when an exception must go on past
    ``resume`` (not a tuple, so the resumer's one class test sees it)."""

    __slots__ = ("exc",)

    def __init__(self, exc: BaseException):
        self.exc = exc


class _Closed:
    """What a coroutine hands back when ``coroutine.close`` unwound it."""


class _CoGreenlet(greenlet.greenlet):
    """The greenlet of a coroutine (knows its Coroutine; a slot is read
    faster than an attribute in the instance dict)."""

    __slots__ = ("co",)


class _Outside:
    """The resuming "coroutine" when the resumer is the State's main
    coroutine (or a coroutine of another State): nesting starts at 0."""

    depth = 0


_OUTSIDE = _Outside()


class Coroutine:
    """A Lua coroutine (type "thread")."""

    __slots__ = (
        "fn", "rt", "status", "glet", "thread", "error", "depth", "closing", "is_main", "uid",
        "resumer", "back", "under", "into", "home", "__weakref__",
    )

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
        # the last resumer: its greenlet, that greenlet's bound switch (what
        # a yield calls) and the coroutine whose depth ours adds one to
        self.resumer: Any = None
        self.back: Any = None
        self.under: Any = _OUTSIDE
        self.into: Any = None  # the bound switch of our greenlet (saves a bound method per resume)
        self.home: Any = None  # main coroutine only: a weak reference to its State

    def __repr__(self) -> str:
        return f"<Lua thread {'main' if self.is_main else self.status}>"


_MAINS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()
_MAINS_LOCK = threading.Lock()


def main_of(rt: Any) -> Coroutine:
    """The main coroutine object of a State (what ``coroutine.running()``
    returns outside any coroutine). It lives as long as the State, in a
    table keyed weakly by the State, so it must not refer to the State
    strongly (the entry would then keep its own key alive, and the State
    with it): it knows its State through a weak reference only."""
    st = rt.state
    co = _MAINS.get(st)
    if co is None:
        with _MAINS_LOCK:
            co = _MAINS.get(st)
            if co is None:
                co = Coroutine(None, None, is_main=True)
                co.home = weakref.ref(st)
                _MAINS[st] = co
    return co


def running(rt: Any) -> Coroutine:
    """The coroutine of ``rt`` running on this thread (or its main one)."""
    co = getattr(greenlet.getcurrent(), "co", None)
    if co is not None and co.rt is rt:
        return co
    return main_of(rt)


def status_of(co: Coroutine, rt: Any) -> str:
    if co.is_main:
        st = co.home()
        return RUNNING if st is not None and running(st._rt) is co else NORMAL
    if co.status is RUNNING:
        # active: running if it is the one on this greenlet, else normal
        return RUNNING if running(co.rt) is co else NORMAL
    return co.status


def _finish(co: Coroutine) -> None:
    """The coroutine is over: drop the greenlet and the resumer."""
    co.status = DEAD
    co.glet = co.into = None
    co.resumer = co.back = None
    co.under = _OUTSIDE


def _body(co: Coroutine, args: tuple) -> Any:
    """Runs on the coroutine's greenlet; the result goes to the resumer."""
    try:
        r = call_n(co.fn, *args)
    except CoroutineClose:
        res: Any = _Closed
    except _PROPAGATE as exc:
        res = _Propagate(exc)
    except BaseException as exc:  # noqa: BLE001 - becomes the Lua error
        val = error_value(exc)
        co.error = (val,)
        res = (False, val)
    else:
        res = (True,) + r if r.__class__ is tuple else (True, r)
    _finish(co)
    return res


def resume(co: Coroutine, args: tuple, rt: Any) -> tuple:
    """``coroutine.resume`` in the State ``rt``: ``(True, values...)`` or
    ``(False, error value)``. Uncatchable exceptions raised inside the
    coroutine propagate."""
    if co.status is not SUSPENDED:
        return (False, DEAD_B if co.status is DEAD else NOT_SUSPENDED_B)
    if co.resumer is not getcurrent() or co.rt is not rt:
        return _resume_from_elsewhere(co, args, rt)
    d = co.under.depth + 1
    if d > MAX_NESTING:
        return (False, OVERFLOW_B)
    co.depth = d
    co.status = RUNNING
    r = co.into(args)
    if r.__class__ is tuple:
        return r
    raise r.exc


def _resume_from_elsewhere(co: Coroutine, args: tuple, rt: Any) -> tuple:
    """``resume`` for the first time, from another greenlet than last time,
    or of a coroutine of another State."""
    here = getcurrent()
    cur = getattr(here, "co", None)
    if cur is None or cur.rt is not rt:
        cur = _OUTSIDE  # a coroutine of another State: this State's main is running
    d = cur.depth + 1
    if d > MAX_NESTING:
        return (False, OVERFLOW_B)
    g = co.glet
    if g is None:
        g = co.glet = _CoGreenlet(_body, here)
        g.co = co
        co.into = g.switch
        co.thread = get_ident()
        payload: Any = (co, args)
    else:
        if co.thread != get_ident():
            return (False, OTHER_THREAD_B)
        g.parent = here
        payload = (args,)
    crt = co.rt
    if crt is rt:
        # later resumes from this greenlet take the fast path
        co.resumer, co.back, co.under = here, here.switch, cur
    else:
        co.resumer, co.back, co.under = None, here.switch, cur
    co.depth = d
    co.status = RUNNING
    _tls.rt = crt
    try:
        r = g.switch(*payload)
    finally:
        _tls.rt = rt
    if r.__class__ is tuple:
        return r
    raise r.exc


@lib_function
def lua_yield(*args: Any) -> Any:
    """``coroutine.yield``: returns the values of the next resume."""
    co = getattr(getcurrent(), "co", None)
    if co is None or co.rt is not _tls.rt:
        raise OpError("attempt to yield from outside a coroutine")
    if co.closing:
        raise OpError("attempt to yield across a C-call boundary")
    co.status = SUSPENDED
    try:
        r = co.back((True,) + args)
    except GreenletExit as exc:
        if exc.__class__ is GreenletExit and co.status is not DEAD and not co.closing:
            # collected while suspended: unwind without running Lua code
            raise GeneratorExit from None
        raise
    if len(r) == 1:
        return r[0]
    return r


def close(co: Coroutine, rt: Any) -> tuple:
    """``coroutine.close``: ``(True,)`` or ``(False, error value)``; raises
    OpError for a running or normal coroutine."""
    st = status_of(co, rt)
    if st is not SUSPENDED and st is not DEAD:
        raise OpError(f"cannot close a {st} coroutine", None, True)
    g = co.glet
    if st is DEAD or g is None or g.dead:
        _finish(co)
        if co.error is not None:
            err = co.error[0]
            co.error = None
            return (False, err)
        return (True,)
    if co.thread != get_ident():
        raise OpError(
            "cannot close a coroutine suspended in another thread "
            "(a coroutine can only continue on the thread that started it)", None, True
        )
    here = getcurrent()
    cur = getattr(here, "co", None)
    if cur is None or cur.rt is not rt:
        cur = _OUTSIDE
    g.parent = here
    co.resumer = None  # the next resume looks at its resumer afresh
    co.back = here.switch
    co.depth = cur.depth + 1
    co.status = RUNNING
    co.closing = True
    crt = co.rt
    _tls.rt = crt
    try:
        r = g.throw(CoroutineClose())
    finally:
        _tls.rt = rt
        co.closing = False
    co.error = None
    if r is _Closed or r.__class__ is tuple and r[0] is True:
        return (True,)
    if r.__class__ is tuple:
        return (False, r[1])
    raise r.exc


def is_yieldable(co: Coroutine) -> bool:
    return not co.is_main


__all__ = [
    "Coroutine", "CoroutineClose", "resume", "lua_yield", "close", "running", "main_of",
    "status_of", "is_yieldable", "SUSPENDED", "RUNNING", "NORMAL", "DEAD", "MAX_NESTING",
]
