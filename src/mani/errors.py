"""Exceptions raised by mani.

``LuaError`` is what a host sees when a script fails: ``.value`` is the Lua
error value (a message string converted to ``str``, or any other Lua value
converted the usual way), ``.lua_traceback`` a Lua-style traceback.

Some are special for scripts: ``RunStopped`` and its subclasses
(``BudgetExceeded``, ``MemoryLimitExceeded``, ``Interrupted``, ``ScriptExit``)
stop a run and cannot be caught by ``pcall``/``xpcall``.

This module is a leaf: every layer raises these exceptions, so it imports
nothing of mani. Turning a Lua error value into Python or into a message
needs the runtime's conversions; ``interop`` installs them here when it is
imported (``install_value_formatting``), which any State has done.
"""

from __future__ import annotations

from typing import Any, Callable, Optional

# set by install_value_formatting (see the module docstring)
_to_python: Optional[Callable[[Any, Any], Any]] = None
_number_to_str: Optional[Callable[[Any], bytes]] = None
_type_name: Callable[[Any], str] = lambda v: type(v).__name__


def install_value_formatting(to_python: Callable[[Any, Any], Any], number_to_str: Callable[[Any], bytes],
                             type_name: Callable[[Any], str]) -> None:
    """Give errors the runtime's conversions: Lua value -> Python value (for
    ``LuaError.value``), number -> Lua's text, and Lua's type names."""
    global _to_python, _number_to_str, _type_name
    _to_python, _number_to_str, _type_name = to_python, number_to_str, type_name


class ManiError(Exception):
    """Base class of every exception mani raises on purpose."""


class LuaError(ManiError):
    """An error raised by (or inside) a Lua script.

    ``value`` is the Lua error value as Python sees it (a ``str`` for the usual
    message errors); ``lua_value`` is the raw Lua value (``bytes`` for strings).
    """

    def __init__(self, lua_value: Any, lua_traceback: Optional[str] = None):
        super().__init__(lua_value)
        self.lua_value = lua_value
        self.lua_traceback = lua_traceback
        self.state: Any = None  # the State the error left, for converting .value

    @property
    def value(self) -> Any:
        v = self.lua_value
        if isinstance(v, bytes):
            return v.decode("utf-8", "surrogateescape")
        if self.state is not None and _to_python is not None:
            return _to_python(v, self.state)
        return v

    @property
    def message(self) -> str:
        v = self.lua_value
        if isinstance(v, bytes):
            return v.decode("utf-8", "replace")
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            return _number_to_str(v).decode() if _number_to_str is not None else repr(v)
        if v is None:
            return "nil"
        return f"(error object is a {_type_name(v)} value)"

    def __str__(self) -> str:
        return self.message


class LuaSyntaxError(LuaError):
    """A chunk failed to compile. ``line`` is the Lua line of the error."""

    def __init__(self, message: str, line: int):
        super().__init__(message.encode("utf-8", "surrogateescape"))
        self.line = line


class RunStopped(LuaError):
    """The host's limits stopped the run (budget, memory, interrupt). Scripts
    cannot catch these: ``pcall``, ``xpcall``, ``coroutine.resume`` and
    ``<close>`` handlers pass them on, so a script cannot outlive them."""


class BudgetExceeded(RunStopped):
    """The State's cost budget ran out. Not catchable by ``pcall``."""

    def __init__(self, message: str = "cost budget exceeded"):
        super().__init__(message.encode())


class MemoryLimitExceeded(RunStopped):
    """The State's memory limit was reached ("not enough memory"). Not
    catchable by ``pcall``: the script's data is still alive, so a handler
    inside the script could not do anything useful anyway."""

    def __init__(self, message: str = "not enough memory"):
        super().__init__(message.encode())


class Interrupted(RunStopped):
    """The run was interrupted by the host. Not catchable by ``pcall``."""

    def __init__(self, message: str = "interrupted"):
        super().__init__(message.encode())


class ScriptExit(RunStopped):
    """The script called ``os.exit`` (only there when the host granted the
    "os" capability). It ends the run as the exit of a stand-alone ``lua``
    would, without ending the host process: ``status`` is the exit status
    (``os.exit(true)`` is 0, ``os.exit(false)`` 1). Scripts cannot catch it
    (no ``pcall``), and ``mani run`` makes it the process's exit status."""

    def __init__(self, status: int):
        super().__init__(f"script exited with status {status}".encode())
        self.status = status


class StateBusyError(ManiError):
    """A second thread tried to enter a State that is running."""


class ProgramMismatchError(ManiError):
    """A Program was loaded into a State of a differently configured Engine."""
