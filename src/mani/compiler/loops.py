"""Loops: ``while``, ``repeat``, numeric ``for`` and generic ``for``.

Each iteration is a meter check point (``metering.meter_loop``). A numeric
``for`` over integers is a Python ``range``; without ``break`` or ``goto``
it charges once per chunk of up to 64 iterations (``chunks``), or once for
a short loop with constant bounds. A loop whose locals are likely integers
gets a typed copy chosen at entry (``speculated_loop``). Runtime helpers
emitted: ``forrange`` (non-integer or unusual numeric loops), ``chunks``,
``forin`` and ``forin_abort`` (generic ``for`` and its closing value).
"""

from __future__ import annotations

from typing import Optional

from ..syntax import nodes as N
from ..syntax.resolve import Var
from . import costs, types
from .expr import INT
from .predicates import int_literal


class Loops:
    """``while``, ``repeat``, numeric and generic ``for``. (A mixin of ``codegen.CodeGen``.)"""

    def typed_copy_unreachable(self, s: N.Node, spec: list) -> bool:
        """In the general body of an integer-speculated function, would the
        typed copy of loop ``s`` never run? It would not when its bet
        includes every speculated parameter and those still hold their
        arguments when the loop starts (not all integers, or the function
        would run its typed body): the loop starts once per call (it is in
        no other loop, nor in a block a goto can go back to), so code runs
        before it only if it comes before it in the text, and no assignment
        to those parameters does."""
        failed = self.fn.not_all_ints
        if not failed or not failed.issubset(spec) or self.fn.loop_stack or self.fn.in_loop:
            return False
        inside = {id(n) for n in self.nodes.of(s)}
        for n in self.nodes.of(self.fn.node.body):
            if n.__class__ is N.Assign and (n.line < s.line or n.line == s.line and id(n) not in inside):
                if any(t.__class__ is N.Name and t.var in failed for t in n.targets):
                    return False
        return True

    def speculated_loop(self, s: N.Node, gen, spec: list) -> None:
        """Two copies of a loop: one where the locals in ``spec`` are typed
        integers (they stay integers: see types.loop_int_speculation), chosen
        when their classes say so on entry; one general."""
        self.emit("if " + " and ".join(f"{v.pyname}.__class__ is int" for v in spec) + ":")
        self.loop_spec = True
        saved_variant = self.second_variant
        try:
            self.indent += 1
            for v in spec:
                v.static_type = INT
            try:
                gen(s)
            finally:
                for v in spec:
                    v.static_type = None
            self.indent -= 1
            self.emit("else:")
            self.indent += 1
            self.second_variant = True
            gen(s)
            self.indent -= 1
        finally:
            self.loop_spec = False
            self.second_variant = saved_variant

    def loop_info(self, body: N.Block) -> dict:
        info = {"kind": "loop", "scope": body.scope}
        stmts = body.stmts
        # `goto continue` where the label ends the body: a Python continue
        if stmts and isinstance(stmts[-1], N.Label):
            lab = stmts[-1]
            info["continue_label"] = lab.name
            lab.used = False  # handled by `continue`, no dispatch needed
            # ...unless some goto to it sits in a nested function scope? (not
            # possible) or needs to cross a non-loop dispatch: handled by
            # _goto_via.
        return info

    def loop_body(self, body: N.Block, line: int, info: dict, prologue=()) -> None:
        self.fn.loop_stack.append(info)
        self.indent += 1
        self.meter_loop(body, line)
        for p in prologue:
            self.emit(p)
        self.block(body.stmts)
        self.indent -= 1
        self.fn.loop_stack.pop()

    def s_While(self, s: N.While) -> None:
        steps = _steps_within_bounds(s)  # valid for the types of this copy only
        self.no_wrap.update(steps)
        try:
            self.while_loop(s)
        finally:
            self.no_wrap.difference_update(steps)

    def while_loop(self, s: N.While) -> None:
        info = self.loop_info(s.body)
        saved = self.pending
        self.pending = []
        c = self.cond(s.cond)
        hoisted = self.pending
        self.pending = saved
        if hoisted:
            self.emit("while True:")
            self.indent += 1
            for block in hoisted:
                for ln, lua_line in block:
                    self.lines.append("    " + ln)
                    self.linemap.append(lua_line)
            self.emit(f"if not ({c}): break")
            self.indent -= 1
        else:
            self.emit(f"while {c}:")
        self.loop_body(s.body, s.line, info)
        self.after_python_loop(info)

    def s_Repeat(self, s: N.Repeat) -> None:
        info = {"kind": "loop", "scope": s.body.scope}
        for st in s.body.stmts:
            if isinstance(st, N.Label):
                st.used = True
        self.emit("while True:")
        self.fn.loop_stack.append(info)
        self.indent += 1
        self.meter_loop(s.body, s.line)
        stmts = s.body.stmts
        close_at = next((i for i, st in enumerate(stmts) if isinstance(st, N.Local) and "close" in st.attribs), None)
        if close_at is not None:
            # the condition runs inside the scope of the to-be-closed variable
            brk = self.temp("brk")
            self.emit(f"{brk} = False")
            self.block(stmts + [CondBreak(s.cond, brk, s.line)])
            self.indent -= 1
            self.fn.loop_stack.pop()
            self.indent += 1
            self.emit(f"if {brk}: break")
        else:
            self.block(stmts)
            c = self.with_pending(lambda: self.cond(s.cond))
            self.cur_line = s.cond.line
            self.emit(f"if {c}: break", s.cond.line)
            self.fn.loop_stack.pop()
        self.indent -= 1
        self.after_python_loop(info)

    def s_CondBreak(self, s) -> None:
        c = self.with_pending(lambda: self.cond(s.cond))
        self.emit(f"if {c}: {s.flag} = True")

    def s_NumericFor(self, s: N.NumericFor) -> None:
        # the loop variable's type is decided per copy of the loop (a
        # speculated body is generated twice): restore the inferred one
        v: Var = s.var_info
        inferred = v.static_type
        try:
            self.numeric_for(s, v)
        finally:
            v.static_type = inferred

    def numeric_for(self, s: N.NumericFor, v: Var) -> None:
        info = self.loop_info(s.body)

        def prod():
            return self.ex(s.start), self.ex(s.stop), (self.ex(s.step) if s.step is not None else None)
        a, b, c = self.with_pending(prod)
        sid = self.site("for", s.line)
        step_is_int = c is None or c.ty == INT
        k = int_literal(s.step) if s.step is not None else 1
        step = "" if c is None else f", {c.code}"

        def int_range(limit: str) -> str:
            """The loop as a Python range (integer start and limit, a
            literal nonzero step)."""
            return f"range({a.code}, {limit} {'+' if k > 0 else '-'} 1{step})"

        if a.ty == INT and step_is_int and b.ty == INT:
            it = int_range(b.code) if k else self.mark(sid, f"forrange({a.code}, {b.code}{step})")
            if not v.assigned:  # else the body may store other types in it
                v.static_type = INT
        else:
            it = self.mark(sid, f"forrange({a.code}, {b.code}{step})")
            if a.ty == INT and a.simple and k:
                # an integer start and step, a limit of unknown type (often
                # `#t`): an integer limit makes a range without the helper
                lim = self.temp("lim")
                it = f"({int_range(lim)} if ({lim} := {b.code}).__class__ is int else {self.mark(sid, f'forrange({a.code}, {lim}{step})')})"
            if a.ty == INT and step_is_int and not v.assigned:
                v.static_type = INT
        if v.boxed:
            loopvar = self.temp("ctl")
            prologue = [f"{v.pyname} = [{loopvar}]"]
        else:
            loopvar = v.pyname
            prologue = []
        if v.static_type == INT and not _jumps_out(self.nodes.of(s.body)):
            # An integer loop without break or goto: check the meter once per
            # chunk of up to CHUNK iterations, charging exactly what the
            # iterations cost (one check instead of CHUNK).
            cost = costs.loop_cost(self.model, s.body)
            if not self.second_variant:
                self.scope_costs[-1].loops.append((s.line, cost))
            cost += self.calls.at_start(s.body)  # calls of direct functions
            count = _static_count(s)
            if count is not None and count <= 64:
                # a short loop with constant bounds: one check for all of it
                if count:
                    self.charge(count * cost, s.line)
                self.unchecked_for(s, loopvar, it, info, prologue)
                return
            nest = 0
            if self.metered:
                ch = self.temp("chunk")
                self.emit(f"for {ch} in chunks({it}):", s.line)
                self.indent += 1
                nest = 1
                self.charge(f"len({ch}) * {cost}", s.line)
                it = ch
            self.unchecked_for(s, loopvar, it, info, prologue)
            self.indent -= nest
            return
        self.emit(f"for {loopvar} in {it}:", s.line)
        self.loop_body(s.body, s.line, info, prologue)
        self.after_python_loop(info)

    def unchecked_for(self, s: N.NumericFor, loopvar: str, it: str, info: dict, prologue: list) -> None:
        """``for loopvar in it:`` and the body, with no check point per
        iteration: the caller charged the iterations already."""
        self.emit(f"for {loopvar} in {it}:", s.line)
        self.fn.loop_stack.append(info)
        self.indent += 1
        for p in prologue:
            self.emit(p)
        self.block(s.body.stmts)
        self.indent -= 1
        self.fn.loop_stack.pop()

    def s_GenericFor(self, s: N.GenericFor) -> None:
        info = self.loop_info(s.body)
        n = len(s.vars)
        args = self.with_pending(lambda: self.args_code(s.exprs))
        sid = self.site("forin", s.line)
        targets = []
        prologue = []
        for v in s.vars:
            if v.boxed:
                t = self.temp("var")
                targets.append(t)
                prologue.append(f"{v.pyname} = [{t}]")
            else:
                targets.append(v.pyname)
        it = self.temp("iter")
        self.emit(f"{it} = {self.mark(sid, f'forin({n}, {args})' if args else f'forin({n})')}", s.line)
        # an error in the body reaches the loop's closing value (zero cost
        # in CPython 3.11 until an exception happens)
        self.emit("try:")
        self.indent += 1
        self.emit(f"for {', '.join(targets)} in {it}:", s.line)
        self.fn.tbc += 1
        self.loop_body(s.body, s.line, info, prologue)
        self.fn.tbc -= 1
        self.indent -= 1
        self.emit("except BaseException as _e:")
        self.emit(f"    forin_abort({it}, _e)")
        self.emit("    raise")
        self.emit(f"{it} = None  # closes the iterator now (its closing value, if any)")
        self.after_python_loop(info)


