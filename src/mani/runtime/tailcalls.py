"""Proper tail calls: a chain of Lua tail calls runs in bounded Python stack.

Lua calls are Python calls, and ``return f(x)`` compiles to the Python
``return f(x)``: fast, but each call of a chain of tail calls stays on the
stack until the chain ends. Lua guarantees that tail calls reuse the
caller's frame, and state machines and continuation-passing code rely on it.

The design keeps calls that are not tail calls exactly as they are, and
tail calls almost so:

* Every tail call counts down a per-State counter (the cell ``_T`` of the
  generated code). Until it reaches zero the call is the plain Python call.
* Every ``TAIL_PERIOD``-th tail call goes through ``tail_deep`` (bound per
  State), which looks at the Python stack below the calling frame. A frame
  executing a tail call returns whatever its callee returns, so when every
  frame down to a trampoline (``tail_loop``) is a Lua frame in the middle
  of a tail call (or a helper that returns its callee's result, such as
  ``call_n``), those frames can be dropped: the call returns a ``TailCall``
  marker instead of calling, each of them returns it unchanged, and the
  trampoline makes the call. When no trampoline is below but the frames
  that only pass results on are ``ROOT_AFTER`` or more, the calling frame
  becomes the root of the chain: it runs a trampoline itself. (A short
  chain is left alone: most tail calls are not part of a long one.)

So a chain of any length keeps at most about ``TAIL_PERIOD + ROOT_AFTER``
tail calls' frames on the Python stack, and the walk that proves a drop
safe is paid once per period (about one frame per tail call). A marker is
only ever returned to frames that were checked to pass it down to a
trampoline, so no Lua code, library or host ever sees one.

Only Lua functions (and tables whose ``__call``, perhaps through more
tables, is one) are called through the trampoline: a library function such as ``error`` finds its position
from its caller's frame, which must stay (reference Lua also runs a C
function called in tail position above its caller's frame). Tail calls of
a chain are ordinary calls when the chain is shallow; what a traceback or
``error(msg, level)`` sees of the dropped frames matches Lua, which keeps
none of them either.

Which calls are tail calls is decided by the compiler as in Lua 5.4: a
``return f(args)`` with a single call, outside the scope of a to-be-closed
variable (including a generic ``for``'s body, whose closing value is one).
"""

from __future__ import annotations

import sys
from types import CellType, FunctionType
from typing import Any, Callable

from .ops import _call_chain, _table_call, call_chain, call_n
from .trace import lua_info
from .values import ClassTable, Table

# tail calls between two looks at the stack: at most this many frames of a
# chain stay on the Python stack above its trampoline
TAIL_PERIOD = 200
# a chain found this long (and not above a trampoline yet) gets one
ROOT_AFTER = 50

_CO_VARARGS = 0x04


class TailCall:
    """The call a dropped frame left to its trampoline."""

    __slots__ = ("fn", "args")

    def __init__(self, fn: Any, args: tuple):
        self.fn = fn
        self.args = args


def tail_loop(fn: Any, args: tuple) -> Any:
    """Call ``fn(*args)``, then every call a chain of tail calls leaves."""
    while True:
        code = fn.__code__
        if not code.co_flags & _CO_VARARGS and len(args) > code.co_argcount:
            args = args[: code.co_argcount]  # as call_n: extra arguments dropped
        r = fn(*args)
        if r.__class__ is not TailCall:
            return r
        fn, args = r.fn, r.args


_LOOP_CODE = tail_loop.__code__
# helpers that return what the function they call returns
_PASS_THROUGH = frozenset({call_n.__code__, _table_call.__code__, _call_chain.__code__})


def _chain_below(frame: Any) -> int:
    """How many frames from ``frame`` down return what they are calling,
    unchanged: -1 if all of them do, down to a trampoline."""
    n = 0
    while frame is not None:
        code = frame.f_code
        if code is _LOOP_CODE:
            return -1
        if code not in _PASS_THROUGH:
            info = lua_info(code)
            if info is None or frame.f_lasti not in info.tail_offsets(code):
                return n
        n += 1
        frame = frame.f_back
    return n


def _dropping(fn: Any, first: tuple) -> Callable[..., Any]:
    """Calls ``fn`` by returning the call to the trampoline below. (A
    function, so that ``call_n`` takes it as it is; ``first``: the table,
    for a table's ``__call``.)"""

    def tail_call(*args: Any) -> Any:
        return TailCall(fn, first + args)

    return tail_call


def _rooting(fn: Any, first: tuple) -> Callable[..., Any]:
    """Calls ``fn`` through a trampoline of its own."""

    def tail_root(*args: Any) -> Any:
        return tail_loop(fn, first + args)

    return tail_root


def _plain(fn: Any, first: tuple) -> Callable[..., Any]:
    """Calls ``fn`` with ``first`` before the arguments, as it is."""

    def call_resolved(*args: Any) -> Any:
        return call_n(fn, *first, *args)

    return call_resolved


def _target(f: Any) -> tuple:
    """The function a call of ``f`` runs, and the values it gets before the
    arguments: ``f`` itself, or the ``__call`` handler of a table (at the
    end of a chain of them) with the tables. Anything that would fail is
    left to the call itself, where Lua raises the error."""
    if f.__class__ is not Table and f.__class__ is not ClassTable:
        return f, ()
    mt = f.meta
    h = dict.get(mt, b"__call") if mt is not None else None
    if h.__class__ is not Table and h.__class__ is not ClassTable:
        return (h, (f,)) if h is not None else (f, ())
    found = call_chain(f, h, fail=False)  # (charged as the call would charge it)
    return found if found is not None else (f, ())


def _is_lua(f: Any) -> bool:
    return f.__class__ is FunctionType and lua_info(f.__code__) is not None


def make_tail_deep(counter: CellType) -> Callable[[Any], Any]:
    """``tail_deep`` for the State whose tail-call counter is ``counter``:
    what a tail call calls when the counter reaches zero (it resets it)."""

    def tail_deep(f: Any) -> Any:
        counter.cell_contents = TAIL_PERIOD
        callee, first = _target(f)
        if not _is_lua(callee):
            # a library or host function: the ordinary call (and its error,
            # if any), made once even at the end of a chain of __call tables
            return f if len(first) < 2 else _plain(callee, first)
        # (frame 1: the Lua function making the tail call; what is below it
        # cannot change before the call is made)
        below = _chain_below(sys._getframe(1).f_back)
        if below < 0:
            return _dropping(callee, first)
        if below >= ROOT_AFTER:
            return _rooting(callee, first)
        return f if len(first) < 2 else _plain(callee, first)  # a short chain: as it is

    return tail_deep
