"""Check points of the cost meter (see "Cost meter" in docs/design.md).

``charge`` emits ``if (_B := _B - n) < 0: budget_out()``: the meter is a
cell shared by every function of a State and ``budget_out`` (runtime) decides
what happens when the slice is used up. Loop iterations and backward gotos
charge the static cost of the region they repeat (``compiler/costs.py``) and
record it in the function's ``ScopeCost`` for ``Engine.analyze_cost``.
Function entries charge in ``functions.py``, integer ``for`` chunks in
``loops.py``.
"""

from __future__ import annotations

from typing import Optional

from ..syntax import nodes as N
from . import costs


class Metering:
    """Meter check points: ``charge`` and the cost of loops and gotos. (A mixin of ``codegen.CodeGen``.)"""

    def charge(self, amount, line: Optional[int] = None) -> None:
        """A check point: charge ``amount`` (an int, or Python source of
        one) to the meter and stop if the slice is used up."""
        if self.metered and amount != 0:
            self.emit(f"if (_B := _B - {amount}) < 0: budget_out()", line)

    def meter_loop(self, body: N.Block, line: int) -> None:
        c = costs.loop_cost(self.model, body)
        if not self.second_variant:
            self.scope_costs[-1].loops.append((line, c))
        self.charge(c + self.calls.at_start(body), line)

    def meter_goto(self, segments: list, line: int) -> None:
        """A goto back to a label of an enclosing block runs that block's
        statements from the label on again: a loop iteration, metered like
        one (without this, ``::a:: goto a`` ran forever under any budget)."""
        c = costs.goto_cost(self.model, [s for seg in segments for s in seg])
        if not self.second_variant:
            self.scope_costs[-1].loops.append((line, c))
        self.charge(c, line)
