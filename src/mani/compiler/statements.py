"""Statements and blocks: dispatch, ``do``, ``if``, ``return``, call
statements, and the scope of a ``<close>`` variable.

``stmt`` charges the calls of direct local functions the statement makes
(``callcharge.py``), tries an integer-typed copy of a loop
(``loops.speculated_loop``) and hands the statement to its ``s_<Node>``
method, which lives in the module of its concern (loops, gotos,
assignments, functions). Runtime helpers emitted: ``check_close``,
``close_var``, ``close_var_err`` (to-be-closed variables).
"""

from __future__ import annotations

from ..syntax import nodes as N
from . import types
from .expr import INT
from .outline import CLOSE_BLOCKS, COMPOUND, LOOP_BLOCKS
from .predicates import int_literal, is_multi


class Statements:
    """Statement dispatch, blocks, ``do``, ``if``, ``return``, call statements. (A mixin of ``codegen.CodeGen``.)"""

    def stmt(self, s: N.Node) -> None:
        self.cur_line = s.line
        compound = isinstance(s, COMPOUND)
        loop = compound and not isinstance(s, (N.Do, N.If))
        if compound and self.too_deep(LOOP_BLOCKS if loop else 0):
            self.outline([s], s.line, lambda: self.stmt(s))
            return
        self.comment_source(s.line)
        self.charge(self.calls.before(s), s.line)  # calls of direct functions
        gen = getattr(self, "s_" + type(s).__name__)
        if not loop:
            gen(s)
            return
        self.fn.blocks += LOOP_BLOCKS
        try:
            self.loop_stmt(s, gen)
        finally:
            self.fn.blocks -= LOOP_BLOCKS

    def loop_stmt(self, s: N.Node, gen) -> None:
        """A loop, maybe with an integer-typed copy (loops.speculated_loop)."""
        if not isinstance(s, N.GenericFor) and not self.loop_spec:
            spec = types.loop_int_speculation(s, self.fn.node, self.nodes.of(s))
            if spec and self.typed_copy_unreachable(s, spec):
                self.loop_spec = True  # as in the general copy: no nested speculation
                try:
                    gen(s)
                finally:
                    self.loop_spec = False
                return
            if spec:
                self.speculated_loop(s, gen, spec)
                return
        gen(s)

    def block(self, stmts: list) -> None:
        labels = [i for i, s in enumerate(stmts) if isinstance(s, N.Label)]
        if labels and self._needs_dispatch(stmts):
            self.labeled_block(stmts)
            return
        start = len(self.lines)
        saved_bounds = dict(self.fn.lower_bounds)
        for i, s in enumerate(stmts):
            if isinstance(s, N.Local) and any(a == "close" for a in s.attribs):
                self.stmt(s)
                self.close_scope(s, stmts[i + 1:])
                break
            self.stmt(s)
            bound = _guard_bound(s)
            if bound is not None:
                self.fn.lower_bounds[bound[0]] = bound[1]
        self.fn.lower_bounds = saved_bounds
        if len(self.lines) == start:
            self.emit("pass")

    def _needs_dispatch(self, stmts: list) -> bool:
        # labels reached by no goto need nothing; "continue"-style labels at
        # the end of loop bodies are handled by the loop (see goto_stmt)
        for s in stmts:
            if isinstance(s, N.Label) and getattr(s, "used", True):
                return True
        return False

    def close_scope(self, local: N.Local, rest: list) -> None:
        idx = local.attribs.index("close")
        var = local.vars[idx]
        ref = self.var_ref(var)
        flag = self.temp("open")
        self.emit(f"check_close({ref}, {var.name!r})")
        self.emit(f"{flag} = True")
        self.emit("try:")
        self.indent += 1
        self.fn.blocks += CLOSE_BLOCKS
        self.fn.tbc += 1
        try:
            if self.too_deep() and not any(isinstance(x, N.Label) for x in rest):
                # (a label would be reached by gotos from before the block)
                self.outline(rest, rest[0].line if rest else local.line, lambda: self.block(rest))
            else:
                self.block(rest)
        finally:
            self.fn.blocks -= CLOSE_BLOCKS
            self.fn.tbc -= 1
        self.indent -= 1
        self.emit("except BaseException as _e:")
        self.indent += 1
        self.emit(f"{flag} = False")
        self.emit(f"close_var_err({ref}, _e)")
        self.emit("raise")
        self.indent -= 1
        self.emit("finally:")
        self.indent += 1
        self.emit(f"if {flag}: close_var({ref})")
        self.indent -= 1

    def s_Do(self, s: N.Do) -> None:
        self.block(s.body.stmts)

    def s_If(self, s: N.If) -> None:
        self.if_chain(s, 0)

    def if_chain(self, s: N.If, start: int) -> None:
        """``s`` from its test ``start`` on. An ``elseif`` whose test needs
        statements first nests one level deeper: a long chain of them
        continues in an outlined function (outline.py)."""
        first_ = True
        depth = 0
        for i in range(start, len(s.tests)):
            cond, body = s.tests[i]
            self.cur_line = cond.line
            if not first_ and self.too_deep():
                self.emit("else:")
                self.indent += 1
                rest = [x for test in s.tests[i:] for x in test] + ([s.orelse] if s.orelse else [])
                self.outline(rest, cond.line, lambda: self.if_chain(s, i))
                self.indent -= depth + 1
                return
            saved = self.pending
            self.pending = []
            c = self.cond(cond)
            hoisted = self.pending
            self.pending = saved
            if first_:
                for block in hoisted:
                    for ln, lua_line in block:
                        self.lines.append(ln)
                        self.linemap.append(lua_line)
                self.emit(f"if {c}:", cond.line)
            elif hoisted:
                self.emit("else:")
                self.indent += 1
                depth += 1
                for block in hoisted:  # (written one level out, before the else)
                    for ln, lua_line in block:
                        self.lines.append("    " + ln)
                        self.linemap.append(lua_line)
                self.emit(f"if {c}:", cond.line)
            else:
                self.emit(f"elif {c}:", cond.line)
            first_ = False
            self.indent += 1
            self.block(body.stmts)
            self.indent -= 1
        if s.orelse is not None and s.orelse.stmts:
            self.emit("else:")
            self.indent += 1
            self.block(s.orelse.stmts)
            self.indent -= 1
        self.indent -= depth

    def s_Return(self, s: N.Return) -> None:
        exprs = s.exprs
        if not exprs:
            self.emit("return ()")
        elif len(exprs) == 1:
            e = exprs[0]
            if isinstance(e, (N.Call, N.MethodCall)):
                tail = self.fn.tbc == 0
                code = self.with_pending(lambda: self.with_chains_cut(e, lambda: self.call_raw(e, tail=tail)))
            elif isinstance(e, N.Vararg):
                code = "varargs"
            else:
                code = self.with_pending(lambda: self.with_table_statements(e).code)
            self.emit(f"return {code}")
        else:
            def prod():
                fixed = [self.ex(e).code for e in exprs[:-1]]
                last = exprs[-1]
                if is_multi(last):
                    return f"({', '.join(fixed)}, *{self.multi_tuple(last)})"
                return f"({', '.join(fixed + [self.ex(last).code])})"
            self.emit(f"return {self.with_pending(prod)}")

    def s_CallStat(self, s: N.CallStat) -> None:
        code = self.with_pending(lambda: self.with_chains_cut(s.call, lambda: self.call_raw(s.call)))
        self.emit(code)


def _guard_bound(s: N.Node):
    """(var, k) when ``s`` is ``if x < k then ... return end`` (or ``x <=
    k``, ``k > x``, ``k >= x``) with ``x`` an integer local never assigned:
    after it, x >= k (k + 1 for <=) for the rest of the block."""
    if not isinstance(s, N.If) or len(s.tests) != 1 or s.orelse is not None:
        return None
    test, body = s.tests[0]
    if not body.stmts or not isinstance(body.stmts[-1], N.Return):
        return None
    if any(isinstance(n, N.Goto) for n in types._walk_no_functions(body)):
        return None  # a goto could leave the branch without returning
    test = types.unparen(test)
    if not isinstance(test, N.BinOp):
        return None
    op, x, k = test.op, test.left, int_literal(test.right)
    if op in (">", ">="):
        op, x, k = ("<" if op == ">" else "<="), test.right, int_literal(test.left)
    if op not in ("<", "<=") or k is None or not isinstance(x, N.Name):
        return None
    v = x.var
    if v is None or v.assigned or v.boxed or v.static_type != INT:
        return None
    return (v, k if op == "<" else k + 1)
