"""Which locals hold a table that no other code can ever see.

``local t = {}`` whose every use is ``t[k]``, ``t[k] = v`` or ``#t`` (in its
function or in closures) is never passed anywhere, so nothing can give it a
metatable: its stores skip the metatable check and its reads need no guard.
One walk over the chunk marks such variables ``private``.
"""

from __future__ import annotations

from ..syntax import nodes as N
from .types import unparen, walk


def mark_private_tables(chunk: N.Node) -> None:
    candidates = set()
    ok_uses: set = set()  # ids of Name nodes used only as an indexed table
    names: list = []
    for n in walk(chunk, into_functions=True):
        if isinstance(n, N.Local):
            for i, (v, attrib) in enumerate(zip(n.vars, n.attribs)):
                if attrib is None and i < len(n.exprs) and isinstance(n.exprs[i], N.Table):
                    candidates.add(v)
        elif isinstance(n, N.Index):
            obj = unparen(n.obj)
            if isinstance(obj, N.Name):
                ok_uses.add(id(obj))
        elif isinstance(n, N.UnOp) and n.op == "#":
            obj = unparen(n.operand)
            if isinstance(obj, N.Name):
                ok_uses.add(id(obj))
        elif isinstance(n, N.Name) and n.var is not None:
            names.append(n)
    escaped = {n.var for n in names if id(n) not in ok_uses}
    for v in candidates:
        v.private = not v.assigned and v not in escaped
