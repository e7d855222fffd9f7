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
first evaluation (``local x = chain``, ``return chain``, a call statement),
and in the arguments of a call that is (``print(chain)``, ``f(a, g(chain))``)
after hoisting what Lua evaluates before that argument: the callee and the
arguments to its left.
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
        evaluation) with the inner parts of long chains in ``e`` hoisted."""
        saved = self.leaf_refs
        refs = self.leaf_refs = dict(saved or {})
        try:
            if not self._cut(e, refs):
                self.leaf_refs = saved
            return produce()
        finally:
            self.leaf_refs = saved

    def _cut(self, e: N.Node, refs: dict) -> bool:
        """Hoist the inner links of a long chain ``e`` (the first thing
        evaluated at its place), or, for a call with such a chain among its
        arguments, the callee and the arguments before it and then that
        argument's inner links: Lua evaluates them in that order. Returns
        whether anything was hoisted (read back through ``refs``)."""
        links = _links(e)
        if len(links) > CHAIN_MAX:
            for k in range(len(links) - CHAIN_MAX, -1, -CHAIN_MAX):
                self._hoist(links[k], refs)
            return True
        if e.__class__ is not N.Call:
            return False
        deep = [i for i, a in enumerate(e.args) if _deep(a)]
        if not deep:
            return False
        last = deep[-1]
        f = e.func
        if not (f.__class__ is N.Name and f.var is not None and not f.var.assigned):
            self._hoist(f, refs)
        for a in e.args[:last]:
            self._cut(a, refs)
            self._hoist(a, refs)
        self._cut(e.args[last], refs)
        return True

    def _hoist(self, node: N.Node, refs: dict) -> None:
        """Compute ``node`` into a temporary by a statement hoisted before
        the statement; later code reads the temporary."""
        x = self.ex(node)
        t = self.temp("link")
        self.pending.append([(f"{'    ' * self.indent}{t} = {x.code}", node.line)])
        refs[id(node)] = Expr(t, x.ty, True)


def _links(node: N.Node) -> list:
    """The links inwards from ``node`` (not itself), innermost last."""
    links = []
    node = _inner(node)
    while node is not None:
        links.append(node)
        node = _inner(node)
    return links


def _deep(node: N.Node) -> bool:
    """Does ``node`` need hoisting to compile: a chain longer than
    CHAIN_MAX, or a call with such an argument?"""
    if len(_links(node)) > CHAIN_MAX:
        return True
    return node.__class__ is N.Call and any(_deep(a) for a in node.args)
