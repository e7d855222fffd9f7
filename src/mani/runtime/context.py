"""The State running on this thread, for library functions.

Library functions are shared by every State (prepared once per Engine), so
those that need their State (to charge the meter, reach the RNG, number
tables for ``tostring``) look it up here. ``State`` sets it on entry and
restores the previous one on exit, so nested States on one thread work.
"""

from __future__ import annotations

import threading
from typing import Any

_tls = threading.local()


def current() -> Any:
    """The ``_Runtime`` of the State running on this thread."""
    return _tls.rt


def swap(rt: Any) -> Any:
    prev = getattr(_tls, "rt", None)
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
