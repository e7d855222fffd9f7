"""Assignments and stores: ``local``, ``=`` (single and multiple) and the
``t[#t + 1] = v`` append idiom.

A store into a table is a raw Python ``dict`` store when ``__newindex``
cannot apply (no metatable, the key present, or a metatable without
``__newindex``) and the key needs no normalisation; assigning nil deletes
the key. Multiple assignment evaluates target prefixes, then values, then
stores from the last target to the first, as reference Lua does. Runtime
helpers emitted: ``setindex`` (the general store), ``Table``.
"""

from __future__ import annotations

from ..syntax import nodes as N
from . import types
from .expr import NON_NIL, STR, INT, TABLE, Expr
from .predicates import int_literal, is_literal, is_multi, is_private


class Assignments:
    """``local``, assignment, table stores. (A mixin of ``codegen.CodeGen``.)"""

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
                t = self.temp("val")
                targets.append(t)
                boxes.append((v, t))
            else:
                targets.append(v.pyname)
        self.emit(f"{', '.join(targets)} = {values}" if n > 1 else f"{targets[0]} = {values}")
        for v, t in boxes:
            self.emit(f"{v.pyname} = [{t}]")
        for v in vs:
            self.cache_class(v)

    def s_Assign(self, s: N.Assign) -> None:
        if len(s.targets) == 1:
            t = s.targets[0]
            if isinstance(t, N.Index) and self.append_store(t, s.exprs):
                return
            if isinstance(t, N.Index):
                def prod():
                    obj = self.ex_obj(t.obj)
                    key = self.ex(t.key)
                    val = self.ex(s.exprs[0]) if len(s.exprs) == 1 else Expr(self.explist_n(s.exprs, 1))
                    return obj, key, val
                obj, key, val = self.with_pending(prod)
                self.assign_index(t, obj, key, val)
            else:
                def value():
                    return self.explist_n(s.exprs, 1)
                # a single value is the statement's first evaluation: its long chains may be cut
                single = len(s.exprs) == 1
                val = self.with_pending(lambda: self.with_chains_cut(s.exprs[0], value) if single else value())
                self.assign_name(t, Expr(val))
            return
        # multiple assignment: evaluate target prefixes, then values, then assign
        assigned = {t.var.pyname for t in s.targets if isinstance(t, N.Name) and t.var is not None}

        def prod():
            pre = []
            for t in s.targets:
                if isinstance(t, N.Index):
                    o = self.ex_obj(t.obj)
                    k = self.ex(t.key)
                    # snapshot variables that a target of this statement assigns
                    if o.code in assigned:
                        o.simple = False
                    if k.code in assigned:
                        k.simple = False
                    if not o.simple:
                        tmp = self.temp("obj")
                        self.pending.append([(f"{'    ' * self.indent}{tmp} = {o.code}", self.cur_line)])
                        o = Expr(tmp, o.ty, True)
                    if not k.simple:
                        tmp = self.temp("key")
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
            vals = [Expr(self.temp("val"), None, True) for _ in s.targets]
            self.emit(f"{', '.join(v.code for v in vals)} = {values}")
        else:
            # one value per target: literals are stored as they are (they
            # cannot change, and their type spares the stores' tests); the
            # others are all evaluated before the first assignment
            vals = [v if is_literal(e) else Expr(self.temp("val"), None, True) for e, v in zip(s.exprs, values)]
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
                and key.op == "+" and int_literal(key.right) == 1):
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
        oc, n = o.code, self.temp("len")
        private = is_private(obj)
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
                vc = self.temp("val")
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
            tmp = self.temp("obj")
            self.emit(f"{tmp} = {o}")
            o = tmp
        k = key.code
        if not key.simple:
            tmp = self.temp("key")
            self.emit(f"{tmp} = {k}")
            k = tmp
        vcode = val.code
        if not val.simple:
            tmp = self.temp("val")
            self.emit(f"{tmp} = {vcode}")
            vcode = tmp
        nonnil = val.ty in NON_NIL
        # raw store when __newindex does not apply: the key is present, or
        # the table has no metatable or one without __newindex
        conds = []
        target = types.unparen(t.obj) if isinstance(t, N.Index) else None
        if not is_private(target):
            m = self.temp("meta")
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
