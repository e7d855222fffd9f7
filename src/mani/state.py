"""State: one running Lua instance (globals, tables, meter, callbacks).

A State is used by one thread at a time. Entering it takes a lock without
blocking: a second thread gets ``StateBusyError`` at once; the owning thread
may re-enter (a host function calling back into its own State).
"""

from __future__ import annotations

import sys
import threading
import weakref
from contextlib import contextmanager
from types import CellType, FunctionType
from typing import Any, Iterator, Optional

from . import interop
from .engine import Engine, Program
from .errors import BudgetExceeded, LuaError, ProgramMismatchError, StateBusyError
from .runtime import context
from .runtime.helpers import SHARED_HELPERS
from .runtime.ops import OpError, make_indexers
from .runtime.trace import to_lua_error
from .runtime.values import Table

UNLIMITED = 1 << 62


class HostCallbacks:
    """Subclass and override to receive what scripts print and which errors
    leave the State."""

    def on_print(self, source: str, line: int, message: str) -> None:
        sys.stdout.write(message + "\n")

    def on_error(self, source: str, error: LuaError) -> None:
        pass


class _Runtime:
    """What library functions need from their State (kept apart from the
    public State API)."""

    __slots__ = ("state", "string_meta", "meter", "next_uid", "func_ids", "callbacks", "engine")

    def __init__(self, state: "State", engine: Engine, callbacks: HostCallbacks):
        self.state = state
        self.engine = engine
        self.callbacks = callbacks
        self.meter = CellType(UNLIMITED)
        self.next_uid = 0
        self.func_ids: Any = None
        self.string_meta: Any = None

    def address(self, v: Any) -> bytes:
        """A per-State id in place of a memory address (deterministic)."""
        uid = getattr(v, "uid", None)
        if uid is None:
            if self.func_ids is None:
                self.func_ids = weakref.WeakKeyDictionary()
            try:
                uid = self.func_ids.get(v)
            except TypeError:
                uid = None
            if uid is None:
                self.next_uid += 1
                uid = self.next_uid
                try:
                    self.func_ids[v] = uid
                except TypeError:
                    pass
            return b"0x%08x" % uid
        if uid == 0:
            self.next_uid += 1
            uid = v.uid = self.next_uid
        return b"0x%08x" % uid

    def print_bytes(self, msg: bytes, frame: Any) -> None:
        from .runtime.trace import lua_info

        source, line = "?", 0
        while frame is not None:
            info = lua_info(frame.f_code)
            if info is not None:
                source, line = info.chunk, frame.f_lineno
                break
            frame = frame.f_back
        self.callbacks.on_print(source, line, msg.decode("utf-8", "surrogateescape"))

    def charge(self, n: int) -> None:
        """Charge library work to the meter."""
        m = self.meter
        m.cell_contents -= n
        if m.cell_contents < 0:
            self.state._budget_out()


