"""Lua AST -> Python source text, compiled as it is.

The generator writes Python source text (readable: ``mani compile --python``
prints it). Each *site* (a Lua operation that can fail) is wrapped in
control-character markers while the text is built; ``finish`` strips them,
recording the column span of each site on its Python line, and writes each
function's docstring: its sites, their spans and a map from Python lines to
Lua lines. When a Python exception escapes a generated function, the site
whose span holds the failing instruction says which Lua operation failed and
how to name its operands (``local 'x'``), so error reporting costs nothing
at run time (runtime/trace.py).

Shape of the output::

    def __outer__():
        _B = None                      # the State's cost meter (a cell)
        def __chunk__(_ENV):           # bound per load to the environment
            def main(*varargs):        # the Lua main chunk
                "<lua function info>"
                nonlocal _B
                if (_B := _B - 3) < 0: budget_out()
                ...
            return main
        return __chunk__

Value conventions are in runtime/values.py; a call returns one value as
itself and zero or several values as a tuple.
"""

from __future__ import annotations

import json
import operator
from bisect import bisect_left, bisect_right
from typing import Optional

from ..errors import LuaSyntaxError
from ..runtime.values import wrap_int
from ..syntax import nodes as N
from ..syntax.resolve import Var
from . import costs, types
from .callcharge import CallCharges
from .numtrees import TREE_OPS, NumericTrees
from .private_tables import mark_private_tables
from .subtrees import BodyNodes

INT, FLOAT, STR, BOOL, NIL, TABLE, FUNC = "int", "float", "str", "bool", "nil", "table", "func"
# Lua functions take this many spare optional parameters beyond their own, so
# that a call passing up to SPARE_ARGS arguments is always a plain Python call
# (CPython specialises and inlines calls to functions without *args; with
# *args every call would go through C, twice as slow). Calls that may pass
# more go through ops.call_n, which drops the extra arguments.
SPARE_ARGS = 4
NUMS = (INT, FLOAT)
NON_NIL = (INT, FLOAT, STR, BOOL, TABLE, FUNC)
DEEP_TABLES = 32  # constructors nested deeper are built by statements
MAXINT = 0x7FFFFFFFFFFFFFFF
MININT = -0x8000000000000000
RANGE = f"{MININT} <= {{}} <= {MAXINT}"

ARITH_HELPER = {
    "+": "arith_add", "-": "arith_sub", "*": "arith_mul", "/": "arith_div",
    "//": "arith_idiv", "%": "arith_mod", "^": "arith_pow",
    "&": "bit_and", "|": "bit_or", "~": "bit_xor", "<<": "bit_shl", ">>": "bit_shr",
}


class Expr:
    """A compiled expression: Python source, static Lua type (or None) and
    whether the text is cheap and side-effect free to repeat.

    ``volatile``: an upvalue that some function assigns. Lua reads it where
    it stands in the evaluation order (a local is a register read when the
    operation runs), so as the left operand of a binary operator it must be
    bound before a right operand with effects runs. (An indexed upvalue is
    read after the key, as the generated code does anyway.)"""

    __slots__ = ("code", "ty", "simple", "volatile")

    def __init__(self, code: str, ty: Optional[str] = None, simple: bool = False, volatile: bool = False):
        self.code = code
        self.ty = ty
        self.simple = simple
        self.volatile = volatile


class FuncGen:
    """State of the Python function being generated for one Lua function."""

    def __init__(self, node: N.Function, pyname: str, parent: Optional["FuncGen"]):
        self.node = node
        self.pyname = pyname
        self.parent = parent
        self.ntemps = 0
        self.nonlocals: set[str] = set()
        self.sites: dict[int, list] = {}
        self.loop_stack: list = []  # per Python loop: dict of info
        self.floaty = False
        self.cls_cache: dict = {}  # local name -> variable holding its class
        self.init_at = 0  # index of the line after the function's meter line
        # integer locals known to be >= a constant here (see _guard_bound)
        self.lower_bounds: dict = {}
        # in the general body of an integer-speculated function: its
        # speculated parameters (not all of them held integers on entry)
        self.not_all_ints: frozenset = frozenset()


