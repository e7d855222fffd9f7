"""Calls, method calls and multiple results.

A call passing at most ``SPARE_ARGS`` arguments is a plain Python call (the
callee has spare optional parameters); one that may pass more goes through
``call_n``. A call returns one value as itself and several as a tuple: in
single-value position it is guarded by ``r.__class__ is tuple``, at the end
of a list it is spread with ``*mv(r)``. A method call reads the metatable's
method cache inline. Runtime helpers emitted: ``call_n``, ``mv``, ``first``,
``adjust``, ``lookup_method``.
"""

from __future__ import annotations

from typing import Optional

from ..syntax import nodes as N
from . import types
from .expr import NON_NIL, Expr
from .predicates import is_multi

# Lua functions take this many spare optional parameters beyond their own, so
# that a call passing up to SPARE_ARGS arguments is always a plain Python call
# (CPython specialises and inlines calls to functions without *args; with
# *args every call would go through C, twice as slow). Calls that may pass
# more go through ops.call_n, which drops the extra arguments.
SPARE_ARGS = 4


class Calls:
    """Calls, method calls, argument lists and multiple results. (A mixin of ``codegen.CodeGen``.)"""

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
            t = self.temp("res")  # a call returning exactly n values needs no helper
            return f"({t} if ({t} := {tail}).__class__ is tuple and len({t}) == {need} else adjust({t}, {need}))"
        codes = [self.ex(e).code for e in exprs]
        if len(codes) < n:
            codes += ["None"] * (n - len(codes))
            return ", ".join(codes)
        if len(codes) > n:
            return f"({', '.join(codes)},)[:{n}]" if n > 1 else f"({', '.join(codes)},)[0]"
        return ", ".join(codes)

    @staticmethod
    def method_name(e: N.MethodCall) -> str:
        """How errors name the method of ``o:m(...)`` (only the call itself:
        its result is anonymous, as in reference Lua)."""
        return f"method '{e.name.decode(errors='replace')}'"

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
            obj = self.ex_obj(e.obj)
            ob, o = self.simple(obj)
            key = repr(e.name)
            isid = self.site("index", e.line, self.describe(e.obj))
            fn = self.mark(isid, self.method_lookup(ob, o, key))
            if tail:
                fn = self.tail_callee(fn, False)
            args = self.args_code(e.args)
            sid = self.site(kind, e.line, self.method_name(e))
            if self.needs_call_n(e.args, 1):
                return self.mark(sid, f"call_n({fn}, {o}{', ' + args if args else ''})")
            return self.mark(sid, f"{fn}({o}{', ' + args if args else ''})")
        fn = self.ex(e.func)
        callee = self.tail_callee(fn.code, fn.simple) if tail else fn.code
        args = self.args_code(e.args)
        sid = self.site(kind, e.line, self.describe(e.func))
        if self.needs_call_n(e.args) and not self.callee_takes(e, None if e.args and is_multi(e.args[-1]) else len(e.args)):
            return self.mark(sid, f"call_n({callee}{', ' + args if args else ''})")
        return self.mark(sid, f"{callee}({args})")

    def tail_callee(self, code: str, simple: bool) -> str:
        """The callee of a tail call: itself, except at every TAIL_PERIOD-th
        tail call of the State, when ``tail_deep`` may replace it by an
        entry that keeps chains of tail calls off the Python stack
        (runtime/tailcalls.py). Evaluated once, before the arguments."""
        self.fn.nonlocals.add("_T")
        if simple:
            return f"({code} if (_T := _T - 1) else tail_deep({code}))"
        t = self.temp("callee")
        return f"({t} if ({t} := {code}) is {t} and (_T := _T - 1) else tail_deep({t}))"

    def method_lookup(self, ob: str, o: str, key: str) -> str:
        """``o.key`` for a method call (``ob`` binds ``o``): a plain table
        without the field whose metatable's method cache has it, inline;
        anything else through ``lookup_method`` (runtime.methods)."""
        m, mc = self.temp("meta"), self.temp("mcache")
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
            t = self.temp("held")
            binds.append(f"({t} := {code}) is {t}")
            return t

        lead = []
        if method:
            obj = self.ex_obj(e.obj)
            o = held(e.obj, obj.code, obj.simple)
            isid = self.site("index", e.line, self.describe(e.obj))
            lookup = self.mark(isid, self.method_lookup(o, o, repr(e.name)))
            callee = held(None, self.tail_callee(lookup, False) if kind == "tailcall" else lookup, False)
            lead.append(o)
            desc = self.method_name(e)
        else:
            fn = self.ex(e.func)
            if kind == "tailcall":
                callee = held(None, self.tail_callee(fn.code, fn.simple), False)
            else:
                callee = held(e.func, fn.code, fn.simple)
            desc = self.describe(e.func)
        fixed = lead + [self.ex(a).code for a in args[:-1]]
        inner = self.call_raw(args[-1])
        sid = self.site(kind, e.line, desc)
        t = self.temp("res")
        test = " and ".join(binds + [f"({t} := {inner}).__class__ is not tuple"])
        pre = "".join(f"{c}, " for c in fixed)
        return self.mark(sid, f"({callee}({pre}{t}) if {test} else call_n({callee}, {pre}*{t}))")

    def e_Call(self, e: N.Call) -> Expr:
        if isinstance(e, N.Call) and isinstance(e.func, N.Name) and e.func.var is not None and e.func.var.single_return:
            ty = types.expr_type(e, {})
            return Expr(self.call_raw(e), ty if ty in NON_NIL else None)
        t = self.temp("res")
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
