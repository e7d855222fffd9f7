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

**Lifetime.** The cycle collector cannot see the frames of a suspended
greenlet: whatever they refer to stays alive, and they always refer to
their State (its globals, its library functions). So nothing a suspended
coroutine's frames can reach may be what decides when it dies. A Lua value
of type "thread" is therefore a small handle, ``Coroutine``, and the
coroutine's state is a ``_Co`` that the greenlet, its frames and other
coroutines refer to; a ``_Co`` knows its handle only through a weak
reference. When Lua code can no longer reach the handle it is freed (by
reference counting, or by the collector when it sits in a cycle of
ordinary objects), and its ``__del__`` unwinds the suspended greenlet at
once (``abandon``). The same happens to every coroutine of a State when the
State is closed, or dropped by the host (see state.py). Unwinding throws
``GeneratorExit``: no ``<close>`` handler and no ``pcall`` runs Lua code
then, as reference Lua does not close collected coroutines either. A
coroutine that holds its own handle (``coroutine.running()`` kept in a
local, or in a table its frames reach) keeps itself alive until its State
is closed or dropped.
"""

from __future__ import annotations

import weakref
from threading import get_ident
from typing import Any

import greenlet
from greenlet import GreenletExit, getcurrent

from ..errors import RunStopped
from .context import _tls
from .ops import OpError, call_n
from .trace import error_value, lib_function

SUSPENDED, RUNNING, NORMAL, DEAD = "suspended", "running", "normal", "dead"

# reference Lua refuses to nest resumes beyond its C stack limit (200 C
# calls; a plain chain of resumes fails at this depth)
MAX_NESTING = 196

_PROPAGATE = (RunStopped, GeneratorExit, GreenletExit, KeyboardInterrupt, SystemExit)

DEAD_B = b"cannot resume dead coroutine"
NOT_SUSPENDED_B = b"cannot resume non-suspended coroutine"
OVERFLOW_B = b"C stack overflow"
CLOSED_B = b"cannot resume a coroutine of a closed State"
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
    """The greenlet of a coroutine (knows its ``_Co``; a slot is read
    faster than an attribute in the instance dict)."""

    __slots__ = ("co",)


class _Outside:
    """The resuming "coroutine" when the resumer is the State's main
    coroutine (or a coroutine of another State): nesting starts at 0."""

    depth = 0


_OUTSIDE = _Outside()


class _Co:
    """The state of a coroutine: what its greenlet, its frames and other
    coroutines refer to (never its handle, see "Lifetime" above)."""

    __slots__ = (
        "fn", "rt", "status", "glet", "thread", "error", "depth", "closing", "is_main", "handle",
        "resumer", "back", "under", "into",
    )

    def __init__(self, fn: Any, rt: Any, is_main: bool):
        self.fn = fn
        self.rt = rt
        self.status = RUNNING if is_main else SUSPENDED
        self.glet: Any = None
        self.thread = 0
        self.error: Any = None  # (value,) after an error, until closed
        self.depth = 0
        self.closing = False
        self.is_main = is_main
        self.handle: Any = None  # a weak reference to the Coroutine
        # the last resumer: its greenlet, that greenlet's bound switch (what
        # a yield calls) and the _Co whose depth ours adds one to
        self.resumer: Any = None
        self.back: Any = None
        self.under: Any = _OUTSIDE
        self.into: Any = None  # the bound switch of our greenlet (saves a bound method per resume)


class Coroutine:
    """A Lua coroutine as a Lua value (type "thread"): the handle Lua code
    holds. When it is freed, its suspended coroutine is unwound."""

    __slots__ = ("c", "uid", "__weakref__")

    def __init__(self, fn: Any, rt: Any, is_main: bool = False):
        c = self.c = _Co(fn, rt, is_main)
        c.handle = weakref.ref(self)
        self.uid = 0

    def __del__(self) -> None:
        c = self.c
        if c.glet is not None and c.status is SUSPENDED:
            try:
                abandon(c)
            except BaseException:  # noqa: BLE001 - nothing can be reported from a finaliser
                pass

    def __repr__(self) -> str:
        c = self.c
        return f"<Lua thread {'main' if c.is_main else c.status}>"


def main_of(rt: Any) -> Coroutine:
    """The main coroutine object of a State (what ``coroutine.running()``
    returns outside any coroutine), made on first use."""
    co = rt.main_co
    if co is None:
        co = rt.main_co = Coroutine(None, rt, is_main=True)
    return co


def running(rt: Any) -> Coroutine:
    """The coroutine of ``rt`` running on this thread (or its main one)."""
    c = getattr(greenlet.getcurrent(), "co", None)
    if c is not None and c.rt is rt:
        co = c.handle()
        if co is not None:  # (None only while it is being unwound)
            return co
    return main_of(rt)


def status_of(co: Coroutine, rt: Any) -> str:
    c = co.c
    if c.is_main:
        return RUNNING if running(c.rt) is co else NORMAL
    if c.status is RUNNING:
        # active: running if it is the one on this greenlet, else normal
        return RUNNING if running(c.rt) is co else NORMAL
    return c.status


def _finish(c: _Co) -> None:
    """The coroutine is over: drop the greenlet and the resumer."""
    c.status = DEAD
    c.glet = c.into = None
    c.resumer = c.back = None
    c.under = _OUTSIDE
    live = c.rt.live
    if live is not None:  # (None once the State is closed)
        live.discard(c)


def _body(c: _Co, args: tuple) -> Any:
    """Runs on the coroutine's greenlet; the result goes to the resumer."""
    try:
        r = call_n(c.fn, *args)
    except CoroutineClose:
        res: Any = _Closed
    except _PROPAGATE as exc:
        res = _Propagate(exc)
    except BaseException as exc:  # noqa: BLE001 - becomes the Lua error
        val = error_value(exc)
        c.error = (val,)
        res = (False, val)
    else:
        res = (True,) + r if r.__class__ is tuple else (True, r)
    _finish(c)
    return res


