"""Arithmetic, bitwise, concatenation, comparison and unary operators.

Each operator is a guarded fast path (operand classes checked inline, the
Python operator when Lua's and Python's agree) and a runtime helper call for
everything else; static types remove guards. Integer results wrap to 64
bits (``wrap_int`` when the range test fails); a whole integer ``+ - *``
tree is computed exactly and wrapped once. Trees of ``+ - * /`` with one
guard over their leaves are in ``numtrees.py``. Runtime helpers emitted:
``arith_*``, ``bit_*``, ``float_pow``, ``wrap_int``, ``concat``, ``concat_n``,
``lt``, ``le``, ``eq``, ``length``, ``Table``, ``ClassTable``, ``Userdata``.
"""

from __future__ import annotations

from ..syntax import nodes as N
from . import types
from .expr import BOOL, FLOAT, INT, NIL, NUMS, STR, TABLE, Expr
from .numtrees import TREE_OPS
from .predicates import int_literal, is_private
from .runtime_names import CONCAT_INLINE_MAX, MAXINT, MININT, wrap_int


ARITH_HELPER = {
    "+": "arith_add", "-": "arith_sub", "*": "arith_mul", "/": "arith_div",
    "//": "arith_idiv", "%": "arith_mod", "^": "arith_pow",
    "&": "bit_and", "|": "bit_or", "~": "bit_xor", "<<": "bit_shl", ">>": "bit_shr",
}
RANGE = f"{MININT} <= {{}} <= {MAXINT}"


class Operators:
    """Arithmetic, bitwise, ``..``, comparison and unary operators. (A mixin of ``codegen.CodeGen``.)"""

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
                t = self.temp("res")
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
            n = self.temp("len")
            # an untyped operand may be a string: len() without a call
            fallback = f"length({xr})" if x.ty == TABLE else f"(len({xr}) if {self.cls(xr)} is bytes else length({xr}))"
            code = f"({n} if {self.border_test(x, xb, xr, is_private(e.operand), n)} else {fallback})"
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
            c = int_literal(e.right)
            if op == "-" and isinstance(e.left, N.Name) and c is not None and c >= 0:
                low = self.fn.lower_bounds.get(e.left.var)
                if low is not None and low - c >= MININT:
                    # n - 1 after `if n < 2 then return ... end`: cannot wrap
                    return Expr(f"({self.ex(e.left).code} - {c})", INT)
            # Wrapping to 64 bits commutes with + - *: compute the whole
            # integer tree exactly and wrap once at its root.
            t = self.temp("res")
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
            t = self.temp("res")
            if ta == INT and tb == INT:
                return Expr(f"({t} if {self.range_check(op, a, b, t)} else wrap_int({t}))", INT)
            pre, ar, br = self.bind2(a, b)
            c = self.temp("cls")
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
            c = self.temp("cls")
            d = self.temp("cls")
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
                c = self.temp("cls")
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
            sid = self.site("concat", e.line, *[self.describe(x) for x in operands])
            return Expr(self.mark(sid, self.sized(" + ".join(parts))), STR)
        if len(exprs) == 2:
            a, b = exprs
            sid = self.site("concat", e.line, self.describe(operands[0]), self.describe(operands[1]))
            if a.ty == STR and b.ty == STR:
                return Expr(self.mark(sid, self.sized(f"{a.code} + {b.code}")), STR)
            if a.ty in NUMS or b.ty in NUMS:
                known = a.ty in (STR, INT, FLOAT) and b.ty in (STR, INT, FLOAT)
                return Expr(self.mark(sid, f"concat({a.code}, {b.code})"), STR if known else None)
            pre, ar, br = self.bind2(a, b)
            guards = []
            if a.ty != STR:
                guards.append(f"{self.cls(ar)} is bytes")
            if b.ty != STR:
                guards.append(f"{self.cls(br)} is bytes")
            r = self.temp("str")
            # a long result is built again by concat, which charges it
            return Expr(self.mark(sid, f"({r} if {pre}{' and '.join(guards)} and len({r} := {ar} + {br}) < "
                                       f"{CONCAT_INLINE_MAX} else concat({ar}, {br}))"))
        sid = self.site("concat", e.line, *[self.describe(x) for x in operands])
        known = all(x.ty in (STR, INT, FLOAT) for x in exprs)
        return Expr(self.mark(sid, f"concat_n({', '.join(x.code for x in exprs)})"), STR if known else None)

    def sized(self, code: str) -> str:
        """A concatenation known to give a string: a long result goes to
        ``concat_big``, which charges it by size and enforces the Engine's
        ``max_string_size``."""
        r = self.temp("str")
        return f"({r} if len({r} := {code}) < {CONCAT_INLINE_MAX} else concat_big({r}))"

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
        c = self.temp("cls")
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
        c = self.temp("cls")
        code = f"({ar} == {br} if ({c} := {self.cls(ar)}) is {self.cls(br)} and {c} is not Table and {c} is not Userdata and {c} is not ClassTable else eq({ar}, {br}))"
        return f"{pre}{'not ' if neg else ''}{code}"


def _exact_tree(e: N.Node) -> bool:
    """Is ``e`` compiled by exact_int as an unwrapped + - * tree?"""
    e = types.unparen(e)
    return (isinstance(e, N.BinOp) and e.op in ("+", "-", "*")
            or isinstance(e, N.UnOp) and e.op == "-") and types.expr_type(e, {}) == INT
