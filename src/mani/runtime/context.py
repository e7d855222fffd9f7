"""The State running on this thread, for library functions.

Library functions are shared by every State (prepared once per Engine), so
those that need their State (to charge the meter, reach the RNG, number
tables for ``tostring``) look it up here. ``State`` sets it on entry and
restores the previous one on exit, so nested States on one thread work.
"""

from __future__ import annotations

import threading
from typing import Any

class _Local(threading.local):
    rt: Any = None  # class default: reading it never raises


_tls = _Local()


def enter(rt: Any) -> Any:
    """Make ``rt`` current for a State entering on this thread; returns
    what ``leave`` needs."""
    prev = _tls.rt
    if prev is not rt:
        _tls.rt = rt
        if prev is None:
            rt.lingering = True  # leave() will leave it current
    return prev


def leave(rt: Any, prev: Any) -> None:
    """Undo ``enter``. A different runtime that was current is restored;
    when none was, ``rt`` stays current while nothing runs (a write saved
    on every call from the host, and the next entry of the same State
    finds it in place). Such a runtime is marked ``lingering``: when its
    State is closed it lets go of the State's data (``_Runtime.release``),
    as it may stay current on a thread for as long as the thread lives."""
    if prev is not None and prev is not rt:
        _tls.rt = prev


def current() -> Any:
    """The ``_Runtime`` of the State running on this thread."""
    return _tls.rt


def swap(rt: Any) -> Any:
    prev = _tls.rt
    _tls.rt = rt
    return prev


def charge(n: int) -> None:
    """Charge ``n`` cost units to the running State's meter; raises
    BudgetExceeded at once if the budget is used up."""
    rt = _tls.rt
    m = rt.meter
    v = m.cell_contents - n
    m.cell_contents = v
    if v < 0:
        rt.state._budget_out()


def poll() -> None:
    """A check point inside a long library operation that charged its cost
    up front: raises Interrupted at once if the host interrupted the run or
    its deadline passed (call it every few milliseconds of work)."""
    core = _tls.rt.state
    if core._interrupt_armed or core._deadline is not None:
        core._poll()


def charge_alloc(units: int, n: int) -> None:
    """Charge ``units`` for work that allocates ``n`` bytes (``_Runtime.charge_alloc``)."""
    _tls.rt.charge_alloc(units, n)


def alloc(n: int) -> None:
    """Announce ``n`` bytes that library code is about to allocate (see
    runtime/memory.py); raises MemoryLimitExceeded before the allocation
    when it would take the State past its memory limit."""
    rt = _tls.rt
    if rt is not None:
        rt.alloc(n)
