"""Table constructors.

A constructor with literal keys is one ``Table({...})`` call (a dict display
built in C), or, when it is its statement's only value or reads only
literals and unchanging locals, one store per field hoisted before the
statement. Positional fields ending in a multi-valued expression and
dynamic keys go through helpers. Constructors nested deeper than
``DEEP_TABLES`` are built by statements, level by level (CPython's parser
stops at 200 nested parentheses). Runtime helpers emitted: ``Table``,
``table_seq``, ``table_new``, ``table_clean``.
"""

from __future__ import annotations

from ..syntax import nodes as N
from . import types
from .expr import NIL, NON_NIL, TABLE, Expr
from .predicates import is_multi


DEEP_TABLES = 32  # constructors nested deeper are built by statements


class Tables:
    """Table constructors. (A mixin of ``codegen.CodeGen``.)"""

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
        # only the last item of the list expands to all its values, and only
        # when it is positional ({f(), k = 1} keeps f's first value)
        spread_last = bool(pos) and e.fields[-1] is pos[-1] and is_multi(pos[-1].value)
        if keyed_dynamic or spread_last:
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
                if spread_last:
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
            t = self.temp("tbl")
            code = f"({t} if None not in ({t} := {code}).values() else table_clean({t}))"
        return Expr(code, TABLE)

    def table_as_statements(self, e: N.Table) -> Expr:
        """A constructor with literal keys that is the first thing its
        statement evaluates, or whose fields read only literals and locals
        never reassigned (so reading them early changes nothing): build it
        with one store per field, hoisted before the statement (no
        intermediate dict, unlike Table({...}))."""
        t = self.temp("tbl")
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
                tmp = self.temp("val")
                line = f"if ({tmp} := {v.code}) is not None: {t}[{key}] = {tmp}"
            self.pending.append([(ind + line, f.value.line)])
        return Expr(t, TABLE, True)

    def with_table_statements(self, e: N.Node) -> Expr:
        """Compile a statement's only expression, letting a constructor
        there become statements (see table_as_statements)."""
        if isinstance(e, N.Table) and e.fields and len(e.fields) <= 16:
            self.table_stmts = True
        try:
            return self.with_chains_cut(e, lambda: self.ex(e))
        finally:
            self.table_stmts = False


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
