"""Lua functions: ``def`` statements, parameters, closures and bodies.

A Lua function becomes a Python ``def`` with one optional parameter per Lua
parameter plus ``SPARE_ARGS`` spare ones (or ``*varargs``), locals that a
closure captures and that are declared more than once per call passed as
boxes (keyword-only defaults), a docstring written by ``positions.finish``,
and a meter check at entry (left to the callers for direct local functions,
``callcharge.py``). A function whose parameters are likely integers gets two
bodies (``types.int_speculation``). A function expression is generated into
the pending list and hoisted before its statement. Runtime helpers emitted:
``budget_out`` (through ``charge``).
"""

from __future__ import annotations

from typing import Optional

from ..syntax import nodes as N
from . import costs, types
from .calls import SPARE_ARGS
from .emitter import FuncGen
from .expr import FUNC, INT, Expr


class Functions:
    """Lua functions and closures. (A mixin of ``codegen.CodeGen``.)"""

    def function(self, fn: N.Function, lua_name: Optional[str], is_main: bool = False) -> str:
        pyname = "main" if is_main else self.fn_name(lua_name)
        outer_fn = self.fn
        saved_deep, self.deep_tables = self.deep_tables, False  # a nest does not reach into bodies
        scope = fn.scope
        self.fn = FuncGen(fn, pyname, outer_fn)
        # a function with float literals probably computes with floats: its
        # arithmetic guards try float first
        body_nodes = self.nodes.of(fn.body)
        self.fn.floaty = any(isinstance(n, N.Number) and n.value.__class__ is float for n in body_nodes)
        saved_line = self.cur_line
        self.cur_line = fn.line
        sc = costs.ScopeCost(lua_name or "anonymous", fn.line, costs.entry_cost(self.model, fn))
        self.scope_costs[-1].children.append(sc)
        self.scope_costs.append(sc)

        params = [f"{v.pyname}=None" for v in fn.param_vars]
        if fn.is_vararg:
            params.append("*varargs")
        else:
            params.extend(f"_{i}=None" for i in range(1, SPARE_ARGS + 1))
        if scope.boxes_needed:
            if not fn.is_vararg:
                params.append("*")
            for pyn in sorted(scope.boxes_needed):
                params.append(f"{pyn}={pyn}")
        self.emit(f"def {pyname}({', '.join(params)}):", fn.line)
        self.indent += 1
        self.fn.base_indent = self.indent
        self.fn.doc_name = lua_name or "?"
        doc_at = self.open_body()
        # a direct function's callers charge its entry (compiler/callcharge.py)
        entry = 0 if self.calls.is_direct(fn) else sc.entry
        self.charge(entry + self.calls.at_start(fn.body), fn.line)
        self.fn.init_at = len(self.lines)  # where _preinit puts jump flags
        for v in fn.param_vars:
            if v.boxed:
                self.emit(f"{v.pyname} = [{v.pyname}]")
        spec = types.int_speculation(fn, body_nodes)
        if spec:
            # one body for integer arguments (no guards on them), one general
            self.emit(" and ".join(f"{v.pyname}.__class__ is int" for v in spec) + ":", fn.line)
            self.lines[-1] = self.lines[-1].replace(self.lines[-1].lstrip(), "if " + self.lines[-1].lstrip())
            self.indent += 1
            for v in spec:
                v.static_type = INT
            self.function_body(fn)
            self.indent -= 1
            self.emit("else:")
            self.indent += 1
            for v in spec:
                v.static_type = None
            self.fn.not_all_ints = frozenset(spec)
            saved_variant, self.second_variant = self.second_variant, True  # record loop costs once
            try:
                self.function_body(fn)
            finally:
                self.second_variant = saved_variant
            self.indent -= 1
        else:
            self.function_body(fn)
        self.indent -= 1
        self.close_body(doc_at, fn.line)
        self.scope_costs.pop()
        self.fn = outer_fn
        self.cur_line = saved_line
        self.deep_tables = saved_deep
        return pyname

    def function_body(self, fn: N.Function) -> None:
        types.infer_function(fn)
        self.block(fn.body.stmts)
        if not fn.body.stmts or not isinstance(fn.body.stmts[-1], N.Return):
            self.emit("return ()", fn.end_line)

    def function_expr(self, fn: N.Function, name: Optional[str]) -> str:
        """Generate a def (into the pending list) and return its name."""
        saved_lines, saved_map, saved_indent = self.lines, self.linemap, self.indent
        self.lines, self.linemap = [], []
        pyname = self.function(fn, name)
        block = list(zip(self.lines, self.linemap))
        self.lines, self.linemap, self.indent = saved_lines, saved_map, saved_indent
        self.pending.append(block)
        return pyname

    def e_Function(self, e: N.Function) -> Expr:
        return Expr(self.function_expr(e, e.name), FUNC, True)

    def s_LocalFunction(self, s: N.LocalFunction) -> None:
        v = s.var
        body_nodes = self.nodes.of(s.func.body)
        v.single_return = not v.assigned and not v.boxed and types.returns_single(s.func, body_nodes)
        if not v.assigned and not v.boxed:
            self.fixed_functions[v] = (len(s.func.params), s.func.is_vararg)
        if v.single_return:
            types.int_result(s.func, v, body_nodes)
        if v.boxed:
            self.emit(f"{v.pyname} = [None]")
        name = self.with_pending(lambda: self.function_expr(s.func, s.name))
        if v.boxed:
            self.emit(f"{v.pyname}[0] = {name}")
        elif name != v.pyname:
            self.emit(f"{v.pyname} = {name}")
