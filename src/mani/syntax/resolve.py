"""Name resolution: locals, upvalues, globals, labels and goto.

After ``resolve(chunk)`` every ``Name`` has ``var`` (a ``Var``) or is a global
(``var is None``; ``env`` is the ``Name`` of the ``_ENV`` it indexes). Each
``Var`` gets a Python name unique in the whole chunk, so Lua shadowing never
confuses Python's function-wide scoping.

Two ways to capture a local in a closure:

* a Python cell (``nonlocal`` semantics) when the local's declaration runs at
  most once per call of its function;
* a *box* (a one-element list) when the declaration can run again in the same
  call — inside a loop or after a label a goto can jump back to — because Lua
  gives every execution a fresh variable while a Python cell would be shared.
  A closure receives the box as a keyword-only default, fixed when the
  closure is created.
"""

from __future__ import annotations

import keyword
from typing import Optional

from ..errors import LuaSyntaxError
from . import nodes as N

# Names the generated code uses for itself; Lua locals never take them.
RESERVED = {
    "varargs", "_ENV", "_B", "_S", "Table", "None", "True", "False",
    "index", "setindex", "lookup_method", "budget_out", "main",
}


class Var:
    __slots__ = (
        "name", "pyname", "attrib", "func", "captured", "boxed", "assigned",
        "in_loop", "const_value", "static_type", "decl_line", "assigned_outside",
        "single_return", "int_result", "result_type", "uses", "private",
    )

    def __init__(self, name: str, pyname: str, func: "FuncScope", attrib: Optional[str], in_loop: bool, line: int):
        self.name = name
        self.pyname = pyname
        self.attrib = attrib
        self.func = func
        self.captured = False
        self.boxed = False
        self.assigned = 0  # assignments after the declaration
        self.in_loop = in_loop
        self.const_value = None  # a literal node for <const> literals
        self.static_type = None
        self.decl_line = line
        self.assigned_outside = False  # assigned from an inner function
        self.single_return = False  # a local function that always returns one value
        self.int_result = None  # param positions that, if ints, fix the result type
        self.result_type = None  # ...to this static type
        self.uses = 0  # references (reads and writes)
        self.private = False  # a table no other code can reach (compiler/private_tables.py)

    def __repr__(self) -> str:
        return f"Var({self.name}->{self.pyname})"


class FuncScope:
    __slots__ = ("node", "parent", "vars", "boxes_needed", "has_varargs", "pyname", "uses_env")

    def __init__(self, node: N.Function, parent: Optional["FuncScope"]):
        self.node = node
        self.parent = parent
        self.vars: list[Var] = []
        self.boxes_needed: dict[str, Var] = {}  # boxed outer vars this function receives
        self.has_varargs = node.is_vararg
        self.pyname = ""


class BlockScope:
    __slots__ = ("parent", "func", "names", "labels", "is_loop", "gotos", "has_label", "nactive")

    def __init__(self, parent: Optional["BlockScope"], func: FuncScope, is_loop: bool):
        self.parent = parent
        self.func = func
        self.names: dict[str, Var] = {}
        self.labels: dict[str, tuple[N.Label, int]] = {}  # name -> (node, stmt index)
        self.is_loop = is_loop
        self.gotos: list = []
        self.has_label = False


