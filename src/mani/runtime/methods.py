"""The method cache: what ``o:name()`` finds, remembered per metatable.

A method call on an object ``o`` that lacks the field itself walks its
metatable's ``__index`` chain: the metatable, its ``__index`` table (the
class), that table's metatable, the next class, and so on. The walk is a
handful of dictionary lookups per level, and most of a method call's cost.

Every metatable carries a ``method_cache`` (values.set_metatable gives it
one): name -> the value the walk found. ``ops.lookup_method`` answers from
it whenever ``o`` is a plain table without the field. The answer stays
right as long as none of the tables the walk read changes, so each of them
becomes a ``ClassTable`` (values.py) that records the metatable among its
``dependents``; a write to a ClassTable, or a change of its metatable, drops
the affected entries. Generated code never writes raw into a ClassTable (its
fast paths test for exactly ``Table``), and the runtime's raw writes go
through the table's own ``__setitem__``/``pop``, so no write is missed.

Only chains made of tables are cached. An ``__index`` function can answer
differently each time, so a chain that reaches one takes the general path
on every call.
"""

from __future__ import annotations

from typing import Any

from .values import MAX_TAG_LOOP, ClassTable, Table, as_class_table


def find_method(o: Table, mt: ClassTable, k: bytes) -> Any:
    """``o[k]`` for a table ``o`` that lacks ``k`` and has metatable ``mt``
    whose cache has no entry for ``k``: walk the chain, and cache the value
    found when the walk met only tables."""
    chain = [mt]
    t = mt
    for _ in range(MAX_TAG_LOOP):
        h = dict.get(t, b"__index")
        hc = h.__class__
        if hc is not Table and hc is not ClassTable:
            return o[k]  # no __index, or a function or other value: the general path
        chain.append(h)
        v = dict.get(h, k)
        if v is not None:
            for c in chain:
                as_class_table(c).dependents.add(mt)
            mt.method_cache[k] = v
            return v
        t = h.meta
        if t is None:
            return None  # a miss is not cached: calling it raises anyway
        chain.append(t)
    return o[k]  # the general path reports the loop
