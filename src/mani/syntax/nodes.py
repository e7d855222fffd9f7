"""The Lua abstract syntax tree.

Plain classes, no behaviour: the parser builds them, the resolver annotates
them (``Name.var``, ``Function.scope`` ...), the code generator reads them.
Every node carries the source ``line`` where it starts; that line ends up on
the generated Python code so tracebacks and error messages speak Lua lines.

Strings are ``bytes`` (Lua strings are byte strings); names are ``str``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional, Union


class Node:
    __slots__ = ()
    line: int


# ----------------------------------------------------------------- expressions


@dataclass(eq=False, slots=True)
class Nil(Node):
    line: int


@dataclass(eq=False, slots=True)
class TrueExpr(Node):
    line: int


@dataclass(eq=False, slots=True)
class FalseExpr(Node):
    line: int


@dataclass(eq=False, slots=True)
class Number(Node):
    value: Union[int, float]  # int already wrapped to 64 bits by the lexer
    line: int


@dataclass(eq=False, slots=True)
class String(Node):
    value: bytes
    line: int


@dataclass(eq=False, slots=True)
class Vararg(Node):
    line: int


@dataclass(eq=False, slots=True)
class Name(Node):
    """A variable reference. The resolver sets ``var`` (a resolve.Var) or, for
    a global, leaves it None and sets ``env`` to the Name of ``_ENV`` used."""

    name: str
    line: int
    var: Any = None
    env: Any = None


@dataclass(eq=False, slots=True)
class Index(Node):
    """``obj[key]``; ``obj.name`` is ``Index(obj, String(b"name"))``."""

    obj: Node
    key: Node
    line: int


@dataclass(eq=False, slots=True)
class Call(Node):
    func: Node
    args: list
    line: int


@dataclass(eq=False, slots=True)
class MethodCall(Node):
    """``obj:name(args)``."""

    obj: Node
    name: bytes
    args: list
    line: int


@dataclass(eq=False, slots=True)
class Function(Node):
    """A function body. ``name`` is what error messages and tracebacks call it
    (e.g. ``"f"``, ``"t.m"``, ``"t:m"``; ``None`` for anonymous)."""

    params: list  # list[str]; a method's implicit "self" is included
    is_vararg: bool
    body: "Block"
    line: int
    end_line: int
    name: Optional[str] = None
    scope: Any = None  # set by the resolver (resolve.FuncScope)
    param_vars: Any = None  # set by the resolver: list[resolve.Var]


@dataclass(eq=False, slots=True)
class TableField(Node):
    """One item of a table constructor: ``key=None`` for a positional item."""

    key: Optional[Node]
    value: Node
    line: int


@dataclass(eq=False, slots=True)
class Table(Node):
    fields: list  # list[TableField]
    line: int


@dataclass(eq=False, slots=True)
class BinOp(Node):
    """``op`` is the Lua operator text: ``+ - * / // % ^ .. == ~= < <= > >=
    & | ~ << >> and or``."""

    op: str
    left: Node
    right: Node
    line: int


@dataclass(eq=False, slots=True)
class UnOp(Node):
    """``op`` is ``-``, ``not``, ``#`` or ``~``."""

    op: str
    operand: Node
    line: int


@dataclass(eq=False, slots=True)
class Paren(Node):
    """A parenthesised expression: adjusts multiple results to one value."""

    expr: Node
    line: int


# ------------------------------------------------------------------ statements


@dataclass(eq=False, slots=True)
class Block(Node):
    stmts: list
    line: int
    scope: Any = None  # set by the resolver (resolve.BlockScope)


@dataclass(eq=False, slots=True)
class Local(Node):
    """``local a <const>, b = exprs``; ``attribs[i]`` is None, "const" or "close"."""

    names: list  # list[str]
    attribs: list  # list[Optional[str]]
    exprs: list
    line: int
    vars: Any = None  # set by the resolver: list[resolve.Var]


@dataclass(eq=False, slots=True)
class LocalFunction(Node):
    """``local function name() ... end`` (the name is in scope in the body)."""

    name: str
    func: Function
    line: int
    var: Any = None


@dataclass(eq=False, slots=True)
class Assign(Node):
    """``targets = exprs``; targets are Name or Index nodes. ``function a.b:c()``
    is parsed into an Assign whose value is a Function with a ``self`` param."""

    targets: list
    exprs: list
    line: int


@dataclass(eq=False, slots=True)
class CallStat(Node):
    call: Node  # Call or MethodCall
    line: int


@dataclass(eq=False, slots=True)
class Do(Node):
    body: Block
    line: int


@dataclass(eq=False, slots=True)
class While(Node):
    cond: Node
    body: Block
    line: int


@dataclass(eq=False, slots=True)
class Repeat(Node):
    """``repeat body until cond``; ``cond`` sees the body's locals."""

    body: Block
    cond: Node
    line: int


@dataclass(eq=False, slots=True)
class If(Node):
    """``if c1 then b1 elseif c2 then b2 else orelse end``."""

    tests: list  # list[tuple[Node, Block]]
    orelse: Optional[Block]
    line: int


@dataclass(eq=False, slots=True)
class NumericFor(Node):
    var: str
    start: Node
    stop: Node
    step: Optional[Node]
    body: Block
    line: int
    var_info: Any = None  # set by the resolver


@dataclass(eq=False, slots=True)
class GenericFor(Node):
    names: list  # list[str]
    exprs: list
    body: Block
    line: int
    vars: Any = None  # set by the resolver


@dataclass(eq=False, slots=True)
class Return(Node):
    exprs: list
    line: int


@dataclass(eq=False, slots=True)
class Break(Node):
    line: int


@dataclass(eq=False, slots=True)
class Goto(Node):
    label: str
    line: int
    target: Any = None  # set by the resolver


@dataclass(eq=False, slots=True)
class Label(Node):
    name: str
    line: int
    used: bool = True  # False when the code generator turns gotos to it into `continue`


@dataclass(eq=False, slots=True)
class Chunk(Node):
    """The main function of a chunk: a vararg function with upvalue ``_ENV``."""

    func: Function
    line: int = 0
    source_name: str = "?"
    extra: dict = field(default_factory=dict)
