"""Whole-expression fast paths for arithmetic trees (a CodeGen mixin).

Compiled one operation at a time, ``dx*dx + dy*dy + dz*dz`` costs five
guarded operations, each checking its operands' classes and binding
temporaries. Instead, a tree of ``+ - * /`` and unary minus is compiled as
one guard over its leaves followed by the plain Python expression, with the
operation-by-operation code as the fallback:

    (dx*dx + dy*dy + dz*dz if dx.__class__ is float and ... else <per-op>)

Two modes, chosen per tree:

- float: every dynamic leaf is a float and each operation has at least one
  float operand, so each operation is IEEE float arithmetic exactly as in
  Lua (an integer operand converts to float the same way in both). ``/``
  needs a nonzero divisor (Python raises where Lua gives inf/nan): literal
  divisors are checked here, others are computed inside the guard.
- int: every leaf is an integer and the operations are ``+ - *``: wrapping
  to 64 bits commutes with them, so the tree is computed exactly and wrapped
  once at its root.

Evaluation order is Lua's: leaves with effects (calls, indexing, globals)
are bound to temporaries first, which is only allowed while no operation of
the tree has completed yet; a leaf that must wait for an operation's
(possibly metamethod) result disqualifies the tree at that level, and its
subtrees are tried on their own. Plain locals and literals are read when
the expression computes, as the per-operation code does.
"""

from __future__ import annotations

from ..syntax import nodes as N
from . import types
from .runtime_names import MAXINT, MININT
from .types import FLOAT, INT, unparen

TREE_OPS = ("+", "-", "*", "/")
MAX_TREE_DEPTH = 16


def _is_op(e: N.Node) -> bool:
    return (isinstance(e, N.BinOp) and e.op in TREE_OPS
            or isinstance(e, N.UnOp) and e.op == "-" and not isinstance(unparen(e.operand), N.Number))


def _pure_int(e: N.Node) -> bool:
    """A statically integer expression that can neither fail nor have
    effects (literals, locals, + - * over them)."""
    e = unparen(e)
    if isinstance(e, N.Number):
        return True
    if isinstance(e, N.Name):
        return e.var is not None
    if isinstance(e, N.UnOp) and e.op == "-":
        return _pure_int(e.operand)
    if isinstance(e, N.BinOp) and e.op in ("+", "-", "*"):
        return _pure_int(e.left) and _pure_int(e.right)
    return False


class _Plan:
    """The leaves of one tree, in evaluation order, with their kinds."""

    def __init__(self, mode: str):
        self.mode = mode
        # [node, kind ("dyn", INT or FLOAT), pure, an operation completed before]
        self.leaves: list = []
        self.ops = 0
        self.op_done = False  # an operation has completed (in Lua's order)
        self.ok = True
        self.int_divs: set = set()  # ids of int / int nodes

    def visit(self, e: N.Node, depth: int = 0) -> str:
        """Walk ``e`` in evaluation order; return its result kind
        (INT or FLOAT for the fast path); clear ``ok`` if not eligible.
        Trees deeper than MAX_TREE_DEPTH are not eligible: the generator
        tries every subtree of a failed tree again, so the bound keeps a
        long chain's compile time linear."""
        if depth > MAX_TREE_DEPTH or not self.ok:
            self.ok = False
            return INT
        depth += 1
        e = unparen(e)
        st = types.expr_type(e, {})
        if st == INT:  # compiled on its own (wrapping included)
            return self.leaf(e, INT)
        if _is_op(e):
            if isinstance(e, N.UnOp):
                k = self.visit(e.operand, depth)
            else:
                if e.op == "/" and self.mode == INT:
                    self.ok = False
                    return INT
                ka = self.visit(e.left, depth)
                kb = self.visit(e.right, depth)
                k = FLOAT if FLOAT in (ka, kb) or e.op == "/" else INT
                if e.op == "/" and ka == kb == INT:
                    self.int_divs.add(id(e))
                if self.mode == FLOAT and k == INT:
                    self.ok = False  # int op int: wraps in Lua, exact in Python
            self.ops += 1
            self.op_done = True
            return k
        if st == FLOAT:
            if self.mode == INT:
                self.ok = False
            return self.leaf(e, FLOAT)
        if st is not None:
            self.ok = False  # a string, table...: never the fast path
        return self.leaf(e, "dyn")

    def leaf(self, e: N.Node, kind: str) -> str:
        pure = isinstance(e, N.Number) or isinstance(e, N.Name) and e.var is not None or kind == INT and _pure_int(e)
        self.leaves.append([e, kind, pure, self.op_done])
        return self.mode if kind == "dyn" else kind

    @property
    def typed(self) -> bool:
        """No leaf needs a class check."""
        return not any(leaf[1] == "dyn" for leaf in self.leaves)

    def finish(self, scope) -> None:
        """Decide which leaves are bound in order (``pure`` False): those
        with effects, and upvalues that such a leaf after them might assign.
        Binding must happen before any operation completes."""
        later_effects = False
        for leaf in reversed(self.leaves):
            e, _, pure, done_before = leaf
            if pure and later_effects and isinstance(e, N.Name) and e.var.assigned and e.var.func is not scope:
                leaf[2] = pure = False
            if not pure:
                later_effects = True
                if done_before:
                    self.ok = False


