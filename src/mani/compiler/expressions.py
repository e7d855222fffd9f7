"""Expressions that are not operators, calls or constructors: literals,
names, varargs, indexing, ``and``/``or``, and conditions.

Every ``e_<Node>`` method returns an ``Expr`` (Python text, static type,
whether it is cheap to repeat). An index is a direct ``dict`` read when the
object is a ``Table``, with ``index`` (runtime) for everything else
(metatables, strings, errors). ``cond`` compiles an expression used as a
condition straight to a Python truth test. ``describe`` says how Lua's error
messages name an expression (``local 'x'``, ``field 'y'``). Runtime helpers
emitted: ``index``, ``NAN``, ``INF``.
"""

from __future__ import annotations

from ..syntax import nodes as N
from ..syntax.resolve import Var
from . import types
from .expr import BOOL, FLOAT, INT, NIL, STR, TABLE, FUNC, Expr
from .predicates import folded_int


class Expressions:
    """Literals, names, indexing, ``and``/``or``, conditions. (A mixin of ``codegen.CodeGen``.)"""

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

    def ex_obj(self, e: N.Node) -> Expr:
        """``e`` as the object of an index or a method call: Python reads
        ``10.meta`` as a malformed number, ``(10).meta`` as an attribute."""
        x = self.ex(e)
        if x.code[:1].isdigit():
            x = Expr(f"({x.code})", x.ty, x.simple)
        return x

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
        return self.index_expr(self.ex_obj(e.obj), self.ex(e.key), e.line, self.describe(e.obj))

    def simple(self, x: Expr) -> tuple:
        """(binding code, reference code): bind a temp if ``x`` is complex."""
        if x.simple:
            return x.code, x.code
        return self.bound(x)

    def bound(self, x: Expr) -> tuple:
        """(binding code, reference code) of a new temp holding ``x``."""
        t = self.temp("val")
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
        if isinstance(e, N.Index) and (k := folded_int(e.key)) is not None and 0 <= k <= 255:
            # reference Lua's GETI/SETI: an integer constant (after its
            # constant folding) that fits the instruction's 8-bit operand
            return "field 'integer index'"
        if isinstance(e, N.Index):
            if isinstance(e.key, N.String):
                # a field of a variable called _ENV is a global, as Lua names it
                obj = types.unparen(e.obj)
                kind = "global" if isinstance(obj, N.Name) and obj.name == "_ENV" else "field"
                try:
                    return f"{kind} '{e.key.value.decode()}'"
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

    def logic(self, e: N.BinOp) -> Expr:
        a = self.ex(e.left)
        b = self.ex(e.right)
        if a.ty == BOOL:
            return Expr(f"({a.code} {e.op} {b.code})", BOOL if b.ty == BOOL else None)
        ab, ar = self.simple(a)
        if e.op == "and":
            return Expr(f"({ar} if {ab} is None or {ar} is False else {b.code})")
        return Expr(f"({ar} if {ab} is not None and {ar} is not False else {b.code})")

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