class State:
    """One running instance of Lua. See module docstring for threading."""

    def __init__(self, engine: Engine, callbacks: Optional[HostCallbacks] = None):
        self._engine = engine
        self._callbacks = callbacks if callbacks is not None else HostCallbacks()
        self._lock = threading.Lock()
        self._owner: Optional[int] = None
        self._depth = 0
        self._user_data: Any = None
        self._budget: Optional[int] = None
        self._issued = UNLIMITED  # units put into the meter so far
        rt = self._rt = _Runtime(self, engine, self._callbacks)
        tpl = engine._template
        G = self._G = Table(tpl.globals)
        for name, d in tpl.tables.items():
            dict.__setitem__(G, name, Table(d))
        rt.string_meta = Table()
        strlib = dict.get(G, b"string")
        if strlib is not None:
            dict.__setitem__(rt.string_meta, b"__index", strlib)
        for binder in tpl.binders:
            for k, v in binder(rt).items():
                if v.__class__ is dict:
                    dict.__setitem__(G, k, Table(v))
                else:
                    dict.__setitem__(G, k, v)
        if engine._libraries:
            dict.__setitem__(G, b"_G", G)
        for k, v in engine._host_globals.items():
            dict.__setitem__(G, interop.to_lua(k, self), interop.to_lua(v, self))
        index, setindex = make_indexers(rt.string_meta)
        g = self._pyglobals = dict(SHARED_HELPERS)
        g["index"] = index
        g["setindex"] = setindex
        g["budget_out"] = self._budget_out

    # ----------------------------------------------------------- entering
    @contextmanager
    def _entered(self) -> Iterator[None]:
        me = threading.get_ident()
        if self._owner == me:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        if not self._lock.acquire(blocking=False):
            raise StateBusyError("this State is running in another thread; a State is used by one thread at a time")
        self._owner = me
        self._depth = 1
        prev = context.swap(self._rt)
        try:
            yield
        finally:
            context.swap(prev)
            self._depth = 0
            self._owner = None
            self._lock.release()

    def _run(self, fn: Any, args: tuple) -> tuple:
        with self._entered():
            try:
                r = fn(*args)
            except BaseException as exc:
                if isinstance(exc, (KeyboardInterrupt, SystemExit)):
                    raise
                err = to_lua_error(exc)
                if err.state is None:
                    err.state = self
                if self._depth == 1:
                    try:
                        self._callbacks.on_error(self._chunkname_of(err), err)
                    except Exception:
                        pass
                if err is exc:
                    raise
                raise err from None
            if r.__class__ is not tuple:
                r = (r,)
            return tuple(interop.to_py(v, self) for v in r)

    @staticmethod
    def _chunkname_of(err: LuaError) -> str:
        tb = err.lua_traceback or ""
        for line in tb.splitlines()[1:]:
            line = line.strip()
            if ":" in line and not line.startswith("[C]"):
                return line.split(":", 1)[0]
        return "?"

    # ------------------------------------------------------------ loading
    def load(self, program: Program) -> tuple:
        """Run a compiled chunk in this State; returns its results."""
        if not isinstance(program, Program):
            raise TypeError(f"State.load expects a mani.Program, not {type(program).__name__}")
        if program.fingerprint != self._engine.fingerprint:
            raise ProgramMismatchError(
                f"program {program.name!r} was compiled by an Engine with a different configuration"
            )
        main = self._instantiate(program, self._G)
        return self._run(main, ())

    def _instantiate(self, program: Program, env: Any) -> Any:
        factory = FunctionType(program._code, self._pyglobals, "__chunk__", None, (self._rt.meter,))
        return factory(env)

    def load_string(self, source: Any, name: Optional[str] = None) -> tuple:
        return self.load(self._engine.compile(source, name))

    # ------------------------------------------------------------ calling
    def call(self, fn: Any, *args: Any) -> tuple:
        """Call a global function by name, or a LuaFunction; returns a tuple."""
        if isinstance(fn, str):
            f = dict.get(self._G, fn.encode())
            if f is None:
                raise LuaError(f"attempt to call a nil value (global '{fn}')".encode())
        elif isinstance(fn, interop.LuaFunction):
            f = fn._ref
        else:
            raise TypeError("State.call expects a global name or a LuaFunction")
        return self._call_function(f, args)

    def _call_function(self, f: Any, args: tuple) -> tuple:
        largs = tuple(interop.to_lua(a, self) for a in args)
        return self._run(_call_lua, (f, largs))

    # ------------------------------------------------------------ globals
    @property
    def globals(self) -> interop.LuaTable:
        return interop.LuaTable(self, self._G)

    def table_from(self, obj: Any, recursive: bool = False) -> interop.LuaTable:
        return interop.table_from(obj, self, recursive)

    # -------------------------------------------------------------- meter
    def set_cost_budget(self, n: Optional[int]) -> None:
        """Allow ``n`` more cost units from now on (None: unlimited)."""
        used = self.cost_used
        if n is None:
            self._budget = None
            self._rt.meter.cell_contents = UNLIMITED
            self._issued = used + UNLIMITED
        else:
            n = int(n)
            if n < 0:
                raise ValueError("cost budget must be >= 0")
            self._budget = n
            self._rt.meter.cell_contents = n
            self._issued = used + n

    @property
    def cost_used(self) -> int:
        return self._issued - self._rt.meter.cell_contents

    @property
    def cost_remaining(self) -> Optional[int]:
        if self._budget is None:
            return None
        return max(0, self._rt.meter.cell_contents)

    def _budget_out(self) -> None:
        if self._budget is None:
            # unlimited: refill (practically never reached)
            m = self._rt.meter
            m.cell_contents += UNLIMITED
            self._issued += UNLIMITED
            return
        raise BudgetExceeded(f"cost budget of {self._budget} exceeded")

    # ---------------------------------------------------------- user data
    def set_user_data(self, obj: Any) -> None:
        self._user_data = obj

    @property
    def user_data(self) -> Any:
        return self._user_data

    @property
    def engine(self) -> Engine:
        return self._engine


def _call_lua(f: Any, args: tuple) -> Any:
    return f(*args)


__all__ = ["State", "HostCallbacks", "OpError"]
