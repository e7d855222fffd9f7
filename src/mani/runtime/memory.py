"""Per-State memory accounting: how much a State's scripts keep alive.

Lua values are Python objects, freed by CPython's reference counting, so no
allocator of ours sees them come and go. The figure mani enforces is instead
the *live size*: a deterministic walk from the State's roots (its globals,
registry tables, live coroutines and the locals of the running Lua frames)
that adds up a size for every table, string, number, closure and coroutine it
reaches. The same script reaches the same objects, so the figure and the
point where the limit is hit do not depend on timing or on other threads.

Walking costs time in proportion to the live data, so it runs only when the
live size *could* have passed the limit. Between walks the meter keeps an
upper bound on what can have been added:

* ``debt`` -- bytes that library functions and long concatenations announced
  with ``alloc`` before allocating (string.rep, format, gsub, table.concat,
  coroutines, constructors of many values such as ``{...}``, ``..`` results
  of ``CONCAT_INLINE_MAX`` bytes or more); an announcement that would pass
  the limit is refused before anything is allocated. Other library results
  are paid for by their charges (a unit per 64 bytes or per 8 values, well
  within the next point);
* ``BYTES_PER_UNIT`` bytes per cost unit used -- what inline code can keep
  per unit at most: the compiler charges a statement one unit more for every
  further table, closure, constructor item group or concatenation it
  contains (compiler/costs.py), so one unit never pays for more than this.
  (Locals hold one value each: only stores into tables, closures and
  announced library results can accumulate.)

When ``live + debt + BYTES_PER_UNIT * units`` reaches the trigger (1.5 times
the limit, see ``MemoryMeter.trigger``), the State walks: garbage is no
longer counted (credited back), and the run stops with
``MemoryLimitExceeded`` ("not enough memory") if the live size is over the
limit. The walk is charged to the cost meter, one unit per
``OBJECTS_PER_UNIT`` objects it visits, and the memory it takes (the sets of
what it has counted) is part of the figure. See docs/design.md, "Memory".
"""

from __future__ import annotations

import sys
from types import CellType, CodeType, FunctionType
from typing import Any, Iterable, Iterator

import greenlet

from .coroutines import Coroutine, _Co
from .values import ClassTable, Table, Userdata

# what inline code can keep alive per cost unit at most (see the docstring)
BYTES_PER_UNIT = 256
OBJECTS_PER_UNIT = 32  # walk cost: one cost unit per this many objects visited

# Sizes of CPython objects on a 64-bit build, rounded up to the allocator's
# granularity. Strings and tables are measured exactly (``sys.getsizeof``).
BYTES_HEADER = 33  # a bytes object of length 0
INT_SIZE = 32  # an int or a float (floats take 24, ints up to 2**30 28)
FUNCTION_SIZE = 160  # a function object (code and globals are the Program's)
CELL_SIZE = 40  # an upvalue cell
TUPLE_HEADER = 40
ITEM_SIZE = 8  # a pointer in a tuple
TABLE_ATTRS = 104  # the attribute dict of a table with a metatable
USERDATA_SIZE = 64
# A coroutine: its greenlet, the C stack it saves when it suspends and its
# frames (measured on CPython 3.11-3.13: about 6.5 KiB for a coroutine suspended a
# few calls deep; its locals are counted on top)
COROUTINE_SIZE = 8 * 1024

SUMMARISED = 32  # tables with this many entries or more are summarised by type
_NUMBERS = frozenset({int, float, bool})
_BOOL = frozenset({bool})


def lua_frames(pyglobals: dict, start: Any, suspended: Iterable[Any] = ()) -> list:
    """The frames of Lua functions of the State whose generated code runs in
    ``pyglobals``: from frame ``start`` outwards, then those of the greenlets
    the current one was started from (the run's driver, resumers), then
    those of the greenlets in ``suspended``. Each frame once."""
    found: dict = {}
    here = greenlet.getcurrent()
    chains = [start]
    g = here.parent
    while g is not None:
        chains.append(g.gr_frame)
        g = g.parent
    chains.extend(gl.gr_frame for gl in suspended if gl is not None and gl is not here)
    for f in chains:
        while f is not None:
            if f.f_globals is pyglobals:
                found[id(f)] = f
            f = f.f_back
    return list(found.values())


def _greenlet_frames(glet: Any, pyglobals: dict) -> Iterator[Any]:
    """The Lua frames of a suspended greenlet."""
    if glet is None or glet is greenlet.getcurrent():
        return
    f = glet.gr_frame
    while f is not None:
        if f.f_globals is pyglobals:
            yield f
        f = f.f_back


def _code_size(code: Any, seen: set) -> int:
    """What a compiled function keeps: its code object and those of the
    functions nested in it (each once), with their constants; code counts
    twice over for what CPython keeps beside it (measured: a loaded chunk
    takes about twice the ``getsizeof`` of its code objects and tables)."""
    getsizeof = sys.getsizeof
    total = data = 0
    todo = [code]
    while todo:
        c = todo.pop()
        if id(c) in seen:
            continue
        seen.add(id(c))
        total += getsizeof(c) + getsizeof(c.co_consts) + getsizeof(c.co_names) + getsizeof(c.co_linetable)
        consts = list(c.co_consts)
        while consts:
            k = consts.pop()
            if k.__class__ is CodeType:
                todo.append(k)
            elif k.__class__ is tuple or k.__class__ is frozenset:
                data += getsizeof(k)
                consts.extend(k)
            elif k is not None:
                data += getsizeof(k)
    return 2 * total + data


