"""Portable functions: a Lua function carried to another State or process.

``LuaFunction.into_portable()`` captures a function's compiled code and the
values of its upvalues. That only makes sense when the upvalues are constants
(nil, booleans, numbers, strings) or other portable functions: a table or a
host object belongs to its State. The function's globals are those of the
State that calls it (``_ENV`` is re-bound), and so is the cost meter.
A PortableFunction pickles; it runs in any State of an Engine with the same
configuration.
"""

from __future__ import annotations

import marshal
import sys
from types import CellType, FunctionType
from typing import TYPE_CHECKING, Any

from . import __version__
from .errors import ManiError, ProgramMismatchError
from .runtime.trace import lua_info
from .runtime.values import FUNCTION_TYPES

if TYPE_CHECKING:  # pragma: no cover
    from .state import State

_CONSTANT_TYPES = (type(None), bool, int, float, bytes)


class PortableFunction:
    __slots__ = ("fingerprint", "code", "name", "upvalues", "boxes")

    def __init__(self, fingerprint: str, code: Any, name: str, upvalues: dict, boxes: dict):
        self.fingerprint = fingerprint
        self.code = code
        self.name = name
        self.upvalues = upvalues  # free variable name -> constant or PortableFunction
        self.boxes = boxes  # keyword-only box parameter -> value

    def __reduce__(self):
        return (_rebuild, (__version__, sys.version_info[:2], self.fingerprint, marshal.dumps(self.code),
                           self.name, self.upvalues, self.boxes))

    def bind(self, st: "State") -> Any:
        """The function as a Lua value of State ``st`` (a State or its _Core)."""
        st = st._core
        if self.fingerprint != st._engine.fingerprint:
            raise ProgramMismatchError("portable function comes from an Engine with a different configuration")
        cells = []
        for name in self.code.co_freevars:
            if name == "_B":
                cells.append(st._rt.meter)
            elif name == "_T":
                cells.append(st._rt.tails)
            elif name == "_ENV":
                cells.append(CellType(st._G))
            else:
                v = self.upvalues[name]
                cells.append(CellType(v.bind(st) if isinstance(v, PortableFunction) else v))
        nparams = self.code.co_argcount
        f = FunctionType(self.code, st._pyglobals, self.code.co_name, (None,) * nparams, tuple(cells))
        if self.boxes:
            f.__kwdefaults__ = {
                k: [v.bind(st) if isinstance(v, PortableFunction) else v] for k, v in self.boxes.items()
            }
        return f

    def __repr__(self) -> str:
        return f"<mani.PortableFunction {self.name}>"


def _rebuild(version, pyver, fingerprint, code_bytes, name, upvalues, boxes) -> PortableFunction:
    if version != __version__ or tuple(pyver) != sys.version_info[:2]:
        raise ProgramMismatchError(
            f"portable function from mani {version} / Python {pyver[0]}.{pyver[1]} cannot run here"
        )
    return PortableFunction(fingerprint, marshal.loads(code_bytes), name, upvalues, boxes)


def make_portable(f: Any, st: "State", seen: frozenset = frozenset()) -> PortableFunction:
    if f.__class__ not in FUNCTION_TYPES or lua_info(getattr(f, "__code__", None)) is None \
            if hasattr(f, "__code__") else True:
        raise ManiError("only Lua functions can be made portable (not library or host functions)")
    info = lua_info(f.__code__)
    if id(f) in seen:
        raise ManiError(f"function '{info.name}' refers to itself through its upvalues: not portable")
    seen = seen | {id(f)}
    upvalues = {}
    for name, cell in zip(f.__code__.co_freevars, f.__closure__ or ()):
        if name in ("_B", "_ENV"):
            continue
        try:
            v = cell.cell_contents
        except ValueError:
            v = None
        upvalues[name] = _portable_value(v, name, st, seen)
    boxes = {}
    for name, box in (f.__kwdefaults__ or {}).items():
        boxes[name] = _portable_value(box[0], name, st, seen)
    return PortableFunction(st._core._engine.fingerprint, f.__code__, info.name, upvalues, boxes)


def _portable_value(v: Any, name: str, st: "State", seen: frozenset) -> Any:
    if v.__class__ in _CONSTANT_TYPES:
        return v
    if v.__class__ in FUNCTION_TYPES and hasattr(v, "__code__") and lua_info(v.__code__) is not None:
        return make_portable(v, st, seen)
    from .runtime.values import type_name

    lua_name = name.split("_")[0] if name[-1:].isdigit() else name
    raise ManiError(
        f"upvalue '{lua_name}' holds a {type_name(v)}: a portable function's upvalues must be "
        "nil, booleans, numbers, strings or portable functions"
    )
