"""mani: Lua 5.4 for Python programs, compiled to Python code.

Public API: ``Engine`` (configuration, immutable), ``Program`` (compiled
chunk, frozen), ``State`` (one running instance). See docs/design.md.
"""

__version__ = "0.1.0"

from .errors import (  # noqa: E402
    BudgetExceeded,
    Interrupted,
    LuaError,
    MemoryLimitExceeded,
    RunStopped,
    ScriptExit,
    LuaSyntaxError,
    ManiError,
    ProgramMismatchError,
    StateBusyError,
)
from .compiler.costs import CostModel, ScopeCost  # noqa: E402
from .engine import Engine, Program  # noqa: E402
from .interop import LuaFunction, LuaTable  # noqa: E402
from .state import HostCallbacks, InterruptHandle, State  # noqa: E402
from .runs import Execution  # noqa: E402
from .pool import StatePool  # noqa: E402
from .portable import PortableFunction  # noqa: E402

__all__ = [
    "Engine", "Program", "State", "HostCallbacks", "LuaTable", "LuaFunction",
    "Execution", "InterruptHandle", "StatePool", "PortableFunction",
    "CostModel", "ScopeCost", "ManiError", "LuaError", "LuaSyntaxError",
    "BudgetExceeded", "Interrupted", "MemoryLimitExceeded", "RunStopped", "ScriptExit", "StateBusyError", "ProgramMismatchError",
]
