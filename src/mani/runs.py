"""Runs that can stop half-way: budget suspension and asyncio.

A plain ``State.call`` runs Lua on the caller's stack. A *run* started with
``State.start`` or awaited with ``State.call_async`` runs Lua on a greenlet of
its own, so it can leave at any depth (inside metamethods, ``pcall``, sort
comparators, coroutines) and come back exactly there:

* when the budget runs out, a ``start``-ed run suspends instead of raising;
  ``Execution.add_budget(n)`` + ``resume()`` continue it;
* when Lua calls an ``async def`` host function, an async run hands the
  awaitable to the event loop and resumes with its result;
* with ``State.set_yield_interval(n)`` an async run gives the loop a turn
  every ``n`` cost units.

Everything happens at the meter's check points (``State._budget_out``), so a
run stopped and resumed in slices does exactly the same work, with exactly
the same cost, as one uninterrupted run. A greenlet can only be resumed on
the thread that created it: a suspended run stays on its thread.
"""

from __future__ import annotations

import threading
import weakref
from typing import TYPE_CHECKING, Any, Optional

import greenlet

from .errors import LuaError, ManiError, StateBusyError

if TYPE_CHECKING:  # pragma: no cover
    from .state import _Core

SUSPENDED, DONE, FAILED, CANCELLED = "suspended", "done", "failed", "cancelled"
RUNNING = "running"


class RunContext:
    """What the meter and host-function wrappers need to know about the run
    in progress on a greenlet."""

    __slots__ = ("state", "suspendable", "is_async", "driver", "waiting", "execution", "owner")

    def __init__(self, state: Any, suspendable: bool, is_async: bool, owner: Any = None):
        self.state = state  # the State's _Core
        # a weak reference to the State that started the run, which hands
        # out the results (a strong one would keep a dropped State alive
        # through the run's suspended frames)
        self.owner = None if owner is None else weakref.ref(owner)
        self.suspendable = suspendable
        self.is_async = is_async
        self.driver: Any = None  # greenlet of the host code driving the run
        self.waiting: Any = None  # greenlet to switch back into
        self.execution: Optional["Execution"] = None

    def to_driver(self, message: tuple) -> Any:
        """Leave the run (from any depth) and hand ``message`` to the host."""
        self.waiting = greenlet.getcurrent()
        reply = self.driver.switch(message)
        if reply is not None and reply[0] == "error":
            raise reply[1]
        return None if reply is None else reply[1]


