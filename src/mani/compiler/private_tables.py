"""Which locals hold a table that no other code can ever see.

``local t = {}`` whose every use is ``t[k]``, ``t[k] = v`` or ``#t`` (in its
function or in closures) is never passed anywhere, so nothing can give it a
metatable: its stores skip the metatable check and its reads need no guard.
One pass over the chunk's nodes marks such variables ``private``.
"""

from __future__ import annotations

from ..syntax import nodes as N
from .types import unparen


def mark_private_tables(bodies: list) -> None:
    """``bodies``: the nodes of every function body (subtrees.BodyNodes)."""
    candidates = set()
    ok_uses: set = set()  # ids of Name nodes used only as an indexed table
    names: list = []
    Local, Index, UnOp, Name = N.Local, N.Index, N.UnOp, N.Name
    for nodes in bodies:
        for n in nodes:
            cls = n.__class__
            if cls is Name:
                if n.var is not None:
                    names.append(n)
            elif cls is Index:
                obj = unparen(n.obj)
                if obj.__class__ is Name:
                    ok_uses.add(id(obj))
            elif cls is UnOp:
                if n.op == "#":
                    obj = unparen(n.operand)
                    if obj.__class__ is Name:
                        ok_uses.add(id(obj))
            elif cls is Local:
                for i, (v, attrib) in enumerate(zip(n.vars, n.attribs)):
                    if attrib is None and i < len(n.exprs) and n.exprs[i].__class__ is N.Table:
                        candidates.add(v)
    escaped = {n.var for n in names if id(n) not in ok_uses}
    for v in candidates:
        v.private = not v.assigned and v not in escaped
