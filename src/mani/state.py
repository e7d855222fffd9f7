"""State: one running Lua instance (globals, tables, meter, callbacks).

A State is used by one thread at a time. Entering it takes it without
waiting (see "entering" in _Core): a second thread gets ``StateBusyError``
at once; the holder may re-enter (a host function calling back into its own
State).

Two objects make a State. The frames of a suspended coroutine (or of a
suspended run) are invisible to Python's cycle collector, and whatever they
refer to stays alive: their State's globals, library functions, runtime.
If they reached the object the host holds, dropping it would never free
the State. So the host holds ``State``, a small handle, and everything
inside the State (its runtime, the generated code's globals, host-function
wrappers, runs, the Lua values handed to host functions as arguments)
refers to its ``_Core``, which does the work. When the host drops the
handle, ``State.__del__`` closes the core: the suspended coroutines and a
suspended run are unwound, and what is left is ordinary garbage. Lua
values handed to the host by the handle's methods (``globals``, results
of ``call``/``load`` and of the LuaFunctions made from them) keep the
handle alive; those a host function receives as arguments do not.
"""

from __future__ import annotations

import sys
import time
import weakref
from contextlib import contextmanager
from threading import get_ident
from types import CellType, FunctionType
from typing import Any, Iterator, Optional

import greenlet

from . import interop
from .interop import PLAIN, arity as _arity
from .engine import Engine, Program
from .errors import (BudgetExceeded, Interrupted, LuaError, ManiError, MemoryLimitExceeded, ProgramMismatchError,
                     StateBusyError)
from .runs import FAILED, SUSPENDED, Execution, RunContext, refuse_if_suspended
from .runtime import context
from .runtime import coroutines
from .runtime.helpers import SHARED_HELPERS
from .runtime.ops import OpError, call_n, make_indexers
from .runtime.trace import to_lua_error
from .runtime.values import Table
from .runtime.memory import OBJECTS_PER_UNIT, MemoryMeter, lua_frames, measure
from .runtime.tailcalls import TAIL_PERIOD, make_tail_deep

# The meter is refilled in slices of at most this size: small enough that the
# counter stays a one-digit Python int (CPython specialises arithmetic and
# comparisons on those), large enough that refills are rare.
UNLIMITED = (1 << 30) - 1
_NESTED = object()  # _enter's token for a re-entry
_CLOSED = object()  # the holder of a closed State, for ever
CHECK_INTERVAL = 10_000  # cost units between interrupt/deadline checks
# CPython 3.13.0 to 3.13.7 do not check the recursion limit when a call
# fills in default arguments (the general frame push, python/cpython#132744),
# and generated Lua functions are called that way: a runaway recursion grew
# until the process died. The depth is still counted, and any other call
# checks it, so on those versions the meter calls budget_out (a checked
# call) at least every RECURSION_CHECK_INTERVAL cost units: every Lua call
# costs at least 1, so a recursion stops at most that many levels past the
# limit, as the Lua error "stack overflow". See docs/design.md, "Recursion".
UNCHECKED_GENERAL_CALLS = (3, 13, 0) <= sys.version_info[:3] < (3, 13, 8)
RECURSION_CHECK_INTERVAL = 1_000
# cost units the <close> handlers of a cancelled or closed run may use
CLOSE_GRACE_BUDGET = 100_000
FIRST_SLICE = RECURSION_CHECK_INTERVAL if UNCHECKED_GENERAL_CALLS else UNLIMITED
_getcurrent = greenlet.getcurrent
_NAMED_MAX = 64  # names State.call remembers
_rawget = dict.get
_tls = context._tls
# exits that leave a call as they are (not turned into a LuaError);
# GeneratorExit unwinds an abandoned coroutine or run (runtime.coroutines)
_PASS_THROUGH = (KeyboardInterrupt, SystemExit, greenlet.GreenletExit, GeneratorExit)


def _closed() -> None:
    """``budget_out`` of a closed State's code (which never runs again)."""
    raise ManiError("this State is closed")


def _main_greenlet(g: Any) -> Any:
    while g.parent is not None:
        g = g.parent
    return g


def _busy(g: Any, holder: Any) -> ManiError:
    """The refusal for greenlet ``g`` finding the State held by ``holder``."""
    if holder is _CLOSED:
        return ManiError("this State is closed")
    if holder is not None and _main_greenlet(g) is _main_greenlet(holder):
        return StateBusyError("this State is busy: a run of it is suspended or awaiting on this thread")
    return StateBusyError("this State is running in another thread; a State is used by one thread at a time")