class CondBreak(N.Node):
    """Internal statement: ``if cond then flag = true end`` (repeat-until
    inside the scope of a to-be-closed variable)."""

    __slots__ = ("cond", "flag", "line")

    def __init__(self, cond, flag, line):
        self.cond = cond
        self.flag = flag
        self.line = line


def _steps_within_bounds(s: N.While) -> list:
    """In ``while lo < hi do ... end`` with integer locals, ``lo = lo + 1``
    and ``hi = hi - 1`` cannot wrap (lo < hi <= maxinteger, hi > lo >=
    mininteger) while neither has been assigned yet in this iteration: the
    ids of such + and - nodes among the body's leading statements."""
    test = types.unparen(s.cond)
    if not isinstance(test, N.BinOp) or test.op not in ("<", ">"):
        return []
    lo, hi = (test.left, test.right) if test.op == "<" else (test.right, test.left)
    if not (isinstance(lo, N.Name) and isinstance(hi, N.Name)):
        return []
    vlo, vhi = lo.var, hi.var
    if vlo is None or vhi is None or vlo is vhi or vlo.static_type != INT or vhi.static_type != INT \
            or vlo.boxed or vhi.boxed:
        return []
    step = {vlo: "+", vhi: "-"}
    found = []
    for st in s.body.stmts:
        inner = list(types._walk_no_functions(st))
        if any(isinstance(n, (N.Goto, N.Label)) for n in inner):
            break
        if isinstance(st, N.Assign) and len(st.targets) == 1 and len(st.exprs) == 1:
            t, e = st.targets[0], st.exprs[0]
            if (isinstance(t, N.Name) and t.var in step and isinstance(e, N.BinOp)
                    and e.op == step[t.var] and isinstance(e.left, N.Name) and e.left.var is t.var
                    and int_literal(e.right) == 1):
                found.append(id(e))
        assigned = {n.var for a in inner if isinstance(a, (N.Assign, N.Local)) for n in getattr(a, "targets", ())
                    if isinstance(n, N.Name)}
        for v in assigned:
            step.pop(v, None)
        if not step:
            break
    return found


def _static_count(s: N.NumericFor) -> Optional[int]:
    """Iterations of a numeric for with integer literal bounds and step."""
    parts = [s.start, s.stop, s.step if s.step is not None else N.Number(1, 0)]
    vals = []
    for p in parts:
        if isinstance(p, N.UnOp) and p.op == "-" and isinstance(p.operand, N.Number):
            vals.append(-p.operand.value)
        elif isinstance(p, N.Number):
            vals.append(p.value)
        else:
            return None
    a, b, c = vals
    if not all(v.__class__ is int for v in vals) or c == 0:
        return None
    return len(range(a, b + 1, c)) if c > 0 else len(range(a, b - 1, c))


def _jumps_out(body_nodes: list) -> bool:
    """Does a loop body (its nodes) contain break, goto or a label (outside
    nested functions)?"""
    for n in body_nodes:
        if isinstance(n, (N.Break, N.Goto, N.Label)):
            return True
    return False
