"""Static types of locals, so the code generator can drop type guards.

A local gets a type (int, float, string, boolean, table, function) when every
value ever assigned to it has that type, judged only from literals, other
typed locals and operators whose result type cannot depend on metamethods
(``int + int`` is an int; ``x + 1`` with ``x`` unknown is not: ``x`` could be
a table with ``__add``). Locals assigned from inner functions or from calls
stay untyped. The analysis is optimistic and then verified: assume the type
of the known assignments, check that every assignment produces it, drop the
locals that fail, repeat.
"""

from __future__ import annotations

from typing import Optional

from ..syntax import nodes as N
from .subtrees import walk

INT, FLOAT, STR, BOOL, TABLE, FUNC = "int", "float", "str", "bool", "table", "func"
NUMS = (INT, FLOAT)
PENDING = "?"


class _Collector:
    def __init__(self, scope) -> None:
        self.scope = scope
        self.assigns: dict = {}  # Var -> list of (expr or type marker)

    def add(self, var, rhs) -> None:
        if var.func is self.scope:
            self.assigns.setdefault(var, []).append(rhs)

    def block(self, b: N.Block) -> None:
        for s in b.stmts:
            self.stmt(s)

    def stmt(self, s) -> None:
        t = type(s)
        if t is N.Local:
            exprs = s.exprs
            for i, v in enumerate(s.vars):
                if v.attrib == "close":
                    self.add(v, None)
                elif i < len(exprs) and not (i == len(exprs) - 1 and len(s.vars) > len(exprs) and _multi(exprs[i])):
                    self.add(v, exprs[i] if not _multi(exprs[i]) else None)
                else:
                    self.add(v, None)
        elif t is N.LocalFunction:
            self.add(s.var, FUNC)
        elif t is N.Assign:
            single = len(s.targets) == len(s.exprs)
            for i, tg in enumerate(s.targets):
                if isinstance(tg, N.Name) and tg.var is not None:
                    if tg.var.func is not self.scope:
                        tg.var.assigned_outside = True
                    rhs = s.exprs[i] if single and not _multi(s.exprs[i]) else None
                    self.add(tg.var, rhs)
        elif t is N.Do:
            self.block(s.body)
        elif t is N.While or t is N.Repeat:
            self.block(s.body)
        elif t is N.If:
            for _, body in s.tests:
                self.block(body)
            if s.orelse is not None:
                self.block(s.orelse)
        elif t is N.NumericFor:
            self.add(s.var_info, ("for", s))
            self.block(s.body)
        elif t is N.GenericFor:
            for v in s.vars:
                self.add(v, None)
            self.block(s.body)


def _multi(e) -> bool:
    return isinstance(e, (N.Call, N.MethodCall, N.Vararg))


# expr_type looks this many levels into an expression, no deeper: beyond,
# a subexpression's type is unknown (guards stay). Without the bound the
# generator, which asks for the type of every operand of every operator,
# took time cubic in the length of a chain like 1 + 1 + ... + 1.
MAX_TYPE_DEPTH = 32


def expr_type(e, types: dict, depth: int = 0) -> Optional[str]:
    """The static type of an expression given local types (None: unknown,
    PENDING: depends on a local not yet typed)."""
    if depth > MAX_TYPE_DEPTH:
        return None
    depth += 1
    t = type(e)
    # the most frequent classes first (the code generator asks for the
    # type of every operand of every operator)
    if t is N.Name:
        v = e.var
        if v is None:
            return None
        if v in types:
            return types[v]
        return v.static_type
    if t is N.BinOp:
        return _binop_type(e, types, depth)
    if t is N.Number:
        return INT if e.value.__class__ is int else FLOAT
    if t is N.Index:
        return None
    if t is N.String:
        return STR
    if t is N.TrueExpr or t is N.FalseExpr:
        return BOOL
    if t is N.Table:
        return TABLE
    if t is N.Function:
        return FUNC
    if t is N.Paren:
        return expr_type(e.expr, types, depth)
    if t is N.Call:
        f = e.func
        v = f.var if isinstance(f, N.Name) else None
        if v is not None and v.int_result is not None and v.single_return:
            for pos in v.int_result:
                if pos >= len(e.args):
                    return None
                at = expr_type(e.args[pos], types, depth)
                if at != INT:
                    return PENDING if at == PENDING else None
            return v.result_type
        return None
    if t is N.UnOp:
        if e.op == "not":
            return BOOL
        x = expr_type(e.operand, types, depth)
        if x == PENDING:
            return PENDING
        if e.op == "-" and x in NUMS:
            return x
        if e.op == "~" and x == INT:
            return INT
        if e.op == "#" and x == STR:
            return INT
        return None
    return None