class HostCallbacks:
    """Subclass and override to receive what scripts print and which errors
    leave the State."""

    def on_print(self, source: str, line: int, message: str) -> None:
        sys.stdout.write(message + "\n")

    def on_output(self, stream: str, data: bytes) -> None:
        """What a script writes to ``io.stdout`` or ``io.stderr`` (``stream``
        is "stdout" or "stderr"; only with the "io" capability): bytes, in
        pieces as written, no newline added. By default the process's
        streams, in order with ``on_print``'s default."""
        out = sys.stdout if stream == "stdout" else sys.stderr
        buf = getattr(out, "buffer", None)
        if buf is None:  # a text-only stream (a test's capture)
            out.write(data.decode("utf-8", "surrogateescape"))
            return
        out.flush()  # what print wrote through the text layer goes first
        buf.write(data)

    def on_flush(self, stream: str) -> None:
        """``io.stdout:flush()``, and before ``os.execute`` runs a command."""
        (sys.stdout if stream == "stdout" else sys.stderr).flush()

    def on_warning(self, message: str) -> None:
        """A warning the script emitted with ``warn`` while warnings are on
        (``warn("@on")``; they start off, as in the stand-alone ``lua``)."""
        sys.stderr.write(f"Lua warning: {message}\n")

    def on_error(self, source: str, error: LuaError) -> None:
        pass


_DEFAULT_CALLBACKS = HostCallbacks()  # it holds nothing: States share it


SHORT_STRING = 40  # LUAI_MAXSHORTLEN: Lua interns strings up to this length


class _Runtime:
    """What library functions need from their State (kept apart from the
    public State API)."""

    __slots__ = ("state", "string_meta", "string_defaults", "meter", "next_uid", "func_ids", "string_ids", "callbacks", "engine",
                 "loaded", "preload", "package", "gc_options", "main_co", "live", "lingering", "tails", "io",
                 "warn_state")

    def __init__(self, state: "_Core", engine: Engine, callbacks: HostCallbacks):
        self.state = state
        self.engine = engine
        self.callbacks = callbacks
        self.meter = CellType(FIRST_SLICE)
        self.tails = CellType(TAIL_PERIOD)  # tail calls until the next look at the stack
        self.next_uid = 0
        self.func_ids: Any = None
        # the addresses of strings shown by %p (see address). A Table, so
        # that the memory walk counts it (_memory_roots)
        self.string_ids: Any = None
        self.string_meta: Any = None
        # the string metatable's handlers as the library made them (shared,
        # never changed): operators on strings coerce natively while the
        # script has not replaced them (runtime/ops.py)
        self.string_defaults: Any = {}
        # the load library's (stdlib.loadlib.bind sets the first three)
        self.loaded: Any = None
        self.preload: Any = None
        self.package: Any = None
        self.gc_options: Any = None
        self.main_co: Any = None  # coroutine.running() outside coroutines (runtime.coroutines)
        self.live: Any = None  # the coroutines started and not dead (a set, made on first use)
        self.lingering = False  # may stay current on a thread after a call (context.leave)
        self.io: Any = None  # the io library's per-State part (stdlib.iolib.bind)
        self.warn_state: Any = None  # whether warnings are on (stdlib.base.lua_warn)

    def address(self, v: Any) -> bytes:
        """A per-State id in place of a memory address (deterministic)."""
        if v.__class__ is bytes:
            ids = self.string_ids
            if ids is None:
                ids = self.string_ids = Table()
            # a short string by content (Lua interns it), a long one by
            # identity: the Table keeps it alive, so its id stays its own
            key = v if len(v) <= SHORT_STRING else id(v)
            uid = dict.get(ids, key)
            if uid is None:
                self.next_uid += 1
                uid = self.next_uid
                dict.__setitem__(ids, key, uid)
                if key is not v:
                    dict.__setitem__(ids, -uid, v)
            return b"0x%08x" % uid
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
        from .runtime.trace import lua_info, lua_line

        source, line = "?", 0
        while frame is not None:
            info = lua_info(frame.f_code)
            if info is not None:
                source, line = info.chunk, lua_line(frame)
                break
            frame = frame.f_back
        self.callbacks.on_print(source, line, msg.decode("utf-8", "surrogateescape"))

    def charge(self, n: int) -> None:
        """Charge library work to the meter."""
        m = self.meter
        m.cell_contents -= n
        if m.cell_contents < 0:
            self.state._budget_out()

    def alloc(self, n: int) -> None:
        """Announce that library code is about to allocate about ``n`` bytes
        that the script may keep: raises MemoryLimitExceeded *before* the
        allocation when it would take the State past its memory limit."""
        core = self.state
        mem = core._mem
        if mem is not None:
            mem.debt += n
            # what it announces is checked against the limit itself
            if mem.live + mem.debt > mem.limit or mem.due(core.cost_used):
                core._memory_walk(n)

    def charge_alloc(self, units: int, n: int) -> None:
        """Charge ``units`` for work that allocates about ``n`` bytes, and
        announce them (``alloc``). As the bytes are announced exactly, these
        units are left out of the per-unit bound of runtime/memory.py: work
        that charges many units and keeps little (``{...}`` of nils) does
        not make the State walk more often."""
        mem = self.state._mem
        if mem is not None:
            mem.units_at_walk += units
            self.alloc(n)
        self.charge(units)

    def release(self) -> None:
        """Drop what the runtime refers to: a closed State's runtime may
        stay in a thread's "current runtime" (context.leave), so it must
        not keep the State's data alive."""
        self.state = self.string_meta = self.func_ids = self.string_ids = self.callbacks = None
        self.loaded = self.preload = self.package = self.gc_options = None
        self.main_co = self.live = self.io = self.warn_state = None


