"""StatePool: ready-made States handed out to one user at a time.

Creating a State is cheap, but running a setup (loading programs, setting host
functions) for every request is not: a pool keeps ``size`` States whose setup
already ran, and hands each to one borrower at a time::

    pool = mani.StatePool(engine, 8, setup=lambda st: st.load(program))
    with pool.acquire() as st:
        st.call("handle", request)

Globals are **not** reset between borrowers (that is what makes the pool
fast): whatever a script leaves in its globals, the next borrower sees.
Choose ``fresh=True`` when borrowers must not see each other's data: each
State is then discarded after one use and replaced by a new one (setup runs
again). Budget, deadline and yield interval are reset on return.
"""

from __future__ import annotations

import queue
import threading
from contextlib import contextmanager
from typing import Any, Callable, Iterator, Optional

from .engine import Engine
from .state import HostCallbacks, State


class StatePool:
    def __init__(
        self,
        engine: Engine,
        size: int,
        setup: Optional[Callable[[State], Any]] = None,
        *,
        fresh: bool = False,
        budget: Optional[int] = None,
        callbacks: Optional[Callable[[], HostCallbacks]] = None,
    ):
        if size < 1:
            raise ValueError("pool size must be >= 1")
        self._engine = engine
        self._setup = setup
        self._fresh = fresh
        self._budget = budget
        self._callbacks = callbacks
        self._free: "queue.LifoQueue[State]" = queue.LifoQueue()
        self._lock = threading.Lock()
        self.size = size
        for _ in range(size):
            self._free.put(self._new_state())

    def _new_state(self) -> State:
        st = self._engine.new_state(self._callbacks() if self._callbacks else None)
        if self._setup is not None:
            self._setup(st)
        st.set_cost_budget(self._budget)
        return st

    @contextmanager
    def acquire(self, timeout: Optional[float] = None) -> Iterator[State]:
        """Borrow a State (waiting up to ``timeout`` seconds for a free one)."""
        try:
            st = self._free.get(timeout=timeout)
        except queue.Empty:
            raise TimeoutError(f"no free State in the pool within {timeout} s") from None
        try:
            yield st
        finally:
            self._give_back(st)

    def _give_back(self, st: State) -> None:
        core = st._core
        ex = core._execution
        if ex is not None and ex.status == "suspended":
            ex.cancel()
        if self._fresh or core._owner is not None:
            st = self._new_state()
        else:
            st.set_deadline(None)
            st.set_yield_interval(None)
            st.set_cost_budget(self._budget)
            st.set_user_data(None)
        self._free.put(st)