def resume(co: Coroutine, args: tuple, rt: Any) -> tuple:
    """``coroutine.resume`` in the State ``rt``: ``(True, values...)`` or
    ``(False, error value)``. Uncatchable exceptions raised inside the
    coroutine propagate. (The caller holds the handle ``co`` meanwhile, so
    a running coroutine is never abandoned.)"""
    c = co.c
    if c.status is not SUSPENDED:
        return (False, DEAD_B if c.status is DEAD else NOT_SUSPENDED_B)
    if c.resumer is not getcurrent() or c.rt is not rt:
        return _resume_from_elsewhere(c, args, rt)
    d = c.under.depth + 1
    if d > MAX_NESTING:
        return (False, OVERFLOW_B)
    c.depth = d
    c.status = RUNNING
    r = c.into(args)
    if r.__class__ is tuple:
        return r
    raise r.exc


def _resume_from_elsewhere(c: _Co, args: tuple, rt: Any) -> tuple:
    """``resume`` for the first time, from another greenlet than last time,
    or of a coroutine of another State."""
    here = getcurrent()
    cur = getattr(here, "co", None)
    if cur is None or cur.rt is not rt:
        cur = _OUTSIDE  # a coroutine of another State: this State's main is running
    d = cur.depth + 1
    if d > MAX_NESTING:
        return (False, OVERFLOW_B)
    g = c.glet
    crt = c.rt
    if g is None:
        live = crt.live
        if live is None:
            if crt.state is None:  # its State is closed (resumed from another State)
                return (False, CLOSED_B)
            live = crt.live = set()
        g = c.glet = _CoGreenlet(_body, here)
        g.co = c
        c.into = g.switch
        c.thread = get_ident()
        live.add(c)  # for State.close
        payload: Any = (c, args)
    else:
        if c.thread != get_ident():
            return (False, OTHER_THREAD_B)
        g.parent = here
        payload = (args,)
    if crt is rt:
        # later resumes from this greenlet take the fast path
        c.resumer, c.back, c.under = here, here.switch, cur
    else:
        c.resumer, c.back, c.under = None, here.switch, cur
    c.depth = d
    c.status = RUNNING
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
        if exc.__class__ is GreenletExit and not co.closing:
            # greenlet unwinds a greenlet nothing refers to any more (also
            # one that ``abandon`` could not reach from another thread):
            # unwind without running Lua code
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
    c = co.c
    g = c.glet
    if st is DEAD or g is None or g.dead:
        _finish(c)
        if c.error is not None:
            err = c.error[0]
            c.error = None
            return (False, err)
        return (True,)
    if c.thread != get_ident():
        raise OpError(
            "cannot close a coroutine suspended in another thread "
            "(a coroutine can only continue on the thread that started it)", None, True
        )
    here = getcurrent()
    cur = getattr(here, "co", None)
    if cur is None or cur.rt is not rt:
        cur = _OUTSIDE
    g.parent = here
    c.resumer = None  # the next resume looks at its resumer afresh
    c.back = here.switch
    c.depth = cur.depth + 1
    c.status = RUNNING
    c.closing = True
    crt = c.rt
    _tls.rt = crt
    try:
        r = g.throw(CoroutineClose())
    finally:
        _tls.rt = rt
        c.closing = False
    c.error = None
    if r is _Closed or r.__class__ is tuple and r[0] is True:
        return (True,)
    if r.__class__ is tuple:
        return (False, r[1])
    raise r.exc


def abandon(c: _Co) -> None:
    """Unwind a coroutine nothing will resume again (its handle was freed,
    or its State is being closed), running no Lua code, and mark it dead.

    The greenlet is unwound here when it belongs to this thread. A greenlet
    of another thread cannot be switched to from here: the references to it
    are dropped, and greenlet unwinds it on its own thread once nothing
    refers to it (at that thread's next greenlet switch, or when it ends)."""
    g = c.glet
    if g is None or g.dead or c.thread != get_ident():
        _finish(c)
        return
    here = getcurrent()
    try:
        g.parent = here  # where the unwound greenlet returns
    except ValueError:  # (here runs below g: cannot happen to a suspended one)
        _finish(c)
        return
    saved = _tls.rt
    try:
        r = g.throw(GeneratorExit)  # _body catches it and finishes the coroutine
    except GeneratorExit:
        # it came back: the greenlet ended without _body catching it (it
        # had not got as far as _body's handler), which unwound it just
        # the same; found by tools/fuzz.py, as a raw GeneratorExit out of
        # State.close()
        r = None
    finally:
        _tls.rt = saved
    if r.__class__ is _Propagate:
        # its traceback and the unwound frames form a cycle: break it, so
        # that the frames (and what their locals held) go now
        r.exc.__traceback__ = None
    if c.status is not DEAD:  # (only if something caught GeneratorExit)
        _finish(c)


def abandon_all(rt: Any) -> None:
    """Unwind every started coroutine of a State that is being closed."""
    live = rt.live
    if live:
        for c in list(live):
            if c.status is not DEAD:
                abandon(c)


def is_yieldable(co: Coroutine) -> bool:
    return not co.c.is_main


__all__ = [
    "Coroutine", "CoroutineClose", "resume", "lua_yield", "close", "running", "main_of",
    "status_of", "is_yieldable", "abandon", "abandon_all",
    "SUSPENDED", "RUNNING", "NORMAL", "DEAD", "MAX_NESTING",
]