class NumericTrees:
    """Mixin for CodeGen: ``numeric_tree`` compiles an arithmetic tree with
    one guard, or returns None when the per-operation code is as good."""

    tree_off = 0  # > 0 while compiling a tree's fallback

    def numeric_tree(self, e: N.Node):
        if self.tree_off:
            return None
        mode = FLOAT if self.fn.floaty or _has_float(e) else INT
        plan = _Plan(mode)
        plan.visit(e)
        plan.finish(self.fn.node.scope)
        if not plan.ok or plan.ops < (1 if mode == FLOAT else 2):
            return None
        if plan.typed and mode == INT:
            return None  # statically typed: the per-operation code has no guards
        return self.emit_tree(e, plan)

    def emit_tree(self, e: N.Node, plan: _Plan):
        from .expr import Expr

        refs: dict = {}  # id(leaf node) -> code in the fast path
        binds: list = []  # conjuncts binding impure leaves, in order
        guards: list = []  # class checks
        seen_guards: set = set()
        for n, kind, pure, _ in plan.leaves:
            x = self.ex(n)
            if pure and x.simple:
                code = x.code
            else:
                code = self.temp("leaf")
                binds.append((f"({code} := {x.code})", code))
            refs[id(n)] = Expr(code, None if kind == "dyn" else kind, True)
            if kind == "dyn":
                g = f"{self.cls(code)} is {plan.mode}"
                if g not in seen_guards:
                    seen_guards.add(g)
                    guards.append(g)
        # bind every impure leaf before the first class check can fail, so
        # that the fallback finds them all bound; the last binding can be
        # merged into its own class check
        conj = [f"{b} is {t}" for b, t in binds]
        if binds:
            last_guard = f"{binds[-1][1]}.__class__ is {plan.mode}"
            if last_guard in guards:
                conj[-1] = f"{binds[-1][0]}.__class__ is {plan.mode}"
                guards.remove(last_guard)
        divs: list = []
        fast = self._tree_code(e, refs, divs, plan)
        cond = " and ".join(conj + guards + divs)
        self.tree_off += 1
        saved = self.leaf_refs  # (links of a long chain hoisted by compiler/chains.py)
        self.leaf_refs = refs if saved is None else {**saved, **refs}
        try:
            slow = self.ex(e).code
        finally:
            self.tree_off -= 1
            self.leaf_refs = saved
        if plan.mode == INT:  # never typed here, so cond holds a class check
            t = self.temp("res")
            return Expr(f"({t} if {cond} and {MININT} <= ({t} := {fast}) <= {MAXINT} else {slow})")
        ty = FLOAT if plan.typed else None  # the fallback may give anything
        return Expr(f"({fast} if {cond} else {slow})" if cond else fast, ty)

    def _tree_code(self, e: N.Node, refs: dict, divs: list, plan: _Plan) -> str:
        e = unparen(e)
        if id(e) in refs:
            return refs[id(e)].code
        if isinstance(e, N.UnOp):
            return f"(-{self._tree_code(e.operand, refs, divs, plan)})"
        a = self._tree_code(e.left, refs, divs, plan)
        b = self._tree_code(e.right, refs, divs, plan)
        if e.op != "/":
            return f"({a} {e.op} {b})"
        if id(e) in plan.int_divs:
            a = f"float({a})"  # Lua divides the operands converted to float
        r = unparen(e.right)
        if isinstance(r, N.Number) and r.value != 0:
            return f"({a} / {b})"
        d = self.temp("div")
        divs.append(f"({d} := {b})")  # truthy: nonzero (NaN included)
        return f"({a} / {d})"


def _has_float(e: N.Node) -> bool:
    """Does the tree of ``e`` have a float literal or a division (within
    the depth a tree is looked at: linear work on a long chain)?"""
    todo = [(e, 0)]
    while todo:
        e, depth = todo.pop()
        e = unparen(e)
        if e.__class__ is N.Number:
            if e.value.__class__ is float:
                return True
        elif _is_op(e) and depth < MAX_TREE_DEPTH:
            if e.__class__ is N.UnOp:
                todo.append((e.operand, depth + 1))
            elif e.op == "/":
                return True
            else:
                todo += ((e.left, depth + 1), (e.right, depth + 1))
    return False