class Execution:
    """A run that can be suspended when its budget is used up.

    ``status`` is ``"running"`` (also while a host function it called runs),
    ``"suspended"``, ``"done"``, ``"failed"`` or ``"cancelled"``;
    ``result`` holds the results (a tuple) once done; ``error`` the LuaError
    if it failed (``resume`` also raises it).
    """

    def __init__(self, state: Any, fn: Any, args: tuple, is_async: bool = False, owner: Any = None):
        self._state = state  # the State's _Core
        self._ctx = RunContext(state, suspendable=not is_async, is_async=is_async, owner=owner)
        self._ctx.execution = self
        self._thread = threading.get_ident()
        self._glet = greenlet.greenlet(lambda: state._run_in_context(self._ctx, fn, args))
        self._ctx.waiting = self._glet
        self.status = SUSPENDED
        self.result: Optional[tuple] = None
        self.error: Optional[BaseException] = None
        self._started = False

    # -- host side
    def _step(self, reply: Any) -> Any:
        if threading.get_ident() != self._thread:
            raise ManiError(
                "a suspended run can only be resumed on the thread that started it "
                "(its Lua stack lives on that thread)"
            )
        # running until it suspends again (_budget_out) or ends: its host
        # functions may call back into the State meanwhile
        self.status = RUNNING
        ctx = self._ctx
        ctx.driver = greenlet.getcurrent()
        target = ctx.waiting
        self._glet.parent = ctx.driver
        from .runtime import context

        prev = context.swap(self._state._rt)  # library functions find the State
        try:
            msg = target.switch(reply) if self._started else target.switch()
        finally:
            context.swap(prev)
        self._started = True
        if self._glet.dead:
            kind, payload = msg
            if kind == "done":
                self.status, self.result = DONE, payload
            else:
                self.status, self.error = FAILED, payload
            self._state._execution = None
            return ("finished",)
        return msg

    def resume(self) -> str:
        """Continue a suspended run until it finishes or suspends again."""
        if self.status != SUSPENDED:
            raise ManiError(f"cannot resume a run that is {self.status}")
        msg = self._step(None)
        if msg[0] == "await":
            raise ManiError("this run called an async host function: use State.call_async")
        if self.status == FAILED:
            raise self.error  # type: ignore[misc]
        return self.status

    def add_budget(self, n: int) -> None:
        """Give a suspended run ``n`` more cost units."""
        if n < 0:
            raise ValueError("budget must be >= 0")
        self._state._add_budget(int(n))

    def cancel(self) -> None:
        """End a suspended run. Its pending ``<close>`` handlers run, metered
        against the State's close grace budget (``set_close_grace_budget``)
        and stopped by interrupts and deadlines; ``error`` then holds what
        cut them short (``BudgetExceeded``, ``Interrupted``, a Lua error), or
        None. The host's own signals (``KeyboardInterrupt``, ``SystemExit``)
        raised meanwhile are re-raised once the run is unwound.

        Only the thread that started the run can cancel it: its Lua stack
        lives on that thread (a ``ManiError`` says so elsewhere)."""
        if self.status != SUSPENDED:
            return
        if threading.get_ident() != self._thread:
            raise ManiError(
                "a suspended run can only be cancelled on the thread that started it "
                "(its Lua stack lives on that thread)"
            )
        if not self._started:
            self.status = CANCELLED
            self._state._execution = None
            return
        self._unwind()

    def _unwind(self) -> None:
        """Unwind the run's Lua stack (on its own thread): pending
        ``<close>`` handlers run under the close grace budget, then the run
        is cancelled and the State idle. Re-raises the host's signals."""
        st = self._state
        saved_end = st._budget_end
        st._budget_end = st.cost_used + st._close_grace
        st._cancelling = True
        st._refill()
        from .runtime import context

        prev = context.swap(st._rt)  # the <close> handlers' library calls find the State
        try:
            self._ctx.driver = greenlet.getcurrent()
            self._glet.parent = self._ctx.driver
            msg = self._ctx.waiting.throw(greenlet.GreenletExit)
            while not self._glet.dead:
                # a handler awaited an async host function: it gets no turn
                if msg and msg[0] == "await":
                    msg[1].close()
                msg = self._ctx.waiting.throw(greenlet.GreenletExit)
        finally:
            context.swap(prev)
            st._cancelling = False
            st._budget_end = saved_end
            st._refill()
            self.status = CANCELLED
            st._execution = None
        err = msg[1] if msg and msg[0] == "error" else None
        if isinstance(err, (KeyboardInterrupt, SystemExit)):
            raise err
        # the GreenletExit that unwound the run came back as "run cancelled"
        self.error = None if isinstance(err, ManiError) and not isinstance(err, LuaError) else err

    def _abandon(self) -> None:
        """Unwind a suspended run without running Lua code: its State was
        dropped by the host (the caller checked the thread)."""
        if self.status != SUSPENDED:
            return
        st = self._state
        if self._started:
            from .runtime import context

            prev = context.swap(st._rt)
            try:
                self._ctx.driver = greenlet.getcurrent()
                self._glet.parent = self._ctx.driver
                # GeneratorExit passes pcall and skips <close> handlers
                # (as an abandoned coroutine's unwinding does)
                self._ctx.waiting.throw(GeneratorExit)
            finally:
                context.swap(prev)
        self.status = CANCELLED
        st._execution = None

    def __repr__(self) -> str:
        return f"<mani.Execution {self.status}>"


def refuse_if_suspended(state: "_Core") -> None:
    if state._execution is not None and state._execution.status == SUSPENDED:
        raise StateBusyError("this State has a suspended run: resume or cancel it first")
