"""Deep nesting: blocks moved into functions of their own ("outlining").

CPython refuses more than 100 levels of indentation (its tokenizer) and more
than 20 nested loops and ``try`` blocks in one function (its compiler, "too
many statically nested blocks"), while reference Lua accepts about 200
levels of nested blocks. When a compound statement would start more than
OUTLINE_INDENT levels or OUTLINE_BLOCKS loop/try blocks deep into its Python
function, the generator moves it into a local function defined at the start
of that Python function (at a shallow indentation, and with no enclosing
loop) and calls it where the statement stood::

    def lua_f(a=None, ...):
        def _blk7():
            nonlocal _B, x            # the meter; outer locals it assigns
            <the statement>
            return FALL
        ...
                        _out8 = _blk7()
                        if _out8 is not FALL:
                            if _out8.__class__ is tuple and len(_out8) == 2 and _out8[0] is JUMP:
                                if _out8[1] == 0:
                                    break         # compiled where the call is
                            else:
                                return _out8

The Lua locals of the enclosing code are closure variables of the block. A
``return`` inside it returns its values through the call; a ``break`` or
``goto`` to a place outside it returns ``(JUMP, k)`` and the call site
compiles that jump in its own context (which may be a block itself). The
function is no Lua function: it charges nothing on entry, and its docstring
says how many outlined levels deep it is, so that the error machinery
(runtime/trace.py) reports and counts it as the Lua function it is part of.
Only code nested this deeply pays for the extra call. Emits the runtime
names ``FALL`` and ``JUMP``.
"""

from __future__ import annotations

from typing import Callable

from ..syntax import nodes as N
from .emitter import FuncGen
from .loops import CondBreak
from .subtrees import walk

OUTLINE_INDENT = 24  # indentation levels of one Python function's body
OUTLINE_BLOCKS = 14  # loop and try blocks (CPython's limit is 20 per function)

# Python blocks a statement opens around its body: a loop is a ``for`` or
# ``while`` (a generic ``for`` in a ``try``, an integer ``for`` in a loop over
# chunks of iterations), a to-be-closed variable's scope a try/except/finally
LOOP_BLOCKS = 2
CLOSE_BLOCKS = 2
COMPOUND = (N.Do, N.While, N.Repeat, N.If, N.NumericFor, N.GenericFor)


class Outlining:
    """Moving deeply nested statements into local functions. (A mixin of ``codegen.CodeGen``.)"""

    def too_deep(self, blocks: int = 0) -> bool:
        """Would code opening ``blocks`` more Python blocks here be nested
        too deeply for CPython?"""
        fn = self.fn
        return self.indent - fn.base_indent >= OUTLINE_INDENT or fn.blocks + blocks > OUTLINE_BLOCKS

    def outline(self, nodes: list, line: int, produce: Callable[[], None]) -> None:
        """Generate the code of ``produce`` (statements ``nodes``, at Lua
        line ``line``) as a local function of the current Python function,
        and call it here."""
        parent = self.fn
        name = self.temp("blk")
        saved = self.lines, self.linemap, self.indent, self.pending
        self.lines, self.linemap, self.pending = [], [], []
        self.indent = parent.base_indent
        fn = self.fn = FuncGen(parent.node, name, parent)
        fn.doc_name, fn.outlined = parent.doc_name, parent.outlined + 1
        fn.in_loop = parent.in_loop or bool(parent.loop_stack)
        fn.tbc = parent.tbc
        fn.ntemps, fn.floaty, fn.not_all_ints = parent.ntemps, parent.floaty, parent.not_all_ints
        fn.cls_cache, fn.lower_bounds = dict(parent.cls_cache), dict(parent.lower_bounds)
        fn.nonlocals = _assigned_outside(nodes, parent.node.scope)
        returns = any(n.__class__ is N.Return for top in nodes for n in walk(top))
        try:
            self.emit(f"def {name}():", line)
            self.indent += 1
            fn.base_indent = self.indent
            doc_at = self.open_body()
            fn.init_at = len(self.lines)
            produce()
            if returns or fn.exits:
                self.emit("return FALL")
            self.close_body(doc_at, parent.node.line)
            block = list(zip(self.lines, self.linemap))
        finally:
            self.lines, self.linemap, self.indent, self.pending = saved
            self.fn = parent
        parent.ntemps = fn.ntemps
        # defined once per call of the enclosing function, before any code
        # of it runs (jump flags of _preinit go after it)
        at = parent.init_at
        self.lines[at:at] = [ln for ln, _ in block]
        self.linemap[at:at] = [lua_line for _, lua_line in block]
        parent.init_at = at + len(block)
        self.call_outlined(name, returns, fn.exits)

    def call_outlined(self, name: str, returns: bool, exits: list) -> None:
        if not returns and not exits:
            self.emit(f"{name}()")
            return
        out = self.temp("out")
        self.emit(f"{out} = {name}()")
        self.emit(f"if {out} is not FALL:")
        self.indent += 1
        if exits:
            self.emit(f"if {out}.__class__ is tuple and len({out}) == 2 and {out}[0] is JUMP:")
            self.indent += 1
            for k, jump in enumerate(exits):
                self.emit(f"{'if' if k == 0 else 'elif'} {out}[1] == {k}:")
                self.indent += 1
                if jump is None:
                    self.emit_break_from_here()
                else:
                    self.goto_stmt(jump)
                self.indent -= 1
            self.indent -= 1
            if returns:
                self.emit("else:")
                self.emit(f"    return {out}")
        else:
            self.emit(f"return {out}")
        self.indent -= 1

    def leave_outlined(self, jump) -> None:
        """A ``break`` (``jump`` None) or ``goto`` whose target is outside
        the outlined block being generated: return to the call site, which
        makes the jump."""
        exits = self.fn.exits
        exits.append(jump)
        self.emit(f"return (JUMP, {len(exits) - 1})")


def _assigned_outside(nodes: list, scope) -> set:
    """Python names of the locals of the enclosing Lua function (``scope``)
    that ``nodes`` assign but do not declare: the outlined function must
    declare them ``nonlocal``. (Boxed locals are stored into, not rebound;
    upvalues of enclosing Lua functions are declared by assign_name.) Also
    the flags of ``repeat ... until`` inside a to-be-closed scope."""
    declared: set = set()
    assigned: set = set()
    names: set = set()
    for top in nodes:
        if top.__class__ is CondBreak:
            names.add(top.flag)
        for n in walk(top):
            c = n.__class__
            if c is N.Assign:
                assigned.update(t.var for t in n.targets if t.__class__ is N.Name and t.var is not None)
            elif c is N.Local or c is N.GenericFor:
                declared.update(n.vars)
            elif c is N.LocalFunction:
                declared.add(n.var)
            elif c is N.NumericFor:
                declared.add(n.var_info)
    for v in assigned - declared:
        if not v.boxed and v.func is scope:
            names.add(v.pyname)
    return names