class Resolver:
    def __init__(self, chunkname: str, reserved: frozenset = frozenset()):
        # Python names no Lua local may take: the generated code's own and
        # those of the runtime helpers it calls (given by the caller: syntax
        # knows nothing of the compiler or the runtime)
        self.reserved = RESERVED | reserved
        self.chunkname = chunkname
        self.used_pynames: set[str] = set()
        self.next_suffix: dict[str, int] = {}  # base name -> last suffix used
        self.block: Optional[BlockScope] = None
        self.func: Optional[FuncScope] = None
        self.loop_depth = 0
        self.label_depth = 0
        self.env_var: Optional[Var] = None

    # -- names
    def pyname(self, name: str) -> str:
        base = name
        if keyword.iskeyword(name) or name in self.reserved or name.startswith("_") or name in BUILTIN_NAMES:
            base = "L" + name if not name.startswith("L") else name + "_"
        cand = base
        i = self.next_suffix.get(base, 1)
        while cand in self.used_pynames or cand in self.reserved or cand in BUILTIN_NAMES:
            i += 1
            cand = f"{base}_{i}"
        self.next_suffix[base] = i
        self.used_pynames.add(cand)
        return cand

    def error(self, msg: str, line: int) -> None:
        raise LuaSyntaxError(f"{self.chunkname}:{line}: {msg}", line)

    def declare(self, name: str, attrib: Optional[str], line: int) -> Var:
        assert self.block is not None and self.func is not None
        in_loop = self.loop_depth > 0 or self.label_depth > 0
        v = Var(name, self.pyname(name), self.func, attrib, in_loop, line)
        self.block.names[name] = v
        self.func.vars.append(v)
        return v

    def lookup(self, name: str) -> Optional[Var]:
        b = self.block
        while b is not None:
            v = b.names.get(name)
            if v is not None:
                return v
            b = b.parent
        return None

    def use(self, node: N.Name) -> None:
        v = self.lookup(node.name)
        if v is None:
            node.var = None
            env = N.Name("_ENV", node.line)
            self.use(env)
            node.env = env
            return
        node.var = v
        v.uses += 1
        if v.func is not self.func:
            v.captured = True
            if v.in_loop:
                v.boxed = True
                f = self.func
                while f is not None and f is not v.func:
                    f.boxes_needed[v.pyname] = v
                    f = f.parent

    # -- structure
    def resolve_chunk(self, chunk: N.Chunk) -> None:
        fn = chunk.func
        scope = FuncScope(fn, None)
        fn.scope = scope
        self.func = scope
        outer = BlockScope(None, scope, False)
        self.block = outer
        # _ENV is an upvalue of the main chunk: a variable of an outer scope
        env_scope = FuncScope(N.Function([], False, N.Block([], 0), 0, 0), None)
        env = Var("_ENV", "_ENV", env_scope, None, False, 0)
        self.used_pynames.add("_ENV")
        outer.names["_ENV"] = env
        self.env_var = env
        env.captured = True
        self.function_body(fn, scope)

    def function_body(self, fn: N.Function, scope: FuncScope) -> None:
        saved = (self.block, self.func, self.loop_depth, self.label_depth)
        self.func = scope
        self.loop_depth = 0
        self.label_depth = 0
        self.block = BlockScope(saved[0], scope, False)
        fn.param_vars = [self.declare(p, None, fn.line) for p in fn.params]
        self.block_stmts(fn.body, new_scope=False)
        self.block, self.func, self.loop_depth, self.label_depth = saved

    def block_stmts(self, block: N.Block, new_scope: bool = True, is_loop: bool = False) -> None:
        if new_scope:
            saved = self.block
            self.block = BlockScope(saved, self.func, is_loop)  # type: ignore[arg-type]
        b = self.block
        assert b is not None
        block.scope = b
        # labels are visible in the whole block (for backward and forward gotos)
        has_label = any(isinstance(s, N.Label) for s in block.stmts)
        if has_label:
            self.label_depth += 1
            b.has_label = True
        for i, s in enumerate(block.stmts):
            if isinstance(s, N.Label):
                # (a label repeating one of an enclosing block that comes
                # earlier is refused by the parser, as Lua does; one that
                # comes later in the enclosing block is allowed)
                if s.name in b.labels:
                    self.error(f"label '{s.name}' already defined on line {b.labels[s.name][0].line}", s.line)
                b.labels[s.name] = (s, i)
        self._active_at_label: dict = {}
        nlocals_at: list[int] = []
        for s in block.stmts:
            nlocals_at.append(len(b.names))
            self.stmt(s)
        # check gotos whose label is in this block
        for g, gblock, nactive in b.gotos:
            lab, idx = b.labels[g.label]
            # jumping forward into the scope of a local is an error unless the
            # label is at the end of the block (only void statements follow)
            if nlocals_at[idx] > nactive and not self._only_void_after(block.stmts, idx):
                names = list(b.names)
                self.error(
                    f"<goto {g.label}> at line {g.line} jumps into the scope of local '{names[nactive]}'",
                    g.line,
                )
        if has_label:
            self.label_depth -= 1
        if new_scope:
            self.block = saved

    @staticmethod
    def _only_void_after(stmts: list, idx: int) -> bool:
        return all(isinstance(s, (N.Label,)) for s in stmts[idx + 1:])

    # -- statements
    def stmt(self, s: N.Node) -> None:
        m = getattr(self, "s_" + type(s).__name__)
        m(s)

    def s_Local(self, s: N.Local) -> None:
        for e in s.exprs:
            self.expr(e)
        s.vars = []
        for name, attrib in zip(s.names, s.attribs):
            v = self.declare(name, attrib, s.line)
            s.vars.append(v)
        # a <const> local initialised with a literal is a compile-time constant
        for i, v in enumerate(s.vars):
            if v.attrib == "const" and i < len(s.exprs) and not (
                i == len(s.exprs) - 1 and len(s.vars) > len(s.exprs)
            ):
                e = s.exprs[i]
                if isinstance(e, (N.Nil, N.TrueExpr, N.FalseExpr, N.Number, N.String)):
                    v.const_value = e

    def s_LocalFunction(self, s: N.LocalFunction) -> None:
        s.var = self.declare(s.name, None, s.line)
        self.function(s.func)

    def s_Assign(self, s: N.Assign) -> None:
        for e in s.exprs:
            self.expr(e)
        for t in s.targets:
            if isinstance(t, N.Name):
                self.use(t)
                v = t.var
                if v is not None:
                    if v.attrib in ("const", "close"):
                        self.error(f"attempt to assign to const variable '{v.name}'", s.line)
                    v.assigned += 1
                    if v.func is not self.func:
                        v.assigned_outside = True
            else:
                self.expr(t)

    def s_CallStat(self, s: N.CallStat) -> None:
        self.expr(s.call)

    def s_Do(self, s: N.Do) -> None:
        self.block_stmts(s.body)

    def loop_body(self, body: N.Block, pre_declare=None) -> None:
        self.loop_depth += 1
        saved = self.block
        self.block = BlockScope(saved, self.func, True)  # type: ignore[arg-type]
        if pre_declare:
            pre_declare()
        self.block_stmts(body, new_scope=False)
        body.scope = self.block
        self.block = saved
        self.loop_depth -= 1

    def s_While(self, s: N.While) -> None:
        self.expr(s.cond)
        self.loop_body(s.body)

    def s_Repeat(self, s: N.Repeat) -> None:
        self.loop_depth += 1
        saved = self.block
        self.block = BlockScope(saved, self.func, True)  # type: ignore[arg-type]
        self.block_stmts(s.body, new_scope=False)
        s.body.scope = self.block
        self.expr(s.cond)  # the condition sees the body's locals
        self.block = saved
        self.loop_depth -= 1

    def s_If(self, s: N.If) -> None:
        for cond, body in s.tests:
            self.expr(cond)
            self.block_stmts(body)
        if s.orelse is not None:
            self.block_stmts(s.orelse)

    def s_NumericFor(self, s: N.NumericFor) -> None:
        self.expr(s.start)
        self.expr(s.stop)
        if s.step is not None:
            self.expr(s.step)

        def decl():
            s.var_info = self.declare(s.var, None, s.line)

        self.loop_body(s.body, decl)

    def s_GenericFor(self, s: N.GenericFor) -> None:
        for e in s.exprs:
            self.expr(e)

        def decl():
            s.vars = [self.declare(n, None, s.line) for n in s.names]

        self.loop_body(s.body, decl)

    def s_Return(self, s: N.Return) -> None:
        for e in s.exprs:
            self.expr(e)

    def s_Break(self, s: N.Break) -> None:
        b = self.block
        while b is not None and b.func is self.func:
            if b.is_loop:
                return
            b = b.parent
        self.error("break outside a loop at line %d near 'break'" % s.line, s.line)

    def s_Goto(self, s: N.Goto) -> None:
        b = self.block
        while b is not None and b.func is self.func:
            if s.label in b.labels:
                s.target = b
                b.gotos.append((s, self.block, len(b.names)))
                return
            b = b.parent
        self.error(f"no visible label '{s.label}' for goto at line {s.line}", s.line)

    def s_Label(self, s: N.Label) -> None:
        pass

    # -- expressions
    def expr(self, e: N.Node) -> None:
        t = type(e)
        if t is N.Name:
            self.use(e)  # type: ignore[arg-type]
        elif t is N.Index:
            self.expr(e.obj)  # type: ignore[attr-defined]
            self.expr(e.key)  # type: ignore[attr-defined]
        elif t is N.Call:
            self.expr(e.func)  # type: ignore[attr-defined]
            for a in e.args:  # type: ignore[attr-defined]
                self.expr(a)
        elif t is N.MethodCall:
            self.expr(e.obj)  # type: ignore[attr-defined]
            for a in e.args:  # type: ignore[attr-defined]
                self.expr(a)
        elif t is N.Function:
            self.function(e)  # type: ignore[arg-type]
        elif t is N.Table:
            for f in e.fields:  # type: ignore[attr-defined]
                if f.key is not None:
                    self.expr(f.key)
                self.expr(f.value)
        elif t is N.BinOp:
            # iterative on the left spine (long a+b+c+... chains)
            stack = []
            while type(e) is N.BinOp:
                stack.append(e.right)  # type: ignore[attr-defined]
                e = e.left  # type: ignore[attr-defined]
            self.expr(e)
            for r in reversed(stack):
                self.expr(r)
        elif t is N.UnOp:
            self.expr(e.operand)  # type: ignore[attr-defined]
        elif t is N.Paren:
            self.expr(e.expr)  # type: ignore[attr-defined]
        elif t is N.Vararg:
            if not self.func.has_varargs:  # type: ignore[union-attr]
                self.error("cannot use '...' outside a vararg function near '...'", e.line)

    def function(self, fn: N.Function) -> None:
        scope = FuncScope(fn, self.func)
        fn.scope = scope
        self.function_body(fn, scope)


BUILTIN_NAMES = {
    "len", "range", "print", "type", "str", "int", "float", "bytes", "tuple", "list",
    "dict", "object", "isinstance", "iter", "next", "Exception", "BaseException",
}


def resolve(chunk: N.Chunk, reserved: frozenset = frozenset()) -> N.Chunk:
    """Resolve every name of ``chunk``; ``reserved``: Python names the code
    generator uses as globals, which Lua locals must not take."""
    Resolver(chunk.source_name, reserved).resolve_chunk(chunk)
    return chunk
