"""Calls of local functions charged by the caller.

Every Lua function costs its entry cost (``costs.entry_cost``) per call,
charged at a check point. Normally that check point is the function's own
entry: a subtraction and a comparison on every call, a large share of small
recursive functions (fib, tree walks).

A *direct* function is a ``local function f`` that is never reassigned and
whose every use is a call ``f(...)`` in a position that runs whenever its
statement runs (not the right operand of ``and``/``or``, not an ``elseif``
or loop condition). Such a function cannot be reached any other way (no
value of it escapes), so its entry needs no check: each caller charges
``f``'s entry cost instead,

* with the check point of the caller's region (function entry or loop
  iteration) when the call's statement is always reached from there: no
  ``return``, ``break``, ``goto`` or label before it in the region;
* otherwise just before the statement that makes the call.

Either way every call is charged exactly once and before it runs, so the
totals are those of checking at the callee's entry (only an error or an
abandoned coroutine between the charge and the call makes a difference),
and a recursion passes a check point at least once per level that calls
further: infinite recursion still exhausts the budget. Leaves of a
recursion (``if n < 2 then return n end``) run no check at all, and a call
from a numeric ``for`` body is charged once per chunk of iterations.
"""

from __future__ import annotations

from ..syntax import nodes as N
from . import costs


class CallCharges:
    """Where the entry costs of direct functions are charged in a chunk.

    ``direct``: the Vars of direct functions. ``at_start(block)``: what the
    check point of a region (a function or loop body) adds for the calls
    merged into it. ``before(stmt)``: what to charge just before a
    statement (0: nothing)."""

    def __init__(self, chunk: N.Chunk, model: costs.CostModel):
        self.candidates: dict = {}  # Var -> LocalFunction node
        self.disqualified: set = set()
        self.sites: list = []  # (statement, region body or None, merged?, callee Var)
        # one walk in source order: a local function's declaration comes
        # before every use of it
        self._function(chunk.func)
        self.direct = {v for v in self.candidates if v not in self.disqualified}
        self._direct_fns = {id(self.candidates[v].func) for v in self.direct}
        entry = {v: costs.entry_cost(model, self.candidates[v].func) for v in self.direct}
        self._start: dict = {}
        self._before: dict = {}
        for stmt, region, merged, v in self.sites:
            if v not in self.direct:
                continue
            if merged:
                self._start[id(region)] = self._start.get(id(region), 0) + entry[v]
            else:
                self._before[id(stmt)] = self._before.get(id(stmt), 0) + entry[v]

    def is_direct(self, fn: N.Function) -> bool:
        """Is ``fn`` the body of a direct function (no check at its entry)?"""
        return id(fn) in self._direct_fns

    def at_start(self, block: N.Block) -> int:
        return self._start.get(id(block), 0)

    def before(self, stmt: N.Node) -> int:
        return self._before.get(id(stmt), 0)

    # ------------------------------------------------------------ analysis
    def _function(self, fn: N.Function) -> None:
        self._region(fn.body)

    def _region(self, body: N.Block) -> bool:
        """A function or loop body: its statements are charged at its check
        point while they are always reached from it, that is until a label
        (a goto may run what follows again) or a statement that may leave
        the region. Returns whether a statement in it may leave."""
        reached = True
        leaves = False
        for s in body.stmts:
            if isinstance(s, N.Label):
                reached = False
                continue
            if self._stmt(s, body if reached else None):
                reached = False
                leaves = True
        return leaves

    def _block(self, body: N.Block) -> bool:
        """A block that is not a region (if branch, do block)."""
        leaves = False
        for s in body.stmts:
            leaves = self._stmt(s, None) or leaves
        return leaves

    def _stmt(self, s: N.Node, region) -> bool:
        """``region``: the region body whose check point charges this
        statement's calls, or None (charged just before the statement).
        Returns whether the statement may leave its region: a return, break
        or goto in it (nested functions left out; a break in a nested loop
        counts too, which only makes the merge more cautious)."""
        ex = lambda e, ok=True: self._expr(e, s, region, ok)  # noqa: E731
        if isinstance(s, N.Return):
            for e in s.exprs:
                ex(e)
            return True
        if isinstance(s, (N.Break, N.Goto)):
            return True
        if isinstance(s, N.Local):
            for e in s.exprs:
                ex(e)
        elif isinstance(s, N.Assign):
            for t in s.targets:
                ex(t)
            for e in s.exprs:
                ex(e)
        elif isinstance(s, N.CallStat):
            ex(s.call)
        elif isinstance(s, N.LocalFunction):
            if not s.var.assigned and not s.var.boxed:
                self.candidates[s.var] = s
            self._function(s.func)
        elif isinstance(s, N.If):
            leaves = False
            for i, (cond, body) in enumerate(s.tests):
                ex(cond, i == 0)  # an elseif condition may not run
                leaves = self._block(body) or leaves
            if s.orelse is not None:
                leaves = self._block(s.orelse) or leaves
            return leaves
        elif isinstance(s, N.Do):
            return self._block(s.body)
        elif isinstance(s, N.While):
            ex(s.cond, False)  # runs once more than the body
            return self._region(s.body)
        elif isinstance(s, N.Repeat):
            leaves = self._region(s.body)
            ex(s.cond, False)
            return leaves
        elif isinstance(s, N.NumericFor):
            for e in (s.start, s.stop, s.step):
                if e is not None:
                    ex(e)
            return self._region(s.body)
        elif isinstance(s, N.GenericFor):
            for e in s.exprs:
                ex(e)
            return self._region(s.body)
        return False

    def _expr(self, e: N.Node, stmt: N.Node, region, ok: bool) -> None:
        """``ok``: the expression runs whenever its statement does."""
        if isinstance(e, N.Name):
            if e.var in self.candidates:
                self.disqualified.add(e.var)  # used as a value
        elif isinstance(e, N.Call):
            f = e.func
            if isinstance(f, N.Name) and f.var in self.candidates:
                if ok:
                    self.sites.append((stmt, region, region is not None, f.var))
                else:
                    self.disqualified.add(f.var)
            else:
                self._expr(f, stmt, region, ok)
            for a in e.args:
                self._expr(a, stmt, region, ok)
        elif isinstance(e, N.Function):
            self._function(e)
        elif isinstance(e, N.BinOp):
            self._expr(e.left, stmt, region, ok)
            self._expr(e.right, stmt, region, ok and e.op not in ("and", "or"))
        elif isinstance(e, N.MethodCall):
            self._expr(e.obj, stmt, region, ok)
            for a in e.args:
                self._expr(a, stmt, region, ok)
        elif isinstance(e, N.Index):
            self._expr(e.obj, stmt, region, ok)
            self._expr(e.key, stmt, region, ok)
        elif isinstance(e, N.Table):
            for fld in e.fields:
                if fld.key is not None:
                    self._expr(fld.key, stmt, region, ok)
                self._expr(fld.value, stmt, region, ok)
        elif isinstance(e, N.UnOp):
            self._expr(e.operand, stmt, region, ok)
        elif isinstance(e, N.Paren):
            self._expr(e.expr, stmt, region, ok)
        # literals and varargs: nothing