class CodeGen(NumericTrees):
    def __init__(self, chunkname: str, model: costs.CostModel, nodes: BodyNodes, metered: bool = True):
        self.chunkname = chunkname
        self.model = model
        # False only for measuring what metering costs (engine._compile_program
        # with metered=False, used by bench/run.py --no-meter): no charges
        self.metered = metered
        self.calls: CallCharges = None  # type: ignore[assignment]  # set by chunk()
        self.nodes = nodes  # nodes below any node, from one walk of the chunk
        self.lines: list[str] = []
        self.linemap: list[int] = []
        self.indent = 0
        self.cur_line = 0
        self.fn: FuncGen = None  # type: ignore[assignment]
        self.last_site = 0  # site ids are unique in the chunk, from 1
        self.used_fn_names: set[str] = set()
        self.pending: list = []  # hoisted statements for the current statement
        self.docs: list = []  # per function: [chunk, name, line, sites]
        self.scope_costs: list = []
        self.leaf_refs: Optional[dict] = None  # see NumericTrees
        self.second_variant = False  # generating a second copy of some code
        self.loop_spec = False  # inside a loop with an integer-typed copy
        self.table_stmts = False  # the next constructor may become statements
        self.deep_tables = False  # inside a nest of constructors built by statements
        self.no_wrap: set = set()  # ids of integer +/- nodes that cannot wrap
        # local functions never reassigned: Var -> (parameter count, vararg)
        self.fixed_functions: dict = {}

    # ------------------------------------------------------------ emission
    def emit(self, text: str, line: Optional[int] = None) -> None:
        self.lines.append("    " * self.indent + text)
        self.linemap.append(self.cur_line if line is None else line)

    def charge(self, amount, line: Optional[int] = None) -> None:
        """A check point: charge ``amount`` (an int, or Python source of
        one) to the meter and stop if the slice is used up."""
        if self.metered and amount != 0:
            self.emit(f"if (_B := _B - {amount}) < 0: budget_out()", line)

    def cls(self, code: str) -> str:
        """``code.__class__``, or the variable caching it (see cache_class)."""
        cached = self.fn.cls_cache.get(code)
        return cached if cached is not None else f"{code}.__class__"

    def cache_class(self, v: Var) -> None:
        """A local that never changes after its declaration and is used often
        gets its class computed once, right after the declaration; guards
        read the variable instead of ``v.__class__``."""
        if v.assigned or v.boxed or v.static_type is not None or v.const_value is not None or v.uses < 3:
            return
        name = f"_c_{v.pyname}"
        self.emit(f"{name} = {v.pyname}.__class__")
        self.fn.cls_cache[v.pyname] = name

    def temp(self) -> str:
        self.fn.ntemps += 1
        return f"_t{self.fn.ntemps}"

    def site(self, kind: str, line: int, *descs) -> int:
        self.last_site = sid = self.last_site + 1
        self.fn.sites[sid] = [kind, line, *descs]
        return sid

    def mark(self, sid: int, code: str) -> str:
        # control characters never occur in generated code otherwise (string
        # constants are written with repr); see finish()
        return f"\x01{sid}\x02{code}\x03"

    def fn_name(self, lua_name: Optional[str]) -> str:
        base = "anon"
        if lua_name:
            base = "".join(ch if ch.isalnum() else "_" for ch in lua_name)
            if not base[0].isalpha():
                base = "f_" + base
        name = base
        i = 1
        while name in self.used_fn_names:
            i += 1
            name = f"{base}_{i}"
        self.used_fn_names.add(name)
        return "lua_" + name

    # ------------------------------------------------------------- entry
    def chunk(self, chunk: N.Chunk) -> str:
        self.emit("def __outer__():", 0)
        self.indent += 1
        self.emit("_B = None")
        self.emit("def __chunk__(_ENV):")
        self.calls = CallCharges(chunk, self.model)
        self.indent += 1
        root = costs.ScopeCost("main chunk", 0, 0)
        self.scope_costs.append(root)
        name = self.function(chunk.func, "main", is_main=True)
        self.emit(f"return {name}")
        self.indent -= 1
        self.emit("return __chunk__")
        return "\n".join(self.lines) + "\n"

    # --------------------------------------------------------- functions
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
        doc_at = len(self.lines)
        self.emit("pass")  # replaced by the docstring
        self.emit("pass")  # replaced by the nonlocal declaration
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
        # site ids stay ints here: json writes the keys of both site tables
        # as strings (finish)
        info = [self.chunkname, lua_name or "?", fn.line, self.fn.sites]
        ind = "    " * (self.indent + 1)
        self.docs.append(info)
        self.lines[doc_at] = ind + f"\x04{len(self.docs) - 1}"  # the docstring, written by finish()
        self.fn.nonlocals.add("_B")
        self.lines[doc_at + 1] = ind + "nonlocal " + ", ".join(sorted(self.fn.nonlocals))
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

    # ------------------------------------------------------------ blocks
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
        flag = self.temp()
        self.emit(f"check_close({ref}, {var.name!r})")
        self.emit(f"{flag} = True")
        self.emit("try:")
        self.indent += 1
        self.block(rest)
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

    # ------------------------------------------------------ goto support
    def labeled_block(self, stmts: list) -> None:
        """A block with labels becomes a dispatch loop: segment k runs when
        the jump target is <= k; a goto sets the target and restarts."""
        seg_of_label = {}
        segments: list[list] = [[]]
        for s in stmts:
            if isinstance(s, N.Label):
                segments.append([])
                seg_of_label[s.name] = len(segments) - 1
            else:
                segments[-1].append(s)
        tgt = self.temp()
        info = {"kind": "dispatch", "var": tgt, "labels": seg_of_label, "segments": segments}
        self.emit(f"{tgt} = 0")
        self.emit("while True:")
        self.indent += 1
        self.fn.loop_stack.append(info)
        for k, seg in enumerate(segments):
            info["at"] = k  # the segment being generated (see goto_stmt)
            if k == 0 and not seg:
                continue
            self.emit(f"if {tgt} <= {k}:")
            self.indent += 1
            # a <close> inside a segment only covers that segment: acceptable
            # because Lua forbids jumping into a local's scope
            self.block(seg) if seg else self.emit("pass")
            self.indent -= 1
        self.emit("break")
        self.fn.loop_stack.pop()
        self.indent -= 1
        self.after_python_loop(info)

    def emit_break_from_here(self) -> None:
        """Lua ``break``: leave the innermost Lua loop, passing through any
        dispatch loops of labeled blocks in between."""
        stack = self.fn.loop_stack
        i = len(stack) - 1
        if stack[i]["kind"] == "loop":
            self.emit("break")
            return
        # inside dispatch loop(s): set a flag on the dispatch loop, break it
        info = stack[i]
        flag = info.get("escape_break")
        if not flag:
            flag = info["escape_break"] = self.temp()
            self._preinit(flag, "False")
        self.emit(f"{flag} = True")
        self.emit("break")

    def _preinit(self, name: str, value: str) -> None:
        """Initialise a jump flag at the start of the current function (right
        after its meter line), so every path sees it defined."""
        j = self.fn.init_at
        meter = self.lines[j - 1]
        ind = meter[: len(meter) - len(meter.lstrip())]
        self.lines.insert(j, f"{ind}{name} = {value}")
        self.linemap.insert(j, self.linemap[j - 1])
        self.fn.init_at = j + 1

    def goto_stmt(self, g: N.Goto) -> None:
        stack = self.fn.loop_stack
        # find the dispatch loop of the target block
        target_block = g.target
        for i in range(len(stack) - 1, -1, -1):
            info = stack[i]
            # Lua forbids a label that repeats one visible around it, so the
            # innermost enclosing dispatch block with that name is the target
            if info["kind"] == "dispatch" and g.label in info["labels"]:
                seg = info["labels"][g.label]
                if seg <= info["at"]:
                    self.meter_goto(info["segments"][seg:], g.line)
                self._goto(i, seg)
                return
            if info["kind"] == "loop" and info.get("continue_label") == g.label and info.get("scope") is target_block:
                if i == len(stack) - 1:
                    self.emit("continue")
                    return
                self._goto_via(i, None)
                return
        raise LuaSyntaxError(f"{self.chunkname}:{g.line}: goto '{g.label}' is not supported here", g.line)

    def _goto(self, idx: int, seg: int) -> None:
        stack = self.fn.loop_stack
        info = stack[idx]
        if idx == len(stack) - 1:
            self.emit(f"{info['var']} = {seg}")
            self.emit("continue")
            return
        self._goto_via(idx, seg)

    def _goto_via(self, idx: int, seg: Optional[int]) -> None:
        """Escape nested Python loops up to loop_stack[idx] with a flag."""
        stack = self.fn.loop_stack
        target = stack[idx]
        esc = target.get("esc_in")
        if esc is None:
            esc = target["esc_in"] = self.temp()
            self._preinit(esc, "None")
        self.emit(f"{esc} = {seg if seg is not None else -1}")
        self.emit("break")
        # every loop between the goto and the target must re-break
        for j in range(idx + 1, len(stack)):
            stack[j].setdefault("rebreak", set()).add((esc, idx))

    def after_python_loop(self, info: dict) -> None:
        for esc, idx in sorted(info.get("rebreak", ())):
            stack = self.fn.loop_stack
            target = stack[idx]
            if idx == len(stack) - 1:
                self.emit(f"if {esc} is not None:")
                self.indent += 1
                if target["kind"] == "dispatch":
                    self.emit(f"{target['var']} = {esc}; {esc} = None")
                    self.emit("continue")
                else:
                    self.emit(f"{esc} = None")
                    self.emit("continue")
                self.indent -= 1
            else:
                self.emit(f"if {esc} is not None: break")
                stack[-1].setdefault("rebreak", set()).add((esc, idx))
        if info.get("escape_break"):
            flag = info["escape_break"]
            self.emit(f"if {flag}:")
            self.indent += 1
            self.emit(f"{flag} = False")
            self.emit_break_from_here()
            self.indent -= 1

    # --------------------------------------------------------- statements
    def stmt(self, s: N.Node) -> None:
        self.cur_line = s.line
        self.charge(self.calls.before(s), s.line)  # calls of direct functions
        gen = getattr(self, "s_" + type(s).__name__)
        if isinstance(s, (N.While, N.Repeat, N.NumericFor)) and not self.loop_spec:
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
        if not failed or not failed.issubset(spec) or self.fn.loop_stack:
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

    def with_pending(self, produce):
        """Run ``produce`` (which compiles expressions); emit hoisted
        function definitions before the statement that uses them."""
        saved = self.pending
        self.pending = []
        result = produce()
        hoisted = self.pending
        self.pending = saved
        for block in hoisted:
            for ln, lua_line in block:
                self.lines.append(ln)
                self.linemap.append(lua_line)
        return result

    def s_Local(self, s: N.Local) -> None:
        vs = s.vars
        if all(v.const_value is not None for v in vs) and len(s.exprs) == len(vs):
            return
        n = len(vs)
        if n == 1 and len(s.exprs) == 1:
            values = self.with_pending(lambda: self.with_table_statements(s.exprs[0]).code)
        else:
            values = self.with_pending(lambda: self.explist_n(s.exprs, n))
        targets = []
        boxes = []
        for v in vs:
            if v.boxed:
                t = self.temp()
                targets.append(t)
                boxes.append((v, t))
            else:
                targets.append(v.pyname)
        self.emit(f"{', '.join(targets)} = {values}" if n > 1 else f"{targets[0]} = {values}")
        for v, t in boxes:
            self.emit(f"{v.pyname} = [{t}]")
        for v in vs:
            self.cache_class(v)

    def explist_n(self, exprs: list, n: int) -> str:
        """Python source for exactly ``n`` values (a tuple if n > 1)."""
        if n == 1 and len(exprs) >= 1 and not (len(exprs) == 1 and is_multi(exprs[0])):
            first_ = self.ex(exprs[0]).code
            if len(exprs) == 1:
                return first_
            rest = [self.ex(e).code for e in exprs[1:]]
            return f"({first_}, {', '.join(rest)})[0]"
        if not exprs:
            return ", ".join(["None"] * n) if n > 1 else "None"
        if n == 1 and len(exprs) == 1:
            # the single-value form of a call: no helper call when the
            # result is not a tuple
            return self.ex(exprs[0]).code
        if is_multi(exprs[-1]):
            fixed = [self.ex(e).code for e in exprs[:-1]]
            tail = self.multi(exprs[-1])
            if len(fixed) >= n:
                keep = fixed[:n]
                extra = fixed[n:] + [tail]
                return f"({', '.join(keep + extra)},)[:{n}]" if n > 1 else f"({', '.join(keep + extra)},)[0]"
            need = n - len(fixed)
            if n == 1:
                return f"first({tail})"
            if fixed:
                return f"({', '.join(fixed)}, *adjust({tail}, {need}))"
            t = self.temp()  # a call returning exactly n values needs no helper
            return f"({t} if ({t} := {tail}).__class__ is tuple and len({t}) == {need} else adjust({t}, {need}))"
        codes = [self.ex(e).code for e in exprs]
        if len(codes) < n:
            codes += ["None"] * (n - len(codes))
            return ", ".join(codes)
        if len(codes) > n:
            return f"({', '.join(codes)},)[:{n}]" if n > 1 else f"({', '.join(codes)},)[0]"
        return ", ".join(codes)

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

    def s_Assign(self, s: N.Assign) -> None:
        if len(s.targets) == 1:
            t = s.targets[0]
            if isinstance(t, N.Index) and self.append_store(t, s.exprs):
                return
            if isinstance(t, N.Index):
                def prod():
                    obj = self.ex(t.obj)
                    key = self.ex(t.key)
                    val = self.ex(s.exprs[0]) if len(s.exprs) == 1 else Expr(self.explist_n(s.exprs, 1))
                    return obj, key, val
                obj, key, val = self.with_pending(prod)
                self.assign_index(t, obj, key, val)
            else:
                val = self.with_pending(lambda: self.explist_n(s.exprs, 1))
                self.assign_name(t, Expr(val))
            return
        # multiple assignment: evaluate target prefixes, then values, then assign
        assigned = {t.var.pyname for t in s.targets if isinstance(t, N.Name) and t.var is not None}

        def prod():
            pre = []
            for t in s.targets:
                if isinstance(t, N.Index):
                    o = self.ex(t.obj)
                    k = self.ex(t.key)
                    # snapshot variables that a target of this statement assigns
                    if o.code in assigned:
                        o.simple = False
                    if k.code in assigned:
                        k.simple = False
                    if not o.simple:
                        tmp = self.temp()
                        self.pending.append([(f"{'    ' * self.indent}{tmp} = {o.code}", self.cur_line)])
                        o = Expr(tmp, o.ty, True)
                    if not k.simple:
                        tmp = self.temp()
                        self.pending.append([(f"{'    ' * self.indent}{tmp} = {k.code}", self.cur_line)])
                        k = Expr(tmp, k.ty, True)
                    pre.append((o, k))
                else:
                    pre.append(None)
            if len(s.exprs) == len(s.targets) and not is_multi(s.exprs[-1]):
                return pre, [self.ex(e) for e in s.exprs]
            return pre, self.explist_n(s.exprs, len(s.targets))
        pre, values = self.with_pending(prod)
        if isinstance(values, str):
            vals = [Expr(self.temp(), None, True) for _ in s.targets]
            self.emit(f"{', '.join(v.code for v in vals)} = {values}")
        else:
            # one value per target: literals are stored as they are (they
            # cannot change, and their type spares the stores' tests); the
            # others are all evaluated before the first assignment
            vals = [v if _literal(e) else Expr(self.temp(), None, True) for e, v in zip(s.exprs, values)]
            held = [(w.code, v.code) for w, v in zip(vals, values) if w is not v]
            if held:
                self.emit(f"{', '.join(w for w, _ in held)} = {', '.join(v for _, v in held)}")
        # reference Lua stores from the last target to the first (visible
        # through __newindex)
        for t, p, val in reversed(list(zip(s.targets, pre, vals))):
            if p is None:
                self.assign_name(t, val)
            else:
                self.assign_index(t, p[0], p[1], val)

    def assign_name(self, t: N.Name, val: Expr) -> None:
        v = t.var
        if v is None:
            env = self.ex(t.env)
            self.assign_index(t, env, Expr(repr(t.name.encode()), STR, True), val)
            return
        if v.boxed:
            self.emit(f"{v.pyname}[0] = {val.code}")
        else:
            if v.func is not self.fn.node.scope:
                self.fn.nonlocals.add(v.pyname)
            self.emit(f"{v.pyname} = {val.code}")

    def border_test(self, x: Expr, xb: str, xr: str, private: bool, n: str) -> str:
        """A test that ``x`` (bound by ``xb``, read as ``xr``) is a plain
        sequence, binding its border to ``n``: a table without a metatable
        (always so for a private one) holding exactly the keys 1..len, so
        that len is the border. ``xb`` is evaluated first in every case."""
        if private:
            guard = "" if x.simple else f"{xb} is {xr} and "
        elif x.ty == TABLE:
            guard = f"{xr}.meta is None and " if x.simple else f"{xb} is {xr} and {xr}.meta is None and "
        else:
            guard = f"{self.cls(xb)} is Table and {xr}.meta is None and "
        return f"{guard}(({n} := len({xr})) == 0 or {n} in {xr} and {n} + 1 not in {xr})"

    def append_store(self, t: N.Index, exprs: list) -> bool:
        """``t[#t + 1] = v``, the append idiom, with ``t`` a local: when ``t``
        is a plain sequence (no metatable, border at ``len(t)``) one test
        finds the border, and the store goes to the next index, an integer
        that cannot wrap. Anything else runs the general statement. Returns
        False when the statement is not of this shape.

        Lua computes the key before the value, so the border is found first;
        a value that may run code (a call, a metamethod) is followed by a
        second metatable test before the raw store."""
        if len(exprs) != 1:
            return False
        obj, key, v = types.unparen(t.obj), types.unparen(t.key), types.unparen(exprs[0])
        if not (isinstance(obj, N.Name) and obj.var is not None and isinstance(key, N.BinOp)
                and key.op == "+" and _int_literal(key.right) == 1):
            return False
        n_of = types.unparen(key.left)
        if not (isinstance(n_of, N.UnOp) and n_of.op == "#" and isinstance(types.unparen(n_of.operand), N.Name)
                and types.unparen(n_of.operand).var is obj.var):
            return False
        pure = isinstance(v, (N.String, N.Number, N.TrueExpr, N.FalseExpr)) or isinstance(v, N.Name) and v.var is not None
        # the value is compiled twice (fast and general branch): nothing
        # that hoists statements (functions, constructors)
        if not pure and any(isinstance(x, (N.Function, N.Table)) for x in types.walk(v, into_functions=True)):
            return False
        o = self.ex(obj)
        if not o.simple:
            return False
        oc, n = o.code, self.temp()
        private = _private(obj)
        border = self.border_test(o, oc, oc, private, n)
        if pure:
            val = self.ex(v)
            if not val.simple:
                return False
            nonnil = "" if val.ty in NON_NIL else f" and {val.code} is not None"
            self.emit(f"if {border}{nonnil}: {oc}[{n} + 1] = {val.code}")
        else:
            self.emit(f"if {border}:")
            self.indent += 1
            val = self.ex(v)
            vc = val.code
            if not val.simple:
                vc = self.temp()
                self.emit(f"{vc} = {val.code}")
            conds = [] if private else [f"{oc}.meta is None"]
            if val.ty not in NON_NIL:
                conds.append(f"{vc} is not None")
            if conds:
                self.emit(f"if {' and '.join(conds)}: {oc}[{n} + 1] = {vc}")
                self.emit(f"else: setindex({oc}, {n} + 1, {vc})")
            else:
                self.emit(f"{oc}[{n} + 1] = {vc}")
            self.indent -= 1
            val = self.ex(v)
        self.emit("else:")
        self.indent += 1
        self.assign_index(t, o, self.ex(t.key), val)
        self.indent -= 1
        return True

    def assign_index(self, t: N.Node, obj: Expr, key: Expr, val: Expr) -> None:
        desc = self.describe(t.obj) if isinstance(t, N.Index) else self.describe(t.env)
        sid = self.site("index", t.line, desc)
        o = obj.code
        if not obj.simple:
            tmp = self.temp()
            self.emit(f"{tmp} = {o}")
            o = tmp
        k = key.code
        if not key.simple:
            tmp = self.temp()
            self.emit(f"{tmp} = {k}")
            k = tmp
        vcode = val.code
        if not val.simple:
            tmp = self.temp()
            self.emit(f"{tmp} = {vcode}")
            vcode = tmp
        nonnil = val.ty in NON_NIL
        # raw store when __newindex does not apply: the key is present, or
        # the table has no metatable or one without __newindex
        conds = []
        target = types.unparen(t.obj) if isinstance(t, N.Index) else None
        if not _private(target):
            m = self.temp()
            no_meta, no_hook = f"({m} := {o}.meta) is None", f"b'__newindex' not in {m}"
            meta_ok = f"({no_meta} or {k} in {o} or {no_hook})"
            if key.ty == STR and isinstance(target, N.Name) and target.name == "self":
                # an object updating its own field: it has a metatable (its
                # class) and usually the field already
                meta_ok = f"({k} in {o} or {no_meta} or {no_hook})"
            conds.append(meta_ok if obj.ty == TABLE else f"{self.cls(o)} is Table and {meta_ok}")
        if key.ty not in (STR, INT):
            conds.append(f"((_k := {self.cls(k)}) is int or _k is bytes)")
        if nonnil and not conds:  # a table nobody else sees, a non-nil value, a plain key
            self.emit(f"{o}[{k}] = {vcode}")
            return
        if nonnil:
            self.emit(f"if {' and '.join(conds)}: {o}[{k}] = {vcode}")
        elif vcode == "None":
            if not conds:
                self.emit(f"{o}.pop({k}, None)")
                return
            self.emit(f"if {' and '.join(conds)}: {o}.pop({k}, None)")
        elif not conds:
            self.emit(f"if {vcode} is not None: {o}[{k}] = {vcode}")
            self.emit(f"else: {o}.pop({k}, None)")
            return
        else:
            # assigning nil deletes the key
            self.emit(f"if {' and '.join(conds)}:")
            self.emit(f"    if {vcode} is not None: {o}[{k}] = {vcode}")
            self.emit(f"    else: {o}.pop({k}, None)")
        self.emit(f"else: {self.mark(sid, f'setindex({o}, {k}, {vcode})')}")

    def s_CallStat(self, s: N.CallStat) -> None:
        code = self.with_pending(lambda: self.call_raw(s.call))
        self.emit(code)

    def s_Do(self, s: N.Do) -> None:
        self.block(s.body.stmts)

    def meter_loop(self, body: N.Block, line: int) -> None:
        c = costs.loop_cost(self.model, body)
        if not self.second_variant:
            self.scope_costs[-1].loops.append((line, c))
        self.charge(c + self.calls.at_start(body), line)

    def meter_goto(self, segments: list, line: int) -> None:
        """A goto back to a label of an enclosing block runs that block's
        statements from the label on again: a loop iteration, metered like
        one (without this, ``::a:: goto a`` ran forever under any budget)."""
        c = costs.goto_cost(self.model, [s for seg in segments for s in seg])
        if not self.second_variant:
            self.scope_costs[-1].loops.append((line, c))
        self.charge(c, line)

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
            brk = self.temp()
            self.emit(f"{brk} = False")
            self.block(stmts + [_CondBreak(s.cond, brk, s.line)])
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

    def s__CondBreak(self, s) -> None:
        c = self.with_pending(lambda: self.cond(s.cond))
        self.emit(f"if {c}: {s.flag} = True")

    def s_If(self, s: N.If) -> None:
        first_ = True
        depth = 0
        for cond, body in s.tests:
            self.cur_line = cond.line
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
                for block in hoisted:
                    for ln, lua_line in block:
                        self.lines.append("    " * depth + ln)
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
        k = _int_literal(s.step) if s.step is not None else 1
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
                lim = self.temp()
                it = f"({int_range(lim)} if ({lim} := {b.code}).__class__ is int else {self.mark(sid, f'forrange({a.code}, {lim}{step})')})"
            if a.ty == INT and step_is_int and not v.assigned:
                v.static_type = INT
        if v.boxed:
            loopvar = self.temp()
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
                self.emit(f"for {loopvar} in {it}:", s.line)
                self.fn.loop_stack.append(info)
                self.indent += 1
                for p in prologue:
                    self.emit(p)
                self.block(s.body.stmts)
                self.indent -= 1
                self.fn.loop_stack.pop()
                return
            nest = 0
            if self.metered:
                ch = self.temp()
                self.emit(f"for {ch} in chunks({it}):", s.line)
                self.indent += 1
                nest = 1
                self.charge(f"len({ch}) * {cost}", s.line)
                it = ch
            self.emit(f"for {loopvar} in {it}:", s.line)
            self.fn.loop_stack.append(info)
            self.indent += 1
            for p in prologue:
                self.emit(p)
            self.block(s.body.stmts)
            self.indent -= 1 + nest
            self.fn.loop_stack.pop()
            return
        self.emit(f"for {loopvar} in {it}:", s.line)
        self.loop_body(s.body, s.line, info, prologue)
        self.after_python_loop(info)

    def s_GenericFor(self, s: N.GenericFor) -> None:
        info = self.loop_info(s.body)
        n = len(s.vars)
        args = self.with_pending(lambda: self.args_code(s.exprs))
        sid = self.site("forin", s.line)
        targets = []
        prologue = []
        for v in s.vars:
            if v.boxed:
                t = self.temp()
                targets.append(t)
                prologue.append(f"{v.pyname} = [{t}]")
            else:
                targets.append(v.pyname)
        it = self.temp()
        self.emit(f"{it} = {self.mark(sid, f'forin({n}, {args})' if args else f'forin({n})')}", s.line)
        # an error in the body reaches the loop's closing value (zero cost
        # in CPython 3.11 until an exception happens)
        self.emit("try:")
        self.indent += 1
        self.emit(f"for {', '.join(targets)} in {it}:", s.line)
        self.loop_body(s.body, s.line, info, prologue)
        self.indent -= 1
        self.emit("except BaseException as _e:")
        self.emit(f"    forin_abort({it}, _e)")
        self.emit("    raise")
        self.emit(f"{it} = None  # closes the iterator now (its closing value, if any)")
        self.after_python_loop(info)

    def s_Return(self, s: N.Return) -> None:
        exprs = s.exprs
        if not exprs:
            self.emit("return ()")
        elif len(exprs) == 1:
            e = exprs[0]
            if isinstance(e, (N.Call, N.MethodCall)):
                code = self.with_pending(lambda: self.call_raw(e, tail=True))
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

    def s_Break(self, s: N.Break) -> None:
        self.emit_break_from_here()

    def s_Goto(self, s: N.Goto) -> None:
        self.goto_stmt(s)

    def s_Label(self, s: N.Label) -> None:
        pass

    # -------------------------------------------------------- expressions
    def ex(self, e: N.Node) -> Expr:
        """One Lua value."""
        if self.leaf_refs is not None:
            r = self.leaf_refs.get(id(e))
            if r is not None:
                return r
        return getattr(self, "e_" + type(e).__name__)(e)

    def e_Nil(self, e) -> Expr:
        return Expr("None", NIL, True)

    def e_TrueExpr(self, e) -> Expr:
        return Expr("True", BOOL, True)

    def e_FalseExpr(self, e) -> Expr:
        return Expr("False", BOOL, True)

    def e_Number(self, e: N.Number) -> Expr:
        v = e.value
        if v.__class__ is int:
            return Expr(f"({v})" if v < 0 else str(v), INT, True)
        if v != v:
            return Expr("NAN", FLOAT, True)
        if v in (float("inf"), float("-inf")):
            return Expr("INF" if v > 0 else "(-INF)", FLOAT, True)
        r = repr(v)
        return Expr(f"({r})" if v < 0 or r.startswith("-") else r, FLOAT, True)

    def e_String(self, e: N.String) -> Expr:
        return Expr(repr(e.value), STR, True)

    def e_Vararg(self, e) -> Expr:
        return Expr("(varargs[0] if varargs else None)")

    def e_Paren(self, e: N.Paren) -> Expr:
        return self.ex(e.expr)

    def e_Function(self, e: N.Function) -> Expr:
        return Expr(self.function_expr(e, e.name), FUNC, True)

    def function_expr(self, fn: N.Function, name: Optional[str]) -> str:
        """Generate a def (into the pending list) and return its name."""
        saved_lines, saved_map, saved_indent = self.lines, self.linemap, self.indent
        self.lines, self.linemap = [], []
        pyname = self.function(fn, name)
        block = list(zip(self.lines, self.linemap))
        self.lines, self.linemap, self.indent = saved_lines, saved_map, saved_indent
        self.pending.append(block)
        return pyname

    def var_ref(self, v: Var) -> str:
        if v.const_value is not None:
            return self.ex(v.const_value).code
        return f"{v.pyname}[0]" if v.boxed else v.pyname

    def e_Name(self, e: N.Name) -> Expr:
        v = e.var
        if v is None:
            env = e.env
            key = repr(e.name.encode())
            if env.var is not None and env.var.pyname == "_ENV" and not env.var.assigned:
                sid = self.site("index", e.line, "upvalue '_ENV'")
                return Expr(self.mark(sid, f"_ENV[{key}]"))
            return self.index_expr(self.ex(env), Expr(key, STR, True), e.line, self.describe(env))
        if v.const_value is not None:
            return self.ex(v.const_value)
        if v.boxed:
            return Expr(f"{v.pyname}[0]", v.static_type, False)
        volatile = bool(v.assigned) and v.func is not self.fn.node.scope
        return Expr(v.pyname, v.static_type, True, volatile)

    def e_Index(self, e: N.Index) -> Expr:
        return self.index_expr(self.ex(e.obj), self.ex(e.key), e.line, self.describe(e.obj))

    def simple(self, x: Expr) -> tuple:
        """(binding code, reference code): bind a temp if ``x`` is complex."""
        if x.simple:
            return x.code, x.code
        return self.bound(x)

    def bound(self, x: Expr) -> tuple:
        """(binding code, reference code) of a new temp holding ``x``."""
        t = self.temp()
        return f"({t} := {x.code})", t

    def index_expr(self, obj: Expr, key: Expr, line: int, desc) -> Expr:
        sid = self.site("index", line, desc)
        if obj.ty == TABLE and obj.simple and key.ty in (STR, INT, FLOAT, TABLE, FUNC):
            return Expr(self.mark(sid, f"{obj.code}[{key.code}]"))
        if obj.ty == TABLE and obj.simple:
            kb, k = self.simple(key)
            return Expr(self.mark(sid, f"({obj.code}[{k}] if {self.cls(kb)} is not bool else index({obj.code}, {k}))"))
        ob, o = self.simple(obj)
        if key.ty in (STR, INT, FLOAT, TABLE, FUNC):
            kb, k = key.code, key.code
            if not key.simple:
                kb, k = self.simple(key)
                # evaluate the object first, the key second; when the object
                # is no table the test stops before the key, which the
                # general path then evaluates
                code = f"({o}[{k}] if {self.cls(ob)} is Table and {kb} is {k} else index({o}, {kb}))"
                return Expr(self.mark(sid, code))
            return Expr(self.mark(sid, f"({o}[{k}] if {self.cls(ob)} is Table else index({o}, {k}))"))
        kb, k = self.simple(key)
        if kb == k:
            code = f"({o}[{k}] if {self.cls(ob)} is Table and {self.cls(k)} is not bool else index({o}, {k}))"
        else:
            code = f"({o}[{k}] if ({self.cls(ob)} is Table) & ({self.cls(kb)} is not bool) else index({o}, {k}))"
        return Expr(self.mark(sid, code))

    def describe(self, e: N.Node):
        """How Lua's error messages name an expression (or None)."""
        if isinstance(e, N.Name):
            v = e.var
            if v is None:
                return f"global '{e.name}'"
            if v.func is self.fn.node.scope:
                return f"local '{e.name}'"
            if v.pyname == "_ENV" or v.captured:
                return f"upvalue '{e.name}'"
            return f"local '{e.name}'"
        if isinstance(e, N.Index) and (k := _folded_int(e.key)) is not None and 0 <= k <= 255:
            # reference Lua's GETI/SETI: an integer constant (after its
            # constant folding) that fits the instruction's 8-bit operand
            return "field 'integer index'"
        if isinstance(e, N.Index):
            if isinstance(e.key, N.String):
                try:
                    return f"field '{e.key.value.decode()}'"
                except UnicodeDecodeError:
                    return None
            return "field '?'"
        if isinstance(e, N.BinOp) and e.op in ("and", "or"):
            # reference Lua folds `k and x` (k a true constant) and `nil or
            # x` / `false or x` to x, which keeps its name
            left = types.unparen(e.left)
            truthy = isinstance(left, (N.Number, N.String, N.TrueExpr))
            falsy = isinstance(left, (N.Nil, N.FalseExpr))
            if (e.op == "and" and truthy) or (e.op == "or" and falsy):
                return self.describe(types.unparen(e.right))
            return None
        if isinstance(e, N.String):
            try:
                return f"constant '{e.value.decode()}'"
            except UnicodeDecodeError:
                return None
        return None

    @staticmethod
    def method_name(e: N.MethodCall) -> str:
        """How errors name the method of ``o:m(...)`` (only the call itself:
        its result is anonymous, as in reference Lua)."""
        return f"method '{e.name.decode(errors='replace')}'"

    # calls
    @staticmethod
    def needs_call_n(args: list, extra: int = 0) -> bool:
        """May this call pass more arguments than SPARE_ARGS?"""
        return len(args) + extra > SPARE_ARGS or bool(args) and is_multi(args[-1])

    def callee_takes(self, e: N.Node, nargs: Optional[int]) -> bool:
        """Does the callee, a local function that is never reassigned, take
        ``nargs`` arguments (None: any number) with its parameters and the
        spare ones, so that a plain Python call needs no call_n?"""
        f = getattr(e, "func", None)
        known = self.fixed_functions.get(f.var) if isinstance(f, N.Name) and f.var is not None else None
        if known is None:
            return False
        nparams, vararg = known
        return vararg or nargs is not None and nargs <= nparams + SPARE_ARGS

    def args_code(self, args: list) -> str:
        if not args:
            return ""
        fixed = [self.ex(a).code for a in args[:-1]]
        last = args[-1]
        if isinstance(last, N.Vararg):
            fixed.append("*varargs")
        elif is_multi(last):
            fixed.append(f"*mv({self.call_raw(last)})")
        else:
            fixed.append(self.ex(last).code)
        return ", ".join(fixed)

    def call_raw(self, e: N.Node, tail: bool = False) -> str:
        """A call whose result is left raw (single value or tuple)."""
        kind = "tailcall" if tail else "call"
        spread = self.spread_call(e, kind)
        if spread is not None:
            return spread
        if isinstance(e, N.MethodCall):
            obj = self.ex(e.obj)
            ob, o = self.simple(obj)
            key = repr(e.name)
            isid = self.site("index", e.line, self.describe(e.obj))
            fn = self.mark(isid, self.method_lookup(ob, o, key))
            args = self.args_code(e.args)
            sid = self.site(kind, e.line, self.method_name(e))
            if self.needs_call_n(e.args, 1):
                return self.mark(sid, f"call_n({fn}, {o}{', ' + args if args else ''})")
            return self.mark(sid, f"{fn}({o}{', ' + args if args else ''})")
        fn = self.ex(e.func)
        args = self.args_code(e.args)
        sid = self.site(kind, e.line, self.describe(e.func))
        if self.needs_call_n(e.args) and not self.callee_takes(e, None if e.args and is_multi(e.args[-1]) else len(e.args)):
            return self.mark(sid, f"call_n({fn.code}{', ' + args if args else ''})")
        return self.mark(sid, f"{fn.code}({args})")

    def method_lookup(self, ob: str, o: str, key: str) -> str:
        """``o.key`` for a method call (``ob`` binds ``o``): a plain table
        without the field whose metatable's method cache has it, inline;
        anything else through ``lookup_method`` (runtime.methods)."""
        m, mc = self.temp(), self.temp()
        return (f"({mc}[{key}] if {self.cls(ob)} is Table and {key} not in {o} and ({m} := {o}.meta) is not None"
                f" and {key} in ({mc} := {m}.method_cache) else lookup_method({o}, {key}))")

    @staticmethod
    def stable(e: N.Node) -> bool:
        """A literal or a local that never changes after its declaration:
        reading it later gives the same value."""
        e = types.unparen(e)
        if isinstance(e, (N.Nil, N.Number, N.String, N.TrueExpr, N.FalseExpr)):
            return True
        return isinstance(e, N.Name) and e.var is not None and not e.var.assigned and not e.var.boxed

    def spread_call(self, e: N.Node, kind: str) -> Optional[str]:
        """``f(a, g(x))`` or ``o:m(a, g(x))``, where ``g`` may return several
        values: when it returns one (not a tuple) a plain call, else call_n.
        Lua evaluates the callee (and the object and method) before the
        arguments, so those are bound first unless they cannot change; the
        other arguments must be literals or unchanging locals. None when
        the call is not of this shape."""
        args = e.args
        if not args or not isinstance(args[-1], (N.Call, N.MethodCall)) or not is_multi(args[-1]):
            return None
        method = isinstance(e, N.MethodCall)
        if len(args) + method > SPARE_ARGS and not self.callee_takes(e, len(args)):
            return None
        if not all(self.stable(a) for a in args[:-1]):
            return None
        binds: list = []

        def held(node: Optional[N.Node], code: str, simple: bool) -> str:
            """A name for a value taken now: the code itself when it cannot
            change, else a temporary bound by one of ``binds``."""
            if simple and node is not None and self.stable(node):
                return code
            t = self.temp()
            binds.append(f"({t} := {code}) is {t}")
            return t

        lead = []
        if method:
            obj = self.ex(e.obj)
            o = held(e.obj, obj.code, obj.simple)
            isid = self.site("index", e.line, self.describe(e.obj))
            callee = held(None, self.mark(isid, self.method_lookup(o, o, repr(e.name))), False)
            lead.append(o)
            desc = self.method_name(e)
        else:
            fn = self.ex(e.func)
            callee = held(e.func, fn.code, fn.simple)
            desc = self.describe(e.func)
        fixed = lead + [self.ex(a).code for a in args[:-1]]
        inner = self.call_raw(args[-1])
        sid = self.site(kind, e.line, desc)
        t = self.temp()
        test = " and ".join(binds + [f"({t} := {inner}).__class__ is not tuple"])
        pre = "".join(f"{c}, " for c in fixed)
        return self.mark(sid, f"({callee}({pre}{t}) if {test} else call_n({callee}, {pre}*{t}))")

    def e_Call(self, e: N.Call) -> Expr:
        if isinstance(e, N.Call) and isinstance(e.func, N.Name) and e.func.var is not None and e.func.var.single_return:
            ty = types.expr_type(e, {})
            return Expr(self.call_raw(e), ty if ty in NON_NIL else None)
        t = self.temp()
        return Expr(f"(first({t}) if ({t} := {self.call_raw(e)}).__class__ is tuple else {t})")

    e_MethodCall = e_Call

    def multi(self, e: N.Node) -> str:
        """Raw multi-valued expression (tuple or single value)."""
        if isinstance(e, N.Vararg):
            return "varargs"
        return self.call_raw(e)

    def multi_tuple(self, e: N.Node) -> str:
        if isinstance(e, N.Vararg):
            return "varargs"
        return f"mv({self.call_raw(e)})"

    # tables
    def e_Table(self, e: N.Table) -> Expr:
        # Constructors nested deeper than DEEP_TABLES (generated data
        # literals) are built by statements, level by level: as one
        # expression each level adds parentheses and CPython's parser stops
        # at 200. Decided for the whole nest at its outermost constructor,
        # and only where hoisting it cannot change the order of effects (it
        # is its statement's value, or it reads only literals and
        # unchanging locals); otherwise compiling fails cleanly as "chunk
        # too complex".
        outermost = not self.deep_tables
        if outermost and _table_nesting(e) > DEEP_TABLES and (self.table_stmts or _pure_nest(e)):
            self.deep_tables = True
        try:
            return self.table_expr(e)
        finally:
            if outermost:
                self.deep_tables = False

    def table_expr(self, e: N.Table) -> Expr:
        as_statements, self.table_stmts = self.table_stmts, False
        if not e.fields:
            return Expr("Table()", TABLE)
        items = []
        pos = []
        maybe_nil = False
        keyed_dynamic = []
        for f in e.fields:
            if f.key is None:
                pos.append(f)
            elif not isinstance(f.key, N.String):
                keyed_dynamic.append(f)
        if not keyed_dynamic and len(pos) == len(e.fields) and is_multi(pos[-1].value):
            p = [self.ex(f.value).code for f in pos[:-1]]
            p.append(f"*{self.multi_tuple(pos[-1].value)}")
            return Expr(f"table_seq(({', '.join(p)},))", TABLE)
        if keyed_dynamic or (pos and is_multi(pos[-1].value)):
            # general case: evaluate in order through a helper
            parts = []
            for f in e.fields:
                if f.key is None:
                    continue
                k = self.ex(f.key).code
                v = self.ex(f.value).code
                parts.append(f"({k}, {v})")
            if pos:
                p = [self.ex(f.value).code for f in pos[:-1]]
                last = pos[-1].value
                if is_multi(last):
                    p.append(f"*{self.multi_tuple(last)}")
                else:
                    p.append(self.ex(last).code)
                poscode = f"({', '.join(p)},)"
            else:
                poscode = "()"
            return Expr(f"table_new({poscode}, ({', '.join(parts)}{',' if len(parts) == 1 else ''}))", TABLE)
        if as_statements or _pure_fields(e) or self.deep_tables:
            return self.table_as_statements(e)
        i = 0
        for f in e.fields:
            v = self.ex(f.value)
            if v.ty in (None, NIL):
                maybe_nil = True
            if f.key is None:
                i += 1
                items.append(f"{i}: {v.code}")
            else:
                items.append(f"{f.key.value!r}: {v.code}")
        code = f"Table({{{', '.join(items)}}})"
        if maybe_nil:
            t = self.temp()
            code = f"({t} if None not in ({t} := {code}).values() else table_clean({t}))"
        return Expr(code, TABLE)

    def table_as_statements(self, e: N.Table) -> Expr:
        """A constructor with literal keys that is the first thing its
        statement evaluates, or whose fields read only literals and locals
        never reassigned (so reading them early changes nothing): build it
        with one store per field, hoisted before the statement (no
        intermediate dict, unlike Table({...}))."""
        t = self.temp()
        ind = "    " * self.indent
        self.pending.append([(f"{ind}{t} = Table()", e.line)])
        i = 0
        for f in e.fields:
            v = self.ex(f.value)
            if f.key is None:
                i += 1
                key = str(i)
            else:
                key = repr(f.key.value)
            if v.ty in NON_NIL:
                line = f"{t}[{key}] = {v.code}"
            elif v.ty == NIL:
                continue  # evaluated for nothing: a nil literal
            elif v.simple:
                line = f"if {v.code} is not None: {t}[{key}] = {v.code}"
            else:
                tmp = self.temp()
                line = f"if ({tmp} := {v.code}) is not None: {t}[{key}] = {tmp}"
            self.pending.append([(ind + line, f.value.line)])
        return Expr(t, TABLE, True)

    def with_table_statements(self, e: N.Node) -> Expr:
        """Compile a statement's only expression, letting a constructor
        there become statements (see table_as_statements)."""
        if isinstance(e, N.Table) and e.fields and len(e.fields) <= 16:
            self.table_stmts = True
        try:
            return self.ex(e)
        finally:
            self.table_stmts = False

    # operators
    def e_UnOp(self, e: N.UnOp) -> Expr:
        op = e.op
        if op == "not":
            return Expr(f"({self.cond_not(e.operand)})", BOOL)
        x = self.ex(e.operand)
        desc = self.describe(e.operand)
        if op == "-":
            if isinstance(e.operand, N.Number):
                v = e.operand.value
                if v.__class__ is int:
                    v = wrap_int(-v)
                    return Expr(f"({v})", INT, True)
                return Expr(f"({-v!r})" if v == v and v not in (float("inf"), float("-inf")) else ("(-INF)" if v > 0 else "INF"), FLOAT, True)
            sid = self.site("arith", e.line, desc, desc)
            xb, xr = self.simple(x)
            if x.ty == FLOAT:
                return Expr(f"(-{x.code})", FLOAT)
            if x.ty == INT:
                t = self.temp()
                return Expr(f"({t} if ({t} := -{x.code}) <= {MAXINT} else {MININT})", INT)
            code = f"(-{xr} if ({self.cls(xb)} is float) or ({self.cls(xr)} is int and {xr} != {MININT}) else arith_unm({xr}))"
            return Expr(self.mark(sid, code))
        if op == "#":
            sid = self.site("len", e.line, desc)
            if x.ty == STR:
                return Expr(f"len({x.code})", INT)
            if x.ty is not None and x.ty != TABLE:
                return Expr(self.mark(sid, f"length({x.code})"))
            xb, xr = self.simple(x)
            n = self.temp()
            # an untyped operand may be a string: len() without a call
            fallback = f"length({xr})" if x.ty == TABLE else f"(len({xr}) if {self.cls(xr)} is bytes else length({xr}))"
            code = f"({n} if {self.border_test(x, xb, xr, _private(e.operand), n)} else {fallback})"
            return Expr(self.mark(sid, code))
        if op == "~":
            sid = self.site("bitwise", e.line, desc, desc)
            xb, xr = self.simple(x)
            if x.ty == INT:
                return Expr(f"(~{x.code})", INT)
            return Expr(self.mark(sid, f"(~{xr} if {self.cls(xb)} is int else bit_not({xr}))"))
        raise AssertionError(op)

    def e_BinOp(self, e: N.BinOp) -> Expr:
        op = e.op
        if op == "and" or op == "or":
            return self.logic(e)
        if op == "..":
            return self.concat(e)
        if op in ("==", "~=", "<", "<=", ">", ">="):
            return Expr(f"({self.compare(e)})", BOOL)
        if op in ("+", "-", "*") and types.expr_type(e, {}) == INT:
            if id(e) in self.no_wrap:  # see _steps_within_bounds
                return Expr(f"({self.ex(e.left).code} {op} {self.ex(e.right).code})", INT)
            c = _int_literal(e.right)
            if op == "-" and isinstance(e.left, N.Name) and c is not None and c >= 0:
                low = self.fn.lower_bounds.get(e.left.var)
                if low is not None and low - c >= MININT:
                    # n - 1 after `if n < 2 then return ... end`: cannot wrap
                    return Expr(f"({self.ex(e.left).code} - {c})", INT)
            # Wrapping to 64 bits commutes with + - *: compute the whole
            # integer tree exactly and wrap once at its root.
            t = self.temp()
            if op in ("+", "-") and (isinstance(e.left, N.Number) and not _exact_tree(e.right)
                                     or isinstance(e.right, N.Number) and not _exact_tree(e.left)):
                # in-range x +- constant can only leave the range on one side
                a = Expr(self.exact_int(e.left), INT, isinstance(e.left, N.Number))
                b = Expr(self.exact_int(e.right), INT, isinstance(e.right, N.Number))
                return Expr(f"({t} if {self.range_check(op, a, b, t)} else wrap_int({t}))", INT)
            return Expr(f"({t} if {RANGE.format(f'({t} := {self.exact_int(e)})')} else wrap_int({t}))", INT)
        if op in TREE_OPS:
            tree = self.numeric_tree(e)
            if tree is not None:
                return tree
        a = self.ex(e.left)
        b = self.ex(e.right)
        return self.arith(op, a, b, e)

    def exact_int(self, e: N.Node) -> str:
        """Python code for an integer + - * tree without intermediate wrapping
        (leaves are compiled normally)."""
        if isinstance(e, N.BinOp) and e.op in ("+", "-", "*") and types.expr_type(e, {}) == INT:
            return f"({self.exact_int(e.left)} {e.op} {self.exact_int(e.right)})"
        if isinstance(e, N.UnOp) and e.op == "-" and types.expr_type(e, {}) == INT \
                and not isinstance(e.operand, N.Number):
            return f"(-{self.exact_int(e.operand)})"
        if isinstance(e, N.Paren):
            return self.exact_int(e.expr)
        return self.ex(e).code

    def bind2(self, a: Expr, b: Expr) -> tuple:
        """Evaluate ``a`` then ``b`` once each: (prefix, ref_a, ref_b).
        ``prefix`` (possibly empty) is an always-true conjunct that binds the
        complex operands in Lua's left-to-right order."""
        ab, ar = self.simple(a)
        bb, br = self.simple(b)
        pre = []
        if a.volatile and not b.simple:
            ab, ar = self.bound(a)
            pre.append(f"{ab} is {ar}")
        elif not a.simple:
            pre.append(f"{ab} is {ar}")
        if not b.simple:
            pre.append(f"{bb} is {br}")
        return (" and ".join(pre) + " and ") if pre else "", ar, br

    @staticmethod
    def range_check(op: str, a: Expr, b: Expr, t: str) -> str:
        """``(t := a op b)`` inside a 64-bit range test; adding or subtracting a
        small constant can only leave the range on one side."""
        for x, other, sign in ((b, a, 1), (a, b, 1 if op == "+" else None)):
            if sign is None or op not in ("+", "-"):
                continue
            if x.simple and x.ty == INT:
                try:
                    k = int(x.code.strip("()"))
                except ValueError:
                    continue
                if 0 <= k < 2**31:
                    up = op == "+"
                elif -(2**31) < k < 0:
                    up = op == "-"
                else:
                    continue
                expr = f"({t} := {a.code} {op} {b.code})"
                return f"{expr} <= {MAXINT}" if up else f"{expr} >= {MININT}"
        return RANGE.format(f"({t} := {a.code} {op} {b.code})")

    def arith(self, op: str, a: Expr, b: Expr, e: N.BinOp) -> Expr:
        da, db = self.describe(e.left), self.describe(e.right)
        kind = "bitwise" if op in ("&", "|", "~", "<<", ">>") else "arith"
        sid = self.site(kind, e.line, da, db)
        helper = ARITH_HELPER[op]
        ta, tb = a.ty, b.ty
        if op in ("+", "-", "*"):
            if ta == FLOAT and tb in NUMS or tb == FLOAT and ta in NUMS:
                return Expr(f"({a.code} {op} {b.code})", FLOAT)
            t = self.temp()
            if ta == INT and tb == INT:
                return Expr(f"({t} if {self.range_check(op, a, b, t)} else wrap_int({t}))", INT)
            pre, ar, br = self.bind2(a, b)
            c = self.temp()
            if ta == INT or tb == INT:
                u = br if ta == INT else ar
                code = (f"({t} if {pre}({c} := {self.cls(u)}) is int and {self.range_check(op, Expr(ar, ta, True), Expr(br, tb, True), t)} else "
                        f"({ar} {op} {br} if {c} is float else {helper}({ar}, {br})))")
                return Expr(self.mark(sid, code))
            if ta == FLOAT or tb == FLOAT:
                u = br if ta == FLOAT else ar
                code = f"({ar} {op} {br} if {pre}(({c} := {self.cls(u)}) is float or {c} is int) else {helper}({ar}, {br}))"
                return Expr(self.mark(sid, code))
            int_case = f"{c} is int and {RANGE.format(f'({t} := {ar} {op} {br})')}"
            float_case = f"{c} is float and (({t} := {ar} {op} {br}) is {t})"
            cases = f"{float_case} or {int_case}" if self.fn.floaty else f"{int_case} or {float_case}"
            code = (f"({t} if {pre}({c} := {self.cls(ar)}) is {self.cls(br)} and ({cases}) "
                    f"else {helper}({ar}, {br}))")
            return Expr(self.mark(sid, code))
        pre, ar, br = self.bind2(a, b)
        if op == "/":
            c = self.temp()
            d = self.temp()
            ga = "" if ta in NUMS else f"(({c} := {self.cls(ar)}) is float or {c} is int) and "
            gb = "" if tb in NUMS else f"(({d} := {self.cls(br)}) is float or {d} is int) and "
            code = f"({ar} / {br} if {pre}{ga}{gb}{br} else {helper}({ar}, {br}))"
            return Expr(self.mark(sid, code), FLOAT if ta in NUMS and tb in NUMS else None)
        if op in ("//", "%"):
            if ta == INT and tb == INT and isinstance(e.right, N.Number) and e.right.value > 0:
                return Expr(f"({a.code} {op} {b.code})", INT)
            ga = "" if ta == INT else f"{self.cls(ar)} is int and "
            gb = "" if tb == INT else f"{self.cls(br)} is int and "
            code = f"({ar} {op} {br} if {pre}{ga}{gb}{br} > 0 else {helper}({ar}, {br}))"
            return Expr(self.mark(sid, code), INT if ta == INT and tb == INT else None)
        if op == "^":
            if isinstance(e.right, N.Number) and 0 < e.right.value <= 1 and ta != INT:
                # x ^ k with 0 < k <= 1 cannot overflow: Python's float ** is
                # IEEE pow for a positive float base
                c = self.temp()
                kf = repr(float(e.right.value))
                code = f"({ar} ** {kf} if {pre}{self.cls(ar)} is float and {ar} > 0.0 else {helper}({ar}, {br}))"
                return Expr(self.mark(sid, code), FLOAT if ta == FLOAT else None)
            if ta in NUMS and tb in NUMS:
                return Expr(self.mark(sid, f"float_pow({a.code}, {b.code})"), FLOAT)
            return Expr(self.mark(sid, f"{helper}({a.code}, {b.code})"))
        if op in ("&", "|", "~"):
            pyop = "^" if op == "~" else op
            if ta == INT and tb == INT:
                return Expr(f"({a.code} {pyop} {b.code})", INT)
            ga = "" if ta == INT else f"{self.cls(ar)} is int and "
            gb = "" if tb == INT else f"{self.cls(br)} is int"
            guard = (ga + gb) if gb else ga[:-5]
            code = f"({ar} {pyop} {br} if {pre}{guard} else {helper}({ar}, {br}))"
            return Expr(self.mark(sid, code))
        # shifts
        return Expr(self.mark(sid, f"{helper}({a.code}, {b.code})"))

    def concat(self, e: N.BinOp) -> Expr:
        operands = []
        node = e
        while isinstance(node, N.BinOp) and node.op == "..":
            operands.append(node.left)
            node = node.right
        operands.append(node)
        exprs = [self.ex(x) for x in operands]
        if all(x.ty in (STR, INT) for x in exprs):
            # strings and integers only: plain bytes concatenation
            parts = [x.code if x.ty == STR else f"(b'%d' % {x.code})" for x in exprs]
            return Expr(f"({' + '.join(parts)})", STR)
        if len(exprs) == 2:
            a, b = exprs
            sid = self.site("concat", e.line, self.describe(operands[0]), self.describe(operands[1]))
            if a.ty == STR and b.ty == STR:
                return Expr(f"({a.code} + {b.code})", STR)
            if a.ty in NUMS or b.ty in NUMS:
                known = a.ty in (STR, INT, FLOAT) and b.ty in (STR, INT, FLOAT)
                return Expr(self.mark(sid, f"concat({a.code}, {b.code})"), STR if known else None)
            pre, ar, br = self.bind2(a, b)
            guards = []
            if a.ty != STR:
                guards.append(f"{self.cls(ar)} is bytes")
            if b.ty != STR:
                guards.append(f"{self.cls(br)} is bytes")
            return Expr(self.mark(sid, f"({ar} + {br} if {pre}{' and '.join(guards)} else concat({ar}, {br}))"))
        sid = self.site("concat", e.line, *[self.describe(x) for x in operands])
        known = all(x.ty in (STR, INT, FLOAT) for x in exprs)
        return Expr(self.mark(sid, f"concat_n({', '.join(x.code for x in exprs)})"), STR if known else None)

    def logic(self, e: N.BinOp) -> Expr:
        a = self.ex(e.left)
        b = self.ex(e.right)
        if a.ty == BOOL:
            return Expr(f"({a.code} {e.op} {b.code})", BOOL if b.ty == BOOL else None)
        ab, ar = self.simple(a)
        if e.op == "and":
            return Expr(f"({ar} if {ab} is None or {ar} is False else {b.code})")
        return Expr(f"({ar} if {ab} is not None and {ar} is not False else {b.code})")

    def compare(self, e: N.BinOp) -> str:
        """A Python expression giving a Python bool."""
        op = e.op
        a = self.ex(e.left)
        b = self.ex(e.right)
        if op in ("==", "~="):
            return self.equality(op, a, b)
        # Lua reports a failed comparison on the line of its last operand
        if a.ty in NUMS and b.ty in NUMS or a.ty == STR and b.ty == STR:
            return f"{a.code} {op} {b.code}"  # Python's order is Lua's here
        sid = self.site("compare", max(e.line, e.right.line))
        if op in (">", ">="):  # a > b is b < a; operands still run left to right
            op = "<" if op == ">" else "<="
            pre, ar, br = self.bind2(a, b)
            a, b = Expr(br, b.ty, True), Expr(ar, a.ty, True)
        else:
            pre, ar, br = self.bind2(a, b)
            a, b = Expr(ar, a.ty, True), Expr(br, b.ty, True)
        helper = "lt" if op == "<" else "le"
        if a.ty in NUMS and b.ty in NUMS or a.ty == STR and b.ty == STR:
            return f"{pre}{a.code} {op} {b.code}"
        c = self.temp()
        if a.ty in NUMS or b.ty in NUMS:
            u = b.code if a.ty in NUMS else a.code
            return pre + self.mark(sid, f"({a.code} {op} {b.code} if ({c} := {self.cls(u)}) is int or {c} is float else {helper}({a.code}, {b.code}))")
        return pre + self.mark(
            sid,
            f"({a.code} {op} {b.code} if ({c} := {self.cls(a.code)}) is {self.cls(b.code)} and ({c} is int or {c} is float or {c} is bytes) else {helper}({a.code}, {b.code}))",
        )

    def equality(self, op: str, a: Expr, b: Expr) -> str:
        neg = op == "~="
        for x, y in ((a, b), (b, a)):
            if x.ty == NIL:
                return f"{y.code} is {'not ' if neg else ''}None"
            if x.ty == BOOL and x.code in ("True", "False"):
                return f"{y.code} is {'not ' if neg else ''}{x.code}"
        pyop = "!=" if neg else "=="
        if a.ty in NUMS and b.ty in NUMS or a.ty == STR and b.ty == STR:
            return f"{a.code} {pyop} {b.code}"
        for x in (a, b):
            if x.simple and (x.ty == STR or x.ty in NUMS and x.code not in ("0", "1", "0.0", "1.0")):
                # a string or number constant: Python's == is Lua's
                return f"{a.code} {pyop} {b.code}"
        pre, ar, br = self.bind2(a, b)
        for x, y in ((a, br), (b, ar)):
            if x.ty in NUMS and x.simple:  # 0 or 1: Python's True == 1
                k = x.code
                code = f"({y} == {k} and {self.cls(y)} is not bool)"
                return f"{pre}{'not ' if neg else ''}{code}"
        c = self.temp()
        code = f"({ar} == {br} if ({c} := {self.cls(ar)}) is {self.cls(br)} and {c} is not Table and {c} is not Userdata and {c} is not ClassTable else eq({ar}, {br}))"
        return f"{pre}{'not ' if neg else ''}{code}"

    # conditions (Python truthiness == Lua truthiness)
    def cond(self, e: N.Node) -> str:
        if isinstance(e, N.BinOp):
            if e.op in ("==", "~=", "<", "<=", ">", ">="):
                return self.compare(e)
            if e.op == "and":
                return f"({self.cond(e.left)}) and ({self.cond(e.right)})"
            if e.op == "or":
                return f"({self.cond(e.left)}) or ({self.cond(e.right)})"
        if isinstance(e, N.UnOp) and e.op == "not":
            return self.cond_not(e.operand)
        if isinstance(e, (N.TrueExpr, N.Number, N.String, N.Table, N.Function)):
            if isinstance(e, (N.Table, N.Function)):
                x = self.ex(e)
                return f"{x.code} is not None"
            return "True"
        if isinstance(e, (N.Nil, N.FalseExpr)):
            return "False"
        x = self.ex(e)
        if x.ty == BOOL:
            return x.code
        xb, xr = self.simple(x)
        return f"{xb} is not None and {xr} is not False"

    def cond_not(self, e: N.Node) -> str:
        if isinstance(e, N.BinOp) and e.op in ("==", "~=", "<", "<=", ">", ">=", "and", "or"):
            return f"not ({self.cond(e)})"
        if isinstance(e, N.UnOp) and e.op == "not":
            return self.cond(e.operand)
        x = self.ex(e)
        if x.ty == BOOL:
            return f"not {x.code}"
        xb, xr = self.simple(x)
        return f"({xb} is None or {xr} is False)"