def _binop_type(e: N.BinOp, types: dict, depth: int) -> Optional[str]:
    op = e.op
    if op in ("==", "~=", "<", "<=", ">", ">="):
        return BOOL
    a = expr_type(e.left, types, depth)
    if a is None:
        return None
    b = expr_type(e.right, types, depth)
    if b is None:
        return None
    if a == PENDING or b == PENDING:
        return PENDING
    if op in ("and", "or"):
        return a if a == b and a != BOOL or a == b == BOOL else None
    if op in ("+", "-", "*", "//", "%"):
        if a == INT and b == INT:
            return INT
        if a in NUMS and b in NUMS:
            return FLOAT
        return None
    if op in ("/", "^"):
        return FLOAT if a in NUMS and b in NUMS else None
    if op in ("&", "|", "~", "<<", ">>"):
        return INT if a == INT and b == INT else None
    if op == "..":
        return STR if a in (STR, INT, FLOAT) and b in (STR, INT, FLOAT) else None
    return None


def _rhs_type(rhs, types: dict) -> Optional[str]:
    if rhs is None:
        return None
    if isinstance(rhs, str):
        return rhs
    if isinstance(rhs, tuple):  # numeric for variable
        s = rhs[1]
        a = expr_type(s.start, types)
        c = expr_type(s.step, types) if s.step is not None else INT
        if PENDING in (a, c):
            return PENDING
        if a == INT and c == INT:
            return INT
        if a == FLOAT and c in NUMS or a in NUMS and c == FLOAT:
            b = expr_type(s.stop, types)
            return FLOAT if b in NUMS else None
        return None
    return expr_type(rhs, types)


def infer_function(fn: N.Function) -> None:
    """Set ``static_type`` on the locals of ``fn`` (not of nested functions)."""
    params = set(fn.param_vars)
    for v in fn.scope.vars:  # forget what another body variant concluded
        if v not in params:
            v.static_type = None
    col = _Collector(fn.scope)
    col.block(fn.body)
    cands = {v: rhs for v, rhs in col.assigns.items()
             if not getattr(v, "assigned_outside", False) and v not in params}
    types: dict = {v: PENDING for v in cands}
    # optimistic guess from the assignments that do not depend on pending locals
    for _ in range(len(cands) + 1):
        changed = False
        for v, rhss in cands.items():
            if types[v] is None:
                continue
            seen = {_rhs_type(r, types) for r in rhss}
            seen.discard(PENDING)
            new = PENDING if not seen else (seen.pop() if len(seen) == 1 else None)
            if new != types[v] and not (new == PENDING):
                types[v] = new
                changed = True
        if not changed:
            break
    # verify: every assignment must produce the type
    while True:
        bad = [v for v, rhss in cands.items() if types[v] not in (None, PENDING)
               and any(_rhs_type(r, types) != types[v] for r in rhss)]
        if not bad:
            break
        for v in bad:
            types[v] = None
    for v, ty in types.items():
        if ty not in (None, PENDING) and not v.boxed:
            v.static_type = ty


def _walk_no_functions(node):
    """Every node of a function body, not entering nested functions."""
    return walk(node)


def unparen(e):
    """``e`` without the parentheses around it."""
    while e.__class__ is N.Paren:
        e = e.expr
    return e


_ARITH = {"+", "-", "*", "//", "%", "<", "<=", ">", ">=", "&", "|", "~", "<<", ">>"}
MAX_SPECIALISED_NODES = 600


def int_speculation(fn: N.Function, nodes: list) -> list:
    """Parameters worth assuming to be integers: never assigned, used as
    operands of arithmetic or comparisons, as numeric-for bounds or as keys.
    The function gets a second body where they are typed (see codegen).
    ``nodes``: the nodes of its body (subtrees.BodyNodes)."""
    params = {v for v in fn.param_vars if not v.boxed and not v.assigned_outside}
    if not params or len(nodes) > MAX_SPECIALISED_NODES:
        return []
    used = set()
    no_bet = set()
    Name, BinOp = N.Name, N.BinOp
    for n in nodes:
        cls = n.__class__
        if cls is BinOp:
            if n.op == "^":
                for x in (n.left, n.right):
                    if x.__class__ is Name and x.var in params:
                        no_bet.add(x.var)  # exponentiation suggests floats: no bet
            elif n.op in _ARITH or n.op == "/":
                # with an integer literal or another parameter: probably integers
                for x, other in ((n.left, n.right), (n.right, n.left)):
                    if x.__class__ is Name and x.var in params:
                        if other.__class__ is N.Number:
                            (used if other.value.__class__ is int else no_bet).add(x.var)
                        elif other.__class__ is Name and other.var in params:
                            used.add(x.var)
        elif cls is N.NumericFor:
            for x in (n.start, n.stop, n.step):
                if x.__class__ is Name and x.var in params:
                    used.add(x.var)
        elif cls is N.Index and n.key.__class__ is Name and n.key.var in params:
            used.add(n.key.var)
        # a parameter that is indexed, called or measured is no integer (for
        # an integer those operations fail): a second body would only cost
        # its entry test (a sort comparator `#a < #b or a < b`)
        if cls is N.UnOp:
            operand = n.operand if n.op == "#" else None
        elif cls is N.Index or cls is N.MethodCall:
            operand = n.obj
        elif cls is N.Call:
            operand = n.func
        else:
            continue
        if operand.__class__ is Name and operand.var in params:
            no_bet.add(operand.var)
    spec = [v for v in fn.param_vars if v in used and v not in no_bet]
    if not spec:
        return spec
    # an assigned parameter stays an integer only if every assignment keeps it one
    assumed = {v: INT for v in spec}
    col = _Collector(fn.scope)
    col.block(fn.body)
    while True:
        bad = [v for v in spec if v.assigned and any(_rhs_type(r, assumed) != INT for r in col.assigns.get(v, []))]
        if not bad:
            return spec
        for v in bad:
            spec.remove(v)
            del assumed[v]