class _Core:
    """The machinery of one State: what the State's code, library functions,
    runs and host-function wrappers refer to (see the module docstring)."""

    # code given a State or a _Core finds the core the same way (a property,
    # not an attribute: a reference to itself would make every core a
    # cycle for the collector)
    _core = property(lambda self: self)

    def __init__(self, engine: Engine, callbacks: Optional[HostCallbacks] = None):
        self._engine = engine
        self._callbacks = callbacks if callbacks is not None else _DEFAULT_CALLBACKS
        self._free = [True]  # see "entering" below
        self._holder: Any = None
        self._named: dict = {}  # State.call's cache: name -> (key, function, arity)
        self._depth = 0
        self._user_data: Any = None
        self._budget_end: Optional[int] = None  # cost_used at which the budget ends
        self._issued = FIRST_SLICE  # units put into the meter so far
        self._ctx: Optional[RunContext] = None
        self._execution: Optional[Execution] = None
        self._yield_interval: Optional[int] = None
        self._interrupt_armed = False
        self._interrupt_requested = False
        self._deadline: Optional[float] = None
        self._cancelling = False
        self._close_grace = CLOSE_GRACE_BUDGET  # see Execution.cancel
        self._mem = None if engine.max_memory is None else MemoryMeter(engine.max_memory)
        rt = self._rt = _Runtime(self, engine, self._callbacks)
        tpl = engine._template
        # (Table keeps dict's own item assignment: ``t[k] = v`` here is a
        # raw set, and much cheaper than calling ``dict.__setitem__``)
        G = self._G = Table(tpl.globals)
        for name, d in tpl.tables.items():
            G[name] = Table(d)
        strlib = dict.get(G, b"string")
        if strlib is not None:  # the string library's metatable, __index first
            sm = rt.string_meta = Table(tpl.string_meta)
            sm[b"__index"] = strlib
            rt.string_defaults = tpl.string_meta
        else:
            rt.string_meta = Table()
        for binder in tpl.binders:
            for k, v in binder(rt).items():
                G[k] = Table(v) if v.__class__ is dict else v
        if engine._libraries:
            G[b"_G"] = G
        for k, v in engine._host_globals.items():
            dict.__setitem__(G, interop.to_lua(k, self), interop.to_lua(v, self))
        index, setindex, lookup_method = make_indexers(rt.string_meta)
        g = self._pyglobals = dict(SHARED_HELPERS)
        g["index"] = index
        g["setindex"] = setindex
        g["lookup_method"] = lookup_method
        g["budget_out"] = self._budget_out
        g["tail_deep"] = make_tail_deep(rt.tails)
        if self._mem is not None:
            self._refill()  # the first slice ends where a memory walk may be due

    # ----------------------------------------------------------- entering
    # Who holds the State. ``_free`` is a list with one item while nobody
    # does: taking the State is ``_free.pop()``, giving it back
    # ``_free.append(True)``. A list's pop is one C-level operation: with
    # the GIL no other thread runs in its middle, and on free-threaded
    # builds it holds the list's own lock. So of two threads entering at
    # once exactly one gets the item and the other finds the list empty,
    # for about half the cost of a lock's acquire/release pair.
    # The taker records its greenlet in ``_holder`` before it runs anything
    # and clears it before giving the State back. A greenlet belongs to one
    # thread, so an entrant finding the list empty can tell a re-entry (a
    # host function calling back into its State, on the holder's greenlet
    # or a coroutine greenlet below it) from another thread, or from
    # another greenlet of this thread while a run is suspended or awaiting:
    # those are refused with StateBusyError. An entrant that finds no
    # holder recorded yet is not the taker, so it is refused too.
    # ``_depth`` counts the re-entries inside the outermost entry (0: none);
    # only the holder changes it.
    # Closing takes the State for ever: the list stays empty and the holder
    # is ``_CLOSED``, so every entry goes the slow way and is refused there
    # (no test for "closed" on the fast path).

    @property
    def _owner(self) -> Any:
        """Something other than None while the State is held (or closed)."""
        return None if self._free else (self._holder or True)

    def _enter(self) -> Any:
        """Take the State for this greenlet. Returns the token ``_leave``
        needs: ``_NESTED`` for a re-entry, else the previous thread-local
        runtime."""
        g = _getcurrent()
        free = self._free
        if free:
            try:
                free.pop()
            except IndexError:  # another thread took it just now
                pass
            else:
                self._holder = g
                self._interrupt_requested = False  # an interrupt targets a running script
                return context.enter(self._rt)
        holder = self._holder
        if holder is not g:
            c = g.parent if holder is not None else None
            while c is not None and c is not holder:
                c = c.parent
            if c is None:
                raise _busy(g, holder)
        self._depth += 1
        return _NESTED

    def _leave(self, token: Any) -> None:
        if token is _NESTED:
            self._depth -= 1
            return
        context.leave(self._rt, token)
        self._holder = None
        self._free.append(True)

    @contextmanager
    def _entered(self) -> Iterator[None]:
        token = self._enter()
        try:
            yield
        finally:
            self._leave(token)

    def _check_open(self) -> None:
        if self._holder is _CLOSED:
            raise ManiError("this State is closed")

    def _run(self, fn: Any, args: tuple, owner: Any) -> tuple:
        """Call ``fn`` in this State; its results for the host, as Lua values
        handed out by ``owner`` (the State, or this core)."""
        if self._execution is not None:
            refuse_if_suspended(self)
        token = self._enter()  # (not the context manager: this is the hot path)
        try:
            r = self._run_entered(fn, args)
        finally:
            self._leave(token)
        return _to_host(owner, r)

    def _run_entered(self, fn: Any, args: tuple) -> Any:
        try:
            return fn(*args)
        except BaseException as exc:
            err = self._failed(exc)
            if err is exc:
                raise
            raise err from None

    def _failed(self, exc: BaseException) -> BaseException:
        """The exception a call that raised ``exc`` raises to the host: a
        LuaError (reported to ``on_error`` when it leaves the outermost
        call), or ``exc`` itself for exits that are not errors."""
        if isinstance(exc, _PASS_THROUGH):
            return exc
        err = to_lua_error(exc)
        if err.state is None:
            err.state = self
        if self._depth == 0:  # leaving the outermost entry
            try:
                self._callbacks.on_error(self._chunkname_of(err), err)
            except Exception:
                pass
        return err

    def _run_in_context(self, ctx: RunContext, fn: Any, args: tuple) -> tuple:
        """Body of a run's greenlet: returns ("done", results) or
        ("error", exception) to the driver."""
        try:
            with self._entered():
                saved, self._ctx = self._ctx, ctx
                self._refill()  # slices may depend on the kind of run
                try:
                    r = self._run_entered(fn, args)
                finally:
                    self._ctx = saved
                    self._refill()
            owner = ctx.owner() if ctx.owner is not None else None
            return ("done", _to_host(self if owner is None else owner, r))
        except greenlet.GreenletExit:
            return ("error", ManiError("run cancelled"))
        except BaseException as exc:  # noqa: BLE001 - handed to the driver
            return ("error", exc)

    @staticmethod
    def _chunkname_of(err: LuaError) -> str:
        tb = err.lua_traceback or ""
        for line in tb.splitlines()[1:]:
            line = line.strip()
            if ":" in line and not line.startswith("[C]"):
                return line.split(":", 1)[0]
        return "?"

    # ------------------------------------------------------------ loading
    def _main_of(self, program: Program) -> Any:
        if not isinstance(program, Program):
            raise TypeError(f"expected a mani.Program, not {type(program).__name__}")
        if program.fingerprint != self._engine.fingerprint:
            raise ProgramMismatchError(
                f"program {program.name!r} was compiled by an Engine with a different configuration"
            )
        return self._instantiate(program, self._G)

    def _instantiate(self, program: Program, env: Any) -> Any:
        rt, code = self._rt, program._code
        cells = tuple(rt.meter if v == "_B" else rt.tails if v == "_T" else CellType(env) for v in code.co_freevars)
        return FunctionType(code, self._pyglobals, "main", None, cells)

    # ------------------------------------------------------------ calling
    def _resolve_call(self, fn: Any, args: tuple) -> tuple:
        return self._callee(fn), tuple(interop.to_lua(a, self) for a in args)

    def _callee(self, fn: Any) -> Any:
        self._check_open()  # (a closed State's globals are empty)
        if isinstance(fn, str):
            f = dict.get(self._G, fn.encode())
            if f is None:
                raise LuaError(f"attempt to call a nil value (global '{fn}')".encode())
        elif isinstance(fn, interop.LuaFunction):
            if fn._state._core is not self:  # it would run on the other State's data
                raise ValueError("a Lua function of another State cannot be called in this State")
            f = fn._ref
        elif type(fn).__name__ == "PortableFunction":
            f = fn.bind(self)
        else:
            raise TypeError("State.call expects a global name or a LuaFunction")
        return f

    # -------------------------------------------------------------- meter
    # The meter cell counts down; ``_issued`` is everything ever put into it,
    # so cost_used = _issued - cell. The cell is refilled in *slices*: when a
    # budget is set, up to its end; when the host wants control back every so
    # often (interrupt handle, deadline, async yield interval), in smaller
    # slices. Each time a slice runs out the generated code calls
    # ``_budget_out`` at a check point, which decides what happens.

    def _add_budget(self, n: int) -> None:
        if self._budget_end is not None:
            self._budget_end = max(self._budget_end, self.cost_used) + n
        self._refill()

    @property
    def cost_used(self) -> int:
        return self._issued - self._rt.meter.cell_contents

    def _slice(self) -> int:
        s = FIRST_SLICE
        if self._yield_interval and self._ctx is not None and self._ctx.is_async:
            s = self._yield_interval
        if self._interrupt_armed or self._deadline is not None:
            s = min(s, CHECK_INTERVAL)
        return s

    def _refill(self) -> None:
        m = self._rt.meter
        used = self._issued - m.cell_contents
        target = self._slice()
        if self._budget_end is not None:
            target = min(target, self._budget_end - used)
        if self._mem is not None:  # come back when the memory bound needs a walk
            target = min(target, max(1, self._mem.units_left(used)))
        if target < 0:
            target = 0 if m.cell_contents >= 0 else m.cell_contents
        k = target - m.cell_contents
        m.cell_contents += k
        self._issued += k

    def _poll(self) -> None:
        """Stop the run if the host interrupted it or its deadline passed
        (``_budget_out`` and library loops between charges call this)."""
        if self._interrupt_requested:
            self._interrupt_requested = False
            raise Interrupted("interrupted by the host")
        if self._deadline is not None and time.monotonic() >= self._deadline:
            raise Interrupted("deadline exceeded")

    def _budget_out(self) -> None:
        """Called by generated code and library charges when the meter's
        slice is used up (always at a check point)."""
        while True:
            self._poll()
            mem = self._mem
            if mem is not None and mem.due(self.cost_used):
                self._memory_walk(0)
            if self._cancelling:
                # <close> handlers of a run being cancelled: metered against
                # the grace budget, never suspended or yielding
                if self._budget_end is not None and self.cost_used > self._budget_end:
                    raise BudgetExceeded("cost budget exceeded (closing a cancelled run)")
                self._refill()
                return
            ctx = self._ctx
            if self._budget_end is not None and self.cost_used > self._budget_end:
                if ctx is not None and ctx.suspendable:
                    ctx.execution.status = SUSPENDED
                    ctx.to_driver(("budget",))
                    continue  # the host may have added budget: check again
                raise BudgetExceeded("cost budget exceeded")
            if ctx is not None and ctx.is_async and self._yield_interval:
                self._refill()
                ctx.to_driver(("yield",))
                return
            self._refill()
            return

    # ------------------------------------------------------------- memory
    # See runtime/memory.py: the live size is measured by a walk from the
    # State's roots, when the bound kept between walks reaches the limit.

    def _memory_roots(self) -> list:
        rt = self._rt
        roots = [self._G, rt.string_meta, rt.loaded, rt.preload, rt.package, rt.main_co, rt.string_ids]
        if rt.live:
            roots.extend(rt.live)
        return [r for r in roots if r is not None]

    def _measure(self) -> tuple:
        suspended = []
        ex = self._execution
        if ex is not None and ex._ctx.waiting is not None:
            suspended.append(ex._ctx.waiting)  # a run suspended by its budget
        frames = lua_frames(self._pyglobals, sys._getframe(2), suspended)
        return measure(self._memory_roots(), frames, self._pyglobals)

    def _memory_count(self) -> int:
        """``collectgarbage("count"/"collect")``: the live size now, measured
        (and charged) like a walk of the memory limit, which it refreshes."""
        live, visited = self._measure()
        self._rt.charge(1 + visited // OBJECTS_PER_UNIT)
        if self._mem is not None:
            self._mem.walked(live, self.cost_used)
        return live

    def _memory_walk(self, pending: int) -> None:
        """Measure the live size; stop the run if it (plus ``pending`` bytes
        about to be allocated) is over the limit. The walk is charged to the
        meter, the next check point collects the charge."""
        mem = self._mem
        live, visited = self._measure()
        self._rt.meter.cell_contents -= visited // OBJECTS_PER_UNIT
        mem.walked(live, self.cost_used)
        mem.debt = pending
        if live + pending > mem.limit:
            mem.debt = 0
            raise MemoryLimitExceeded()

    # ------------------------------------------------------ runs, async
    def _drive_sync(self, ex: Execution) -> None:
        prev = context.swap(self._rt)
        try:
            msg = ex._step(None)
        finally:
            context.swap(prev)
        if msg[0] == "await":
            msg[1].close()
            err = ManiError("an async host function was called by a synchronous run: use State.call_async")
            ex._ctx.waiting.throw(err)  # unwinds the run with that error
            ex.status, ex.error = FAILED, err
            self._execution = None
        if ex.status == FAILED and ex.error is not None:
            raise ex.error

    async def _drive_async(self, f: Any, largs: tuple, owner: Any) -> tuple:
        self._check_open()
        refuse_if_suspended(self)
        if not self._free:
            raise StateBusyError("this State is running or awaiting")
        ex = Execution(self, f, largs, is_async=True, owner=owner)
        self._execution = ex
        try:
            return await self._drive_steps(ex)
        except BaseException:
            # cancelled (CancelledError at an await or a turn), or the host's
            # signal: unwind the run here, so the State is idle again
            if ex._started and not ex._glet.dead:
                ex._unwind()
            self._execution = None
            raise

    async def _drive_steps(self, ex: Execution) -> tuple:
        import asyncio

        reply: Any = None
        while True:
            ex.status = "running"
            prev = context.swap(self._rt)
            try:
                msg = ex._step(reply)
            finally:
                context.swap(prev)
            reply = None
            kind = msg[0]
            if kind == "finished":
                if ex.status == FAILED:
                    raise ex.error  # type: ignore[misc]
                return ex.result  # type: ignore[return-value]
            if kind == "await":
                try:
                    reply = ("value", await msg[1])
                except Exception as e:  # noqa: BLE001 - delivered into Lua
                    # (not CancelledError, KeyboardInterrupt...: those end
                    # the run, no pcall may catch them)
                    reply = ("error", e)
            elif kind == "yield":
                await asyncio.sleep(0)

    # ------------------------------------------------------------ closing
    def close(self, quietly: bool = False) -> None:
        """Close the State: unwind its suspended coroutines and run, refuse
        any later entry, and let the runtime go (see ``State.close``).
        ``quietly`` (the host dropped the State): run no Lua code, and give
        up instead of raising when the State cannot be closed now."""
        if self._holder is _CLOSED:
            return
        ex = self._execution
        if ex is not None and ex.status == SUSPENDED:
            if ex._thread != get_ident():
                if quietly:
                    return
                raise StateBusyError(
                    "this State has a suspended run on another thread: close it on that thread "
                    "(its Lua stack lives there)"
                )
            if quietly:
                ex._abandon()
            else:
                try:
                    ex.cancel()  # runs its pending <close> variables, as lua_close does the main thread's
                except BaseException:  # the host's signal, raised in a handler: close first
                    self._finish_close()
                    raise
        self._finish_close(quietly)

    def _finish_close(self, quietly: bool = False) -> None:
        """Closing once no run is suspended: refuse a busy State, else mark
        it closed and let its data go."""
        free = self._free
        try:
            free.pop()
        except IndexError:  # held: running, or a run is awaiting
            if quietly:
                return
            g = _getcurrent()
            holder = self._holder
            c = g
            while c is not None and c is not holder:
                c = c.parent
            if c is not None:
                raise StateBusyError("a State cannot be closed from inside its own run") from None
            raise _busy(g, holder) from None
        self._holder = _CLOSED
        rt = self._rt
        try:
            coroutines.abandon_all(rt)
        finally:
            self._execution = None
            if _tls.rt is rt:
                _tls.rt = None
            self._drop_data()

    def _drop_data(self) -> None:
        """Let go of the State's data at once (closing). Its globals and
        package tables refer to one another (``_G``, ``package.loaded``,
        every function's ``_ENV``): emptied, they and the machinery are
        freed by reference counting instead of waiting for (and costing)
        the cycle collector. Only these four tables are emptied: other
        tables, which the host may hold views of, keep their contents."""
        rt = self._rt
        if rt.io is not None:  # the files the State's scripts left open
            rt.io.close_all()
        for t in (self._G, rt.loaded, rt.preload, rt.package):
            if t is not None:
                dict.clear(t)
                t.meta = None
        self._pyglobals["budget_out"] = _closed
        rt.release()


class State:
    """One running instance of Lua: the host's handle (see the module
    docstring). Used by one thread at a time.

    ``close()`` (or leaving a ``with`` block) releases it at once; dropping
    the last reference does the same, quietly."""

    __slots__ = ("_core", "__weakref__")

    def __init__(self, engine: Engine, callbacks: Optional[HostCallbacks] = None):
        self._core = _Core(engine, callbacks)

    def __del__(self) -> None:
        try:
            core = self._core
            if core._holder is _CLOSED:
                return
            rt = core._rt
            if core._execution is None and not rt.live and core._free:
                # nothing to unwind (the usual case): _Core.close, inlined
                core._free.pop()
                core._holder = _CLOSED
                if rt.lingering and _tls.rt is rt:
                    _tls.rt = None
                core._drop_data()
            else:
                core.close(quietly=True)
        except BaseException:  # noqa: BLE001 - nothing can be reported from a finaliser
            pass  # (also: _core missing because __init__ failed)

    # ------------------------------------------------------------ closing
    def close(self) -> None:
        """Release the State now. Its suspended coroutines are unwound
        without running Lua code (their pending ``<close>`` variables do
        not run, as with reference Lua's ``lua_close``); a run suspended by
        ``start`` is cancelled, which runs its pending ``<close>``
        variables (``lua_close`` closes the main thread's). Its globals and
        package tables are emptied, so what only they held is freed now.
        Afterwards any use of the State raises ManiError, except reading ``cost_used``,
        ``cost_remaining``, ``user_data``, ``engine`` and ``closed``.
        Closing twice is harmless. A State that is running (in another
        thread, or this close comes from inside its own run) or awaiting
        is not closed: StateBusyError."""
        self._core.close()

    @property
    def closed(self) -> bool:
        return self._core._holder is _CLOSED

    def __enter__(self) -> "State":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # ------------------------------------------------------------ loading
    def load(self, program: Program, *args: Any) -> tuple:
        """Run a compiled chunk in this State; returns its results. ``args``
        are the chunk's ``...`` (as a command line's arguments are a
        script's)."""
        if not isinstance(program, Program):
            raise TypeError(f"State.load expects a mani.Program, not {type(program).__name__}")
        c = self._core
        return c._run(c._main_of(program), tuple(interop.to_lua(a, self) for a in args), self)

    def load_string(self, source: Any, name: Optional[str] = None) -> tuple:
        return self.load(self._core._engine.compile(source, name))

    # ------------------------------------------------------------ calling
    def call(self, fn: Any, *args: Any) -> tuple:
        """Call a global function by name, or a LuaFunction; returns a tuple."""
        c = self._core
        if fn.__class__ is str:
            # a name called before: its key, and the function it named then
            # with that function's arity, valid while the global still holds it
            hit = c._named.get(fn)
            if hit is not None:
                key, f, arity = hit
                if _rawget(c._G, key) is f:
                    return call_function(self, f, arity, args)
        f = c._callee(fn)
        arity = _arity(f)
        if fn.__class__ is str:
            if len(c._named) >= _NAMED_MAX:
                c._named.clear()  # names from anywhere: keep it small
            c._named[fn] = (fn.encode(), f, arity)
        return call_function(self, f, arity, args)

    def set_rng_seed(self, n: int) -> None:
        """Seed ``math.random`` (the same as ``math.randomseed(n)``)."""
        try:
            from .stdlib import mathlib
        except ImportError as exc:  # pragma: no cover
            raise ManiError("the math library is not available") from exc
        c = self._core
        with c._entered():
            mathlib.set_seed(c._rt, n)

    # ------------------------------------------------------------ globals
    @property
    def globals(self) -> interop.LuaTable:
        c = self._core
        c._check_open()
        return interop.LuaTable(self, c._G)

    def table_from(self, obj: Any, recursive: bool = False) -> interop.LuaTable:
        self._core._check_open()
        return interop.table_from(obj, self, recursive)

    # -------------------------------------------------------------- meter
    def set_cost_budget(self, n: Optional[int]) -> None:
        """Allow ``n`` more cost units from now on (None: unlimited)."""
        c = self._core
        c._check_open()
        if n is None:
            c._budget_end = None
        else:
            n = int(n)
            if n < 0:
                raise ValueError("cost budget must be >= 0")
            c._budget_end = c.cost_used + n
        c._refill()

    @property
    def cost_used(self) -> int:
        return self._core.cost_used

    @property
    def cost_remaining(self) -> Optional[int]:
        c = self._core
        if c._budget_end is None:
            return None
        return max(0, c._budget_end - c.cost_used)

    # ------------------------------------------------- runs, async, control
    def start(self, fn: Any, *args: Any) -> Execution:
        """Start a call that *suspends* instead of raising BudgetExceeded when
        the budget runs out. Returns an Execution (``status``, ``result``,
        ``add_budget``, ``resume``, ``cancel``). The Execution does not keep
        the State alive: dropping the State cancels a suspended run."""
        c = self._core
        c._check_open()
        refuse_if_suspended(c)
        if not c._free:
            raise StateBusyError("this State is running")
        f, largs = c._resolve_call(fn, args)
        ex = Execution(c, f, largs, owner=self)
        c._execution = ex
        ex.status = "running"
        c._drive_sync(ex)
        return ex

    async def call_async(self, fn: Any, *args: Any) -> tuple:
        """Call a Lua function from asyncio. ``async def`` host functions the
        script calls are awaited on the running loop; other tasks run
        meanwhile. With ``set_yield_interval(n)`` the script also gives the
        loop a turn every ``n`` cost units."""
        c = self._core
        c._check_open()
        f, largs = c._resolve_call(fn, args)
        return await c._drive_async(f, largs, self)

    async def load_async(self, program: Program) -> tuple:
        c = self._core
        main = c._main_of(program)
        return await c._drive_async(main, (), self)

    def set_memory_limit(self, n: Optional[int]) -> None:
        """Bytes this State's scripts may keep alive (``None``: unlimited);
        the Engine's ``max_memory`` is the default. Reaching it stops the
        run with ``mani.MemoryLimitExceeded`` ("not enough memory"), which
        scripts cannot catch. See docs/design.md, "Memory"."""
        from .engine import _memory_limit

        n = _memory_limit(n)
        with self._core._entered():
            core = self._core
            if n is None:
                core._mem = None
            else:
                mem = core._mem = MemoryMeter(n)
                mem.walked(core._measure()[0], core.cost_used)
            core._refill()

    @property
    def memory_limit(self) -> Optional[int]:
        mem = self._core._mem
        return None if mem is None else mem.limit

    @property
    def memory_used(self) -> int:
        """The bytes the State's scripts keep alive, as the memory limit
        counts them (measured now: it takes time in proportion to them)."""
        with self._core._entered():
            return self._core._measure()[0]

    def set_close_grace_budget(self, n: int) -> None:
        """Cost units that the pending ``<close>`` handlers of a run get when
        the host cancels it (``Execution.cancel``, ``State.close``, a
        cancelled ``call_async`` task); default 100,000. When they use it
        up, the rest of the unwinding runs no more Lua code than a check
        point, and ``Execution.error`` is the ``BudgetExceeded``."""
        if int(n) < 0:
            raise ValueError("close grace budget must be >= 0")
        self._core._close_grace = int(n)

    def set_yield_interval(self, n: Optional[int]) -> None:
        """Async runs give the event loop a turn every ``n`` cost units."""
        c = self._core
        c._check_open()
        c._yield_interval = int(n) if n else None
        c._refill()

    def interrupt_handle(self) -> "InterruptHandle":
        """A handle whose ``interrupt()`` (callable from any thread) stops the
        running script at its next check point with ``mani.Interrupted``."""
        c = self._core
        c._check_open()
        c._interrupt_armed = True
        c._refill()
        return InterruptHandle(c)

    def set_deadline(self, seconds: Optional[float]) -> None:
        """Stop runs with ``mani.Interrupted`` once ``seconds`` of wall-clock
        time from now have passed (None: no deadline)."""
        c = self._core
        c._check_open()
        c._deadline = None if seconds is None else time.monotonic() + float(seconds)
        c._refill()

    # ---------------------------------------------------------- user data
    def set_user_data(self, obj: Any) -> None:
        c = self._core
        c._check_open()
        c._user_data = obj

    @property
    def user_data(self) -> Any:
        return self._core._user_data

    @property
    def engine(self) -> Engine:
        return self._core._engine


def call_function(st: Any, f: Any, arity: int, args: tuple) -> tuple:
    """Call ``f`` in State ``st`` (a State or its _Core) from the host:
    ``LuaFunction.__call__`` and ``State.call``. ``arity`` is
    ``interop.arity(f)``. Lua values in the results are handed out by
    ``st``. This is ``_Core._run`` (with argument and result conversion)
    with the common case inlined: scalar arguments a Lua function takes as
    they are, and a State nobody holds. A held State goes through ``_run``,
    whose ``_enter`` tells a re-entry from a busy or closed State (a
    suspended run also holds it)."""
    for a in args:  # usually scalars: then no conversion at all
        c = a.__class__
        if c is int:
            # (literal bounds that fit one int digit compare fastest;
            # larger ints take to_lua's exact 64-bit check)
            if -0x3FFFFFFF <= a <= 0x3FFFFFFF:
                continue
        elif c in PLAIN:
            continue
        to_lua = interop.to_lua
        args = tuple([to_lua(a, st) for a in args])
        break
    if len(args) > arity:
        args = (f, *args)
        f = call_n  # drops extra arguments, calls non-functions
    core = st._core
    free = core._free
    if not free:
        return core._run(f, args, st)  # held: a re-entry, or busy (_enter decides)
    try:
        free.pop()
    except IndexError:  # another thread took it just now
        return core._run(f, args, st)
    # the State is ours: _Core._enter and _leave inlined
    core._holder = _getcurrent()
    core._interrupt_requested = False
    rt = core._rt
    prev = _tls.rt
    if prev is not rt:
        _tls.rt = rt
        if prev is None:
            rt.lingering = True  # see context.leave
    try:
        r = f(*args)
    except BaseException as exc:
        err = core._failed(exc)
        if err is exc:
            raise
        raise err from None
    finally:
        if prev is not None and prev is not rt:
            _tls.rt = prev  # see context.leave
        core._holder = None
        free.append(True)
    return (r,) if r.__class__ in PLAIN else _to_host(st, r)


def _to_host(st: Any, r: Any) -> tuple:
    """The results of a Lua call (one value or a tuple) as the host's tuple;
    tables and functions become views handed out by ``st``."""
    c = r.__class__
    if c in PLAIN:
        return (r,)
    to_py = interop.to_py
    if c is not tuple:
        return (to_py(r, st),)
    return tuple([v if v.__class__ in PLAIN else to_py(v, st) for v in r])


interop.call_function = call_function  # for LuaFunction.__call__ (interop cannot import this module)


class InterruptHandle:
    """Stops a State's running script from any thread (see
    ``State.interrupt_handle``)."""

    __slots__ = ("_state",)

    def __init__(self, state: Any):
        self._state = state

    def interrupt(self) -> None:
        # only a flag: the running thread looks at it at its next check point
        # (at most CHECK_INTERVAL cost units away, see _Core._slice)
        self._state._interrupt_requested = True


__all__ = ["State", "HostCallbacks", "OpError"]
