"""Exceptions raised by mani.

``LuaError`` is what a host sees when a script fails: ``.value`` is the Lua
error value (a message string converted to ``str``, or any other Lua value
converted the usual way), ``.lua_traceback`` a Lua-style traceback.

Two of them are special for scripts: ``BudgetExceeded`` and ``Interrupted``
stop a run and cannot be caught by ``pcall``/``xpcall``.
"""

from __future__ import annotations

from typing import Any, Optional


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
        if self.state is not None:
            from .interop import to_py

            return to_py(v, self.state)
        return v

    @property
    def message(self) -> str:
        v = self.lua_value
        if isinstance(v, bytes):
            return v.decode("utf-8", "replace")
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            from .runtime.values import number_to_str

            return number_to_str(v).decode()
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


class BudgetExceeded(LuaError):
    """The State's cost budget ran out. Not catchable by ``pcall``."""

    def __init__(self, message: str = "cost budget exceeded"):
        super().__init__(message.encode())


class Interrupted(LuaError):
    """The run was interrupted by the host. Not catchable by ``pcall``."""

    def __init__(self, message: str = "interrupted"):
        super().__init__(message.encode())


class StateBusyError(ManiError):
    """A second thread tried to enter a State that is running."""


class ProgramMismatchError(ManiError):
    """A Program was loaded into a State of a differently configured Engine."""


def _type_name(v: Any) -> str:
    from .runtime.values import type_name

    return type_name(v)