class _CondBreak(N.Node):
    """Internal statement: ``if cond then flag = true end`` (repeat-until
    inside the scope of a to-be-closed variable)."""

    __slots__ = ("cond", "flag", "line")

    def __init__(self, cond, flag, line):
        self.cond = cond
        self.flag = flag
        self.line = line


def _table_nesting(e: N.Table) -> int:
    """How deeply constructors nest in ``e`` (directly, as field values)."""
    deepest, todo = 0, [(e, 1)]
    while todo:
        node, level = todo.pop()
        deepest = max(deepest, level)
        for f in node.fields:
            v = types.unparen(f.value)
            if isinstance(v, N.Table):
                todo.append((v, level + 1))
    return deepest


def _pure_field(f: N.TableField, nested_ok: bool) -> bool:
    """A literal-keyed field whose value is a literal or a never-reassigned
    local (or, with ``nested_ok``, a constructor: its fields are checked on
    their own)."""
    if f.key is not None and not isinstance(f.key, N.String):
        return False
    v = types.unparen(f.value)
    if isinstance(v, N.Name):
        return v.var is not None and not v.var.assigned
    return (isinstance(v, (N.Number, N.String, N.TrueExpr, N.FalseExpr, N.Nil))
            or nested_ok and isinstance(v, N.Table))