def measure(roots: Iterable[Any], frames: Iterable[Any], pyglobals: dict) -> tuple[int, int]:
    """(bytes, objects visited) of everything reachable from ``roots`` and
    from the locals of ``frames``. Only Lua values are followed: host objects
    wrapped in userdata, host and library functions count as a fixed size
    (they belong to the host or to the Engine, shared by every State)."""
    getsizeof = sys.getsizeof
    # What has been counted: identity-hashed objects (tables, functions,
    # coroutines, userdata) themselves, others (strings, cells, boxes) by id.
    # Both sets are memory the walk takes on the State's behalf, so their
    # size is part of the figure (it is what keeps the process's peak within
    # reach of the limit).
    held: set = set()
    hold = held.add
    seen: set = set()
    mark = seen.add
    stack = list(roots)
    push = stack.append
    extend = stack.extend
    for f in frames:
        extend(f.f_locals.values())
    size = 0
    visited = 0
    while stack:
        v = stack.pop()
        c = v.__class__
        if c is bytes:
            i = id(v)
            if i not in seen:
                mark(i)
                size += BYTES_HEADER + len(v)
                visited += 1
        elif c is Table or c is ClassTable:
            if v not in held:
                hold(v)
                n = len(v)
                size += getsizeof(v)
                visited += 1
                if n < SUMMARISED:
                    visited += n
                    extend(v)
                    extend(v.values())
                else:
                    # a big table: tell its keys and its values apart by
                    # type in C; only parts holding more than numbers are
                    # walked one by one
                    for part in (v.keys(), v.values()):
                        kinds = set(map(type, part))
                        if kinds <= _NUMBERS:
                            if kinds != _BOOL:
                                size += n * INT_SIZE
                            visited += n >> 4
                        else:
                            visited += n
                            extend(part)
                m = v.meta
                if m is not None:
                    size += TABLE_ATTRS
                    push(m)
        elif c in _NUMBERS:
            if c is not bool:
                size += INT_SIZE
        elif c is FunctionType:
            if v.__globals__ is pyglobals:  # a Lua function of this State
                if v not in held:
                    hold(v)
                    visited += 1
                    size += FUNCTION_SIZE
                    code = v.__code__
                    if id(code) not in seen:  # chunks from ``load`` are the State's
                        size += _code_size(code, seen)
                    cl = v.__closure__
                    if cl:
                        size += TUPLE_HEADER + ITEM_SIZE * len(cl)
                        extend(cl)
                    d = v.__defaults__
                    if d:
                        size += TUPLE_HEADER + ITEM_SIZE * len(d)
                        extend(d)
                    kw = v.__kwdefaults__  # per-iteration upvalues, boxed in lists
                    if kw:
                        size += getsizeof(kw)
                        extend(kw.values())
        elif c is CellType:
            i = id(v)
            if i not in seen:
                mark(i)
                size += CELL_SIZE
                try:
                    push(v.cell_contents)
                except ValueError:  # an empty cell
                    pass
        elif c is list:  # the box of an upvalue fresh in each loop iteration
            i = id(v)
            if i not in seen:
                mark(i)
                size += getsizeof(v)
                extend(v)
        elif c is tuple:  # varargs, packed results
            size += TUPLE_HEADER + ITEM_SIZE * len(v)
            visited += 1
            extend(v)
        elif c is Coroutine:
            push(v.c)
        elif c is _Co:
            if v not in held:
                hold(v)
                visited += 1
                size += COROUTINE_SIZE
                push(v.fn)
                for f in _greenlet_frames(v.glet, pyglobals):
                    extend(f.f_locals.values())
        elif c is Userdata:
            if v not in held:
                hold(v)
                size += USERDATA_SIZE
                if v.meta is not None:
                    push(v.meta)
    size += getsizeof(held) + getsizeof(seen) + INT_SIZE * len(seen)
    return size, visited


class MemoryMeter:
    """One State's memory figures (see the module docstring)."""

    __slots__ = ("limit", "live", "debt", "units_at_walk", "walks")

    def __init__(self, limit: int):
        self.limit = limit
        self.live = 0  # the live size found by the last walk
        self.debt = 0  # bytes announced since the last walk
        self.units_at_walk = 0  # cost_used at the last walk
        self.walks = 0

    def bound(self, cost_used: int) -> int:
        """The most the State can hold now, without walking."""
        return self.live + self.debt + BYTES_PER_UNIT * (cost_used - self.units_at_walk)

    def trigger(self) -> int:
        """The bound at which the State walks. A walk that finds the State
        over its limit stops the run, so walking by the time the bound
        reaches 1.5 times the limit keeps what the State holds under 1.5
        times its limit; walking later than at the limit itself makes walks
        a third as frequent, which is what accounting costs.

        A State found near or over its limit (the host lowered it, or a
        script was stopped and kept its data) walks once per eighth of its
        limit of possible growth: it can still run code that lets go of
        data, and is stopped again when it keeps allocating."""
        return max(self.limit + (self.limit >> 1), self.live + (self.limit >> 3))

    def due(self, cost_used: int) -> bool:
        """Must the State walk now?"""
        return self.bound(cost_used) >= self.trigger()

    def units_left(self, cost_used: int) -> int:
        """Cost units that can run before the bound reaches the trigger."""
        return (self.trigger() - self.bound(cost_used)) // BYTES_PER_UNIT

    def walked(self, live: int, cost_used: int) -> None:
        self.live = live
        self.debt = 0
        self.units_at_walk = cost_used
        self.walks += 1