def returns_single(fn: N.Function, nodes: list) -> bool:
    """True when every way out of ``fn`` returns exactly one value (so a call
    needs no multiple-results check). ``nodes``: the nodes of its body."""
    stmts = fn.body.stmts
    if not stmts or not isinstance(stmts[-1], N.Return):
        return False
    for n in nodes:
        if isinstance(n, N.Return):
            if len(n.exprs) != 1 or isinstance(n.exprs[0], (N.Call, N.MethodCall, N.Vararg)):
                return False
    return True


def int_result(fn: N.Function, var, nodes: list) -> None:
    """Decide the result type of a single-result local function when its
    speculated parameters are integers (``var.int_result``: their positions;
    ``var.result_type``: the type every return then yields, recursive calls
    assumed to yield it too)."""
    spec = int_speculation(fn, nodes)
    saved = {v: v.static_type for v in fn.scope.vars}
    var.int_result = [fn.param_vars.index(p) for p in spec]
    var.result_type = PENDING
    try:
        for p in spec:
            p.static_type = INT
        infer_function(fn)
        returns = [n.exprs[0] for n in nodes if isinstance(n, N.Return)]
        seen = {expr_type(r, {}) for r in returns}
        seen.discard(PENDING)
        ty = seen.pop() if len(seen) == 1 else None
        if ty not in (INT, FLOAT, STR, BOOL, TABLE, FUNC):
            ty = None
        var.result_type = ty
        if ty is not None and any(expr_type(r, {}) != ty for r in returns):
            ty = None
        if ty is None:
            var.int_result = None
        var.result_type = ty
    finally:
        for v, sty in saved.items():
            v.static_type = sty


def loop_int_speculation(loop, fn: N.Function, nodes: list) -> list:
    """Untyped locals of ``fn``, declared before ``loop``, worth assuming to
    be integers inside it: used there as operands of arithmetic or
    comparisons or as keys, and every assignment to them in the loop keeps
    an integer an integer (``hi = hi - 1``). The code generator checks their
    classes once on entry and emits a typed copy of the loop. ``nodes``: the
    nodes of the loop (subtrees.BodyNodes)."""
    if len(nodes) > MAX_SPECIALISED_NODES:
        return []
    declared_inside = set()
    operands = []  # of arithmetic, comparisons and indexing, in walk order
    Name, BinOp, Index = N.Name, N.BinOp, N.Index
    for n in nodes:
        cls = n.__class__
        if cls is BinOp:
            if n.op in _ARITH or n.op == "==" or n.op == "~=":
                operands += (n.left, n.right)
        elif cls is Index:
            operands.append(n.key)
        elif cls is N.Local or cls is N.GenericFor:
            declared_inside.update(n.vars)
        elif cls is N.NumericFor:
            declared_inside.add(n.var_info)
        elif cls is N.Goto or cls is N.Label:
            return []
    scope = fn.scope
    used = []
    for x in operands:
        v = x.var if x.__class__ is Name else None
        if (v is not None and v.func is scope and v.static_type is None and not v.boxed
                and not v.assigned_outside and v.const_value is None and v not in declared_inside
                and v not in used):
            used.append(v)
    if not used:
        return []
    col = _Collector(fn.scope)
    col.block(loop.body)
    assumed = {v: INT for v in used}
    while True:
        bad = [v for v in used if any(_rhs_type(r, assumed) != INT for r in col.assigns.get(v, []))]
        if not bad:
            return used
        for v in bad:
            used.remove(v)
            del assumed[v]