def _pure_nest(e: N.Table) -> bool:
    """Does every constructor of the nest read only literals, unchanging
    locals and nested constructors of the same kind?"""
    todo = [e]
    while todo:
        node = todo.pop()
        for f in node.fields:
            if not _pure_field(f, True):
                return False
            v = types.unparen(f.value)
            if isinstance(v, N.Table):
                todo.append(v)
    return True


def _pure_fields(e: N.Table) -> bool:
    """Do all fields of a literal-keyed constructor read only literals and
    never-reassigned locals?"""
    return len(e.fields) <= 16 and all(_pure_field(f, False) for f in e.fields)


def _private(e) -> bool:
    """A local holding a table no other code can reach (private_tables.py)."""
    e = types.unparen(e) if e is not None else None
    return isinstance(e, N.Name) and e.var is not None and e.var.private


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
                    and _int_literal(e.right) == 1):
                found.append(id(e))
        assigned = {n.var for a in inner if isinstance(a, (N.Assign, N.Local)) for n in getattr(a, "targets", ())
                    if isinstance(n, N.Name)}
        for v in assigned:
            step.pop(v, None)
        if not step:
            break
    return found


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
    op, x, k = test.op, test.left, _int_literal(test.right)
    if op in (">", ">="):
        op, x, k = ("<" if op == ">" else "<="), test.right, _int_literal(test.left)
    if op not in ("<", "<=") or k is None or not isinstance(x, N.Name):
        return None
    v = x.var
    if v is None or v.assigned or v.boxed or v.static_type != INT:
        return None
    return (v, k if op == "<" else k + 1)


