"""Long flat chains: ``a.b.c...``, ``f()()...``, ``x + x + ...``, ``- - x``.

Each link of a chain is one more level of nesting in the generated Python
expression, and CPython's parser refuses more than 200 nested parentheses
(and its compiler recurses on the depth), while Lua accepts chains of any
length. So a chain longer than CHAIN_MAX links is cut: from its innermost
end outwards, every CHAIN_MAX links are computed into a temporary by a
statement hoisted before the chain's statement, and the rest of the chain
reads the temporary (``leaf_refs``).

The innermost link of a chain is what Lua evaluates first (a prefix before
its suffixes, a left operand before its right one), so hoisting the inner
part keeps the order of effects only if nothing else in the statement is
evaluated before the chain: this is done where the chain is its statement's
first evaluation (``local x = chain``, ``return chain``, a call statement).
Right-associative chains (``..``, ``^``) are not cut: ``..`` chains are
flattened by the operator's own code, and reference Lua itself refuses
deep ``^`` chains ("C stack overflow"). Emits no runtime helpers.
"""

from __future__ import annotations

from typing import Any, Callable

from ..syntax import nodes as N
from .expr import Expr

CHAIN_MAX = 40  # links of a chain compiled as one Python expression


def _inner(node: N.Node) -> Any:
    """The next link inwards: what Lua evaluates before the rest of ``node``."""
    c = node.__class__
    if c is N.BinOp:
        return None if node.op in ("..", "^") else node.left
    if c is N.Index or c is N.MethodCall:
        return node.obj
    if c is N.Call:
        return node.func
    if c is N.UnOp:
        return node.operand
    if c is N.Paren:
        return node.expr
    return None


class Chains:
    """Cutting long chains into statements. (A mixin of ``codegen.CodeGen``.)"""

    def with_chains_cut(self, e: N.Node, produce: Callable[[], Any]) -> Any:
        """Run ``produce`` (which compiles ``e``, its statement's first
        evaluation) with the inner parts of a long chain in ``e`` hoisted."""
        links = []
        node = _inner(e)
        while node is not None:
            links.append(node)
            node = _inner(node)
        if len(links) <= CHAIN_MAX:
            return produce()
        saved = self.leaf_refs
        refs = self.leaf_refs = dict(saved or {})
        try:
            ind = "    " * self.indent
            for k in range(len(links) - CHAIN_MAX, -1, -CHAIN_MAX):
                part = links[k]
                x = self.ex(part)
                t = self.temp("link")
                self.pending.append([(f"{ind}{t} = {x.code}", part.line)])
                refs[id(part)] = Expr(t, x.ty, True)
            return produce()
        finally:
            self.leaf_refs = saved