def _literal(e: N.Node) -> bool:
    """A number, string or boolean literal (nil is left to the general path)."""
    return isinstance(types.unparen(e), (N.Number, N.String, N.TrueExpr, N.FalseExpr))


def _folded_int(e: N.Node) -> Optional[int]:
    """The value of an integer constant expression as reference Lua's
    compiler folds it (literals, unary minus, + - * // %), else None."""
    e = types.unparen(e)
    if isinstance(e, N.Number):
        return e.value if e.value.__class__ is int else None
    if isinstance(e, N.UnOp) and e.op == "-":
        v = _folded_int(e.operand)
        return None if v is None else wrap_int(-v)
    fold = _INT_FOLDS.get(e.op) if isinstance(e, N.BinOp) else None
    if fold is not None:
        a, b = _folded_int(e.left), _folded_int(e.right)
        if a is None or b is None or e.op in ("//", "%") and b == 0:
            return None
        return wrap_int(fold(a, b))
    return None


# Lua's integer // and % floor like Python's
_INT_FOLDS = {"+": operator.add, "-": operator.sub, "*": operator.mul, "//": operator.floordiv, "%": operator.mod}


def _int_literal(e: N.Node) -> Optional[int]:
    """The value of an integer literal, possibly negated; else None."""
    if isinstance(e, N.UnOp) and e.op == "-" and isinstance(e.operand, N.Number):
        v = e.operand.value
        return -v if v.__class__ is int else None
    if isinstance(e, N.Number) and e.value.__class__ is int:
        return e.value
    return None


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


def _exact_tree(e: N.Node) -> bool:
    """Is ``e`` compiled by exact_int as an unwrapped + - * tree?"""
    e = types.unparen(e)
    return (isinstance(e, N.BinOp) and e.op in ("+", "-", "*")
            or isinstance(e, N.UnOp) and e.op == "-") and types.expr_type(e, {}) == INT


def _jumps_out(body_nodes: list) -> bool:
    """Does a loop body (its nodes) contain break, goto or a label (outside
    nested functions)?"""
    for n in body_nodes:
        if isinstance(n, (N.Break, N.Goto, N.Label)):
            return True
    return False


def is_multi(e: N.Node) -> bool:
    """Can this expression produce several values (at the end of a list)?
    A call of a local function known to return one value cannot."""
    if isinstance(e, N.Call):
        f = e.func
        return not (isinstance(f, N.Name) and f.var is not None and f.var.single_return)
    return isinstance(e, (N.MethodCall, N.Vararg))


# ------------------------------------------------------------ positions


def _strip_marks(text: str, pyline: int, spans_of: dict) -> str:
    """``text`` without its site markers (``\\x01<id>\\x02`` opens a site,
    ``\\x03`` closes the innermost open one); records each site's span.
    (Splitting on the marker characters runs at C speed; a regular
    expression scanning every line character by character took most of
    finish's time.)"""
    pieces = text.split("\x01")
    parts = [pieces[0]]
    col = len(pieces[0])  # column in the clean text
    stack = []  # (site id, start column) of the open sites
    for piece in pieces[1:]:
        j = piece.index("\x02")
        stack.append((int(piece[:j]), col))
        rest = piece[j + 1:]
        if "\x03" in rest:
            *closed, rest = rest.split("\x03")
            for seg in closed:  # each is followed by the end of a site
                parts.append(seg)
                col += len(seg)
                sid, start = stack.pop()
                spans_of[sid] = (pyline, start, col)
        parts.append(rest)
        col += len(rest)
    return "".join(parts)


def finish(gen: CodeGen) -> str:
    """Strip the site markers from the generated text and write each
    function's docstring: its sites, the column span of each site on its
    Python line, and a run-length map from Python lines to Lua lines. The
    error translator (runtime/trace.py) reads them back."""
    lines = gen.lines
    linemap = gen.linemap
    spans_of: dict = {}  # site id -> (pyline, start col, end col)
    clean = []
    for i, text in enumerate(lines):
        if "\x01" in text:
            text = _strip_marks(text, i + 1, spans_of)
        clean.append(text)
    # each function's body: its docstring line and every line after it that
    # is blank or indented at least as deeply (one pass, a stack of the
    # functions still open)
    bodies = []  # [docstring line, end line (exclusive)]
    open_ = []  # [indent width, body] of the functions still open, innermost last
    for i, text in enumerate(clean):
        s = text.lstrip(" ")
        if not s or s.isspace():
            continue
        width = len(text) - len(s)
        while open_ and width < open_[-1][0]:
            open_.pop()[1][1] = i
        if s[0] == "\x04":
            body = [i, len(clean)]
            bodies.append(body)
            open_.append((width, body))
    # the Python lines where the Lua line changes (a function's run-length
    # map is its first line plus those inside its body)
    changes = [ln for ln in range(1, len(linemap)) if linemap[ln] != linemap[ln - 1]]
    for first, end in bodies:
        text = clean[first]
        s = text.lstrip(" ")
        chunk, name, line, sites = gen.docs[int(s[1:])]
        indent = text[: len(text) - len(s)]
        # the def is on the line before: lines first - 1 .. end are the body
        runs = [[first, linemap[first - 1]]]
        runs += [[ln + 1, linemap[ln]] for ln in changes[bisect_right(changes, first - 1):bisect_left(changes, end)]]
        spans = {k: spans_of[k] for k in sites if k in spans_of}
        info = [chunk, name, line, sites, spans, runs]
        clean[first] = indent + repr("\x00" + json.dumps(info, separators=(",", ":")))
    return "\n".join(clean) + "\n"


def generate(chunk: N.Chunk, model: costs.CostModel, metered: bool = True) -> tuple:
    """Return (Python source text, scope costs) for a resolved chunk.
    ``metered=False`` leaves out every charge (only to measure metering)."""
    nodes = BodyNodes(chunk)
    mark_private_tables(nodes.bodies)
    gen = CodeGen(chunk.source_name, model, nodes, metered)
    gen.chunk(chunk)
    return finish(gen), gen.scope_costs[0]
