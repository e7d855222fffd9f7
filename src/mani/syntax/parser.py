"""The Lua 5.4 parser: tokens -> ``nodes`` AST.

A recursive-descent parser that follows the structure of the reference parser
(``lparser.c``) closely, so that it accepts exactly the same programs and
reports syntax errors with the same wording, line and "near" token.

Besides the grammar it performs the checks reference Lua does while parsing:

* ``...`` outside a vararg function;
* ``<const>``/``<close>`` attributes (unknown attribute, several to-be-closed
  variables in one list) and assignments to const variables;
* the limits on local variables (200 per function) and upvalues (255 per
  function), with the reference messages (this needs a light scope analysis;
  the full name resolution is done later by ``resolve.py``);
* labels and gotos, exactly as lparser.c does them: repeated labels,
  ``goto`` without a visible label, ``goto`` jumping into the scope of a
  local, ``break`` outside a loop -- so these errors come out in the same
  order (relative to syntax errors) and with the same line as in Lua;
* the nesting limit (``LUAI_MAXCCALLS``): deeply nested code raises the same
  "C stack overflow" error reference Lua gives (never a Python
  RecursionError); long left-associative chains and suffix chains
  (``a.b.c...``, ``f()()()``) are built iteratively and have no limit.

Not done: constant folding, and the "function or expression needs too many
registers" limit (that one depends on Lua's register allocation).

Lines: every node gets the line reference Lua would give its instruction:
a binary/unary operator node the operator's line, ``Call``/``MethodCall``
the line of ``(`` (or of the string/table argument), ``Index`` the line of
``.``/``[``, statements their first token's line.  ``Function.line`` is
Lua's ``linedefined`` (for ``function`` statements the line of the keyword;
for ``local function f`` and anonymous functions the line of the token after
the name/keyword, normally ``(``); ``Function.end_line`` the line of ``end``.
"""

from __future__ import annotations

import sys
from typing import Optional, Union

from ..errors import LuaSyntaxError
from . import nodes as N
from .lexer import EOF, ERROR, NAME, NUMBER, STRING, Tokens, _fix_text, token_text, tokenize

__all__ = ["parse", "LUAI_MAXCCALLS", "MAXVARS", "MAXUPVAL"]

LUAI_MAXCCALLS = 200  # nesting limit (C levels in the reference implementation)
MAXVARS = 200  # local variables per function
MAXUPVAL = 255  # upvalues per function

# the C-level count reference Lua already has when the parser starts (the
# call to ``load`` itself); with it the limits match lupa's Lua 5.4 exactly
_BASE_LEVEL = 1

# binary operator -> (left priority, right priority), as in lparser.c
_BINPRI = {
    "+": (10, 10), "-": (10, 10),
    "*": (11, 11), "%": (11, 11),
    "^": (14, 13),
    "/": (11, 11), "//": (11, 11),
    "&": (6, 6), "|": (4, 4), "~": (5, 5),
    "<<": (7, 7), ">>": (7, 7),
    "..": (9, 8),
    "==": (3, 3), "<": (3, 3), "<=": (3, 3),
    "~=": (3, 3), ">": (3, 3), ">=": (3, 3),
    "and": (2, 2), "or": (1, 1),
}
_UNARY = {"not": "not", "-": "-", "#": "#", "~": "~"}
_UNARY_PRIORITY = 12

_BLOCK_FOLLOW = frozenset(("else", "elseif", "end", EOF, "until"))
_BLOCK_FOLLOW_NOUNTIL = frozenset(("else", "elseif", "end", EOF))

# variable kinds (Vardesc.kind in lparser.c)
_REG = 0  # regular
_CONST = 1  # <const>
_CLOSE = 2  # <close>
_CTC = 3  # compile-time constant
_ATTRIB_KIND = {None: _REG, "const": _CONST, "close": _CLOSE}

_MULTI = (N.Call, N.MethodCall, N.Vararg)


class _FuncState:
    """Scope information of one function being parsed."""

    __slots__ = (
        "prev", "line", "is_vararg", "active", "declared", "npending", "upvals",
        "globals", "bl", "labels", "gotos",
    )

    def __init__(self, prev: Optional["_FuncState"], line: int, is_vararg: bool):
        self.prev = prev
        self.line = line  # linedefined (0 for the main function)
        self.is_vararg = is_vararg
        self.active: dict = {}  # name -> list of kinds (innermost last)
        self.declared: list = []  # active local names, in declaration order
        self.npending = 0  # declared but not yet active locals
        self.upvals: dict = {}  # name -> kind
        self.globals: set = set()  # names known to be global here
        self.bl: Optional[_BlockCnt] = None  # innermost open block
        self.labels: list = []  # visible labels: (name, line, nactvar)
        self.gotos: list = []  # pending gotos: [name, line, nactvar]


class _BlockCnt:
    """An open block (BlockCnt in lparser.c)."""

    __slots__ = ("prev", "nactvar", "firstlabel", "firstgoto", "isloop")

    def __init__(self, prev, nactvar: int, firstlabel: int, firstgoto: int, isloop: bool):
        self.prev = prev
        self.nactvar = nactvar  # active locals outside the block
        self.firstlabel = firstlabel
        self.firstgoto = firstgoto
        self.isloop = isloop


class Parser:
    def __init__(self, toks: Tokens):
        self.toks = toks
        self.types = toks.types
        self.values = toks.values
        self.lines = toks.lines
        self.i = 0
        self.tok = self.types[0]
        self.line = self.lines[0]
        if self.tok is ERROR:
            raise self.values[0]
        self.depth = _BASE_LEVEL
        self.fs: Optional[_FuncState] = None
        self.chunkname = toks.chunkname

    # ---------------------------------------------------------------- tokens

    def next(self) -> None:
        i = self.i + 1
        self.i = i
        tok = self.types[i]
        if tok is ERROR:
            raise self.values[i]
        self.tok = tok
        self.line = self.lines[i]

    def lookahead(self) -> str:
        tok = self.types[self.i + 1]
        if tok is ERROR:
            raise self.values[self.i + 1]
        return tok

    # ---------------------------------------------------------------- errors

    def error(self, msg: str, near: bool = True) -> LuaSyntaxError:
        """luaX_syntaxerror (near=True) / luaK_semerror (near=False)."""
        text = f"{self.chunkname}:{self.line}: {msg}"
        if near and self.tok != "\x00":  # Lua's lexerror omits "near" for token 0
            text += f" near {_fix_text(self.toks.display(self.i))}"
        return LuaSyntaxError(text, self.line)

    def error_expected(self, tok: str) -> LuaSyntaxError:
        return self.error(f"{token_text(tok)} expected")

    def checknext(self, tok: str) -> None:
        if self.tok != tok:
            raise self.error_expected(tok)
        self.next()

    def testnext(self, tok: str) -> bool:
        if self.tok == tok:
            self.next()
            return True
        return False

    def check_match(self, what: str, who: str, where: int) -> None:
        if self.tok == what:
            self.next()
            return
        if where == self.line:
            raise self.error_expected(what)
        raise self.error(
            f"{token_text(what)} expected (to close {token_text(who)} at line {where})"
        )

    def str_checkname(self) -> str:
        if self.tok != NAME:
            raise self.error_expected(NAME)
        name = self.values[self.i]
        self.next()
        return name

    def enterlevel(self) -> None:
        self.depth += 1
        if self.depth >= LUAI_MAXCCALLS:
            raise LuaSyntaxError("C stack overflow", self.line)

    # ----------------------------------------------------------------- scopes

    def errorlimit(self, fs: _FuncState, limit: int, what: str) -> LuaSyntaxError:
        where = "main function" if fs.line == 0 else f"function at line {fs.line}"
        return self.error(f"too many {what} (limit is {limit}) in {where}")

    def new_localvar(self) -> None:
        """Count one more (pending) local variable of the current function."""
        fs = self.fs
        if len(fs.declared) + fs.npending + 1 > MAXVARS:
            raise self.errorlimit(fs, MAXVARS, "local variables")
        fs.npending += 1

    def adjustlocalvars(self, names: list, kinds: Optional[list] = None) -> None:
        """Activate the pending locals ``names``."""
        fs = self.fs
        active = fs.active
        for j, name in enumerate(names):
            kind = kinds[j] if kinds is not None else _REG
            st = active.get(name)
            if st is None:
                active[name] = [kind]
            else:
                st.append(kind)
            fs.declared.append(name)
        fs.npending -= len(names)

    def enterblock(self, isloop: bool) -> None:
        fs = self.fs
        fs.bl = _BlockCnt(fs.bl, len(fs.declared), len(fs.labels), len(fs.gotos), isloop)

    def leaveblock(self) -> None:
        fs = self.fs
        bl = fs.bl
        declared = fs.declared
        mark = bl.nactvar
        if len(declared) > mark:  # remove the block's locals
            active = fs.active
            for name in declared[mark:]:
                st = active[name]
                st.pop()
                if not st:
                    del active[name]
            del declared[mark:]
        gotos = fs.gotos
        if bl.isloop and len(gotos) > bl.firstgoto:
            self.createlabel("break", 0, False)  # solves pending breaks
        if len(fs.labels) > bl.firstlabel:
            del fs.labels[bl.firstlabel:]
        fs.bl = bl.prev
        if len(gotos) > bl.firstgoto:
            if bl.prev is not None:  # move pending gotos to the enclosing block
                for gt in gotos[bl.firstgoto:]:
                    gt[2] = mark
            else:
                self.undefgoto(gotos[bl.firstgoto])

    # ----------------------------------------------------- labels and gotos

    def findlabel(self, name: str):
        for lb in self.fs.labels:
            if lb[0] == name:
                return lb
        return None

    def createlabel(self, name: str, line: int, last: bool) -> None:
        fs = self.fs
        nact = fs.bl.nactvar if last else len(fs.declared)
        fs.labels.append((name, line, nact))
        gotos = fs.gotos
        i = fs.bl.firstgoto
        while i < len(gotos):
            gt = gotos[i]
            if gt[0] == name:
                if gt[2] < nact:  # the jump enters the scope of a local
                    raise self.error(
                        f"<goto {name}> at line {gt[1]} jumps into the scope of local "
                        f"'{fs.declared[gt[2]]}'",
                        near=False,
                    )
                del gotos[i]
            else:
                i += 1

    def undefgoto(self, gt) -> None:
        if gt[0] == "break":
            raise self.error(f"break outside loop at line {gt[1]}", near=False)
        raise self.error(f"no visible label '{gt[0]}' for <goto> at line {gt[1]}", near=False)

    def _resolve(self, fs: _FuncState, name: str) -> Optional[int]:
        """singlevaraux: the kind of variable ``name`` in ``fs`` (creating
        upvalues on the way), or None for a global."""
        st = fs.active.get(name)
        if st:
            return st[-1]
        kind = fs.upvals.get(name)
        if kind is not None:
            return kind
        if fs.prev is None or name in fs.globals:
            return None
        kind = self._resolve(fs.prev, name)
        if kind is None:
            fs.globals.add(name)
            return None
        if kind == _CTC:
            return kind  # compile-time constants need no upvalue
        if len(fs.upvals) + 1 > MAXUPVAL:
            raise self.errorlimit(fs, MAXUPVAL, "upvalues")
        fs.upvals[name] = kind
        return kind

    def singlevar(self, name: str) -> Optional[int]:
        fs = self.fs
        kind = self._resolve(fs, name)
        if kind is None and "_ENV" not in fs.upvals:
            self._resolve(fs, "_ENV")
        return kind

    def check_readonly(self, target: N.Node) -> None:
        if type(target) is N.Name:
            kind = self._resolve(self.fs, target.name)
            if kind is not None and kind != _REG:
                raise self.error(f"attempt to assign to const variable '{target.name}'", near=False)

    def is_ctc(self, e: N.Node) -> bool:
        """Whether a <const> initialiser is a compile-time constant (the
        variable then needs no register/upvalue).  Approximates
        luaK_exp2const: literals, other compile-time constants, negated
        numerals, ``not`` of a constant."""
        t = type(e)
        if t in (N.Nil, N.TrueExpr, N.FalseExpr, N.String):
            return True
        if t is N.Number:
            return True
        if t is N.Name:
            return self._resolve(self.fs, e.name) == _CTC
        if t is N.UnOp:
            op = e.operand
            if e.op == "-" and type(op) is N.Number:
                v = op.value
                return isinstance(v, int) or (v == v and v != 0)
            if e.op == "not":
                return self.is_ctc(op)
        return False

    # ------------------------------------------------------------ statements

    def block(self) -> N.Block:
        self.enterblock(False)
        b = N.Block([], self.line)
        self.statlist(b.stmts)
        self.leaveblock()
        return b

    def statlist(self, stmts: list) -> None:
        follow = _BLOCK_FOLLOW
        statement = self.statement
        while self.tok not in follow:
            if self.tok == "return":
                stmts.append(statement())
                return
            s = statement()
            if s is not None:
                if type(s) is list:  # a label and the labels right after it
                    stmts.extend(s)
                else:
                    stmts.append(s)

    def statement(self):
        line = self.line
        self.depth += 1
        if self.depth >= LUAI_MAXCCALLS:
            raise LuaSyntaxError("C stack overflow", line)
        tok = self.tok
        if tok == NAME or tok == "(":
            s = self.exprstat(line)
        else:
            m = _STAT_TABLE.get(tok)
            if m is None:
                s = self.exprstat(line)
            else:
                s = m(self, line)
        self.depth -= 1
        return s

    def st_semicolon(self, line: int):
        self.next()
        return None

    def st_if(self, line: int) -> N.If:
        tests = []
        # IF cond THEN block {ELSEIF cond THEN block} [ELSE block] END
        self.next()
        cond = self.subexpr(0)
        self.checknext("then")
        tests.append((cond, self.block()))
        while self.tok == "elseif":
            self.next()
            cond = self.subexpr(0)
            self.checknext("then")
            tests.append((cond, self.block()))
        orelse = None
        if self.tok == "else":
            self.next()
            orelse = self.block()
        self.check_match("end", "if", line)
        return N.If(tests, orelse, line)

    def st_while(self, line: int) -> N.While:
        self.next()
        cond = self.subexpr(0)
        self.enterblock(True)
        self.checknext("do")
        body = self.block()
        self.check_match("end", "while", line)
        self.leaveblock()
        return N.While(cond, body, line)

    def st_do(self, line: int) -> N.Do:
        self.next()
        body = self.block()
        self.check_match("end", "do", line)
        return N.Do(body, line)

    def st_for(self, line: int):
        self.enterblock(True)  # scope for loop and control variables
        self.next()  # skip 'for'
        varname = self.str_checkname()
        tok = self.tok
        if tok == "=":
            s = self.fornum(varname, line)
        elif tok == "," or tok == "in":
            s = self.forlist(varname, line)
        else:
            raise self.error("'=' or 'in' expected")
        self.check_match("end", "for", line)
        self.leaveblock()
        return s

    _FOR_STATE = "(for state)"

    def fornum(self, varname: str, line: int) -> N.NumericFor:
        for _ in range(4):  # 3 internal control variables + the loop variable
            self.new_localvar()
        self.checknext("=")
        start = self.subexpr(0)
        self.checknext(",")
        stop = self.subexpr(0)
        step = None
        if self.testnext(","):
            step = self.subexpr(0)
        self.adjustlocalvars([self._FOR_STATE] * 3)
        body = self.forbody([varname])
        return N.NumericFor(varname, start, stop, step, body, line)

    def forlist(self, indexname: str, line: int) -> N.GenericFor:
        for _ in range(5):  # 4 internal control variables + the first name
            self.new_localvar()
        names = [indexname]
        while self.testnext(","):
            names.append(self.str_checkname())
            self.new_localvar()
        self.checknext("in")
        exprs = self.explist()
        self.adjustlocalvars([self._FOR_STATE] * 4)
        body = self.forbody(names)
        return N.GenericFor(names, exprs, body, line)

    def forbody(self, names: list) -> N.Block:
        self.checknext("do")
        self.enterblock(False)  # scope for declared variables
        self.adjustlocalvars(names)
        body = self.block()
        self.leaveblock()
        return body

    def st_repeat(self, line: int) -> N.Repeat:
        self.enterblock(True)  # loop block
        self.enterblock(False)  # scope block
        self.next()
        body = N.Block([], self.line)
        self.statlist(body.stmts)
        self.check_match("until", "repeat", line)
        cond = self.subexpr(0)  # inside the scope of the body
        self.leaveblock()
        self.leaveblock()
        return N.Repeat(body, cond, line)

    def st_function(self, line: int) -> N.Assign:
        self.next()  # skip 'function'
        # funcname -> NAME {'.' NAME} [':' NAME]
        nline = self.line
        name = self.str_checkname()
        self.singlevar(name)
        target: N.Node = N.Name(name, nline)
        fullname = name
        while self.tok == ".":
            dline = self.line
            self.next()
            key = self.str_checkname()
            target = N.Index(target, N.String(key.encode(), dline), dline)
            fullname += "." + key
        ismethod = False
        if self.tok == ":":
            dline = self.line
            self.next()
            key = self.str_checkname()
            target = N.Index(target, N.String(key.encode(), dline), dline)
            fullname += ":" + key
            ismethod = True
        func = self.body(ismethod, line, fullname)
        self.check_readonly(target)
        return N.Assign([target], [func], line)

    def st_local(self, line: int):
        self.next()  # skip 'local'
        if self.tok == "function":
            self.next()
            name = self.str_checkname()
            self.new_localvar()
            self.adjustlocalvars([name])
            func = self.body(False, self.line, name)
            return N.LocalFunction(name, func, line)
        names = []
        attribs = []
        kinds = []
        toclose = False
        while True:
            names.append(self.str_checkname())
            self.new_localvar()
            attrib = None
            if self.tok == "<":
                self.next()
                attrib = self.str_checkname()
                self.checknext(">")
                if attrib != "const" and attrib != "close":
                    raise self.error(f"unknown attribute '{attrib}'", near=False)
            if attrib == "close":
                if toclose:
                    raise self.error("multiple to-be-closed variables in local list", near=False)
                toclose = True
            attribs.append(attrib)
            kinds.append(_ATTRIB_KIND[attrib])
            if self.tok != ",":
                break
            self.next()
        if self.tok == "=":
            self.next()
            exprs = self.explist()
        else:
            exprs = []
        if kinds[-1] == _CONST and len(exprs) == len(names) and self.is_ctc(exprs[-1]):
            kinds[-1] = _CTC
        self.adjustlocalvars(names, kinds)
        return N.Local(names, attribs, exprs, line)

    def st_dbcolon(self, line: int):
        self.next()
        name = self.str_checkname()
        self.checknext("::")
        label = N.Label(name, line)
        result: Union[N.Label, list] = label
        # skip other no-op statements (recursively, as lparser.c does)
        while self.tok == ";" or self.tok == "::":
            s = self.statement()
            if s is not None:
                if type(result) is not list:
                    result = [label]
                if type(s) is list:
                    result.extend(s)
                else:
                    result.append(s)
        lb = self.findlabel(name)
        if lb is not None:
            raise self.error(f"label '{name}' already defined on line {lb[1]}", near=False)
        self.createlabel(name, line, self.tok in _BLOCK_FOLLOW_NOUNTIL)
        return result

    def st_return(self, line: int) -> N.Return:
        self.next()
        tok = self.tok
        if tok in _BLOCK_FOLLOW or tok == ";":
            exprs = []
        else:
            exprs = self.explist()
        if self.tok == ";":
            self.next()
        return N.Return(exprs, line)

    def st_break(self, line: int) -> N.Break:
        self.next()
        self.fs.gotos.append(["break", line, len(self.fs.declared)])
        return N.Break(line)

    def st_goto(self, line: int) -> N.Goto:
        self.next()
        gline = self.line
        name = self.str_checkname()
        if self.findlabel(name) is None:  # forward jump: solved by the label
            fs = self.fs
            fs.gotos.append([name, gline, len(fs.declared)])
        return N.Goto(name, line)

    def exprstat(self, line: int):
        e = self.suffixedexp()
        tok = self.tok
        if tok == "=" or tok == ",":
            targets = [e]
            t = type(e)
            if t is not N.Name and t is not N.Index:
                raise self.error("syntax error")
            self.check_readonly(e)
            extra = 0
            while self.tok == ",":
                self.next()
                e = self.suffixedexp()
                targets.append(e)
                extra += 1
                self.enterlevel()
                t = type(e)
                if t is not N.Name and t is not N.Index:
                    raise self.error("syntax error")
                self.check_readonly(e)
            self.checknext("=")
            exprs = self.explist()
            self.depth -= extra
            return N.Assign(targets, exprs, line)
        t = type(e)
        if t is not N.Call and t is not N.MethodCall:
            raise self.error("syntax error")
        return N.CallStat(e, line)

    stat_table = {
        ";": st_semicolon,
        "if": st_if,
        "while": st_while,
        "do": st_do,
        "for": st_for,
        "repeat": st_repeat,
        "function": st_function,
        "local": st_local,
        "::": st_dbcolon,
        "return": st_return,
        "break": st_break,
        "goto": st_goto,
    }

    # ----------------------------------------------------------- functions

    def body(self, ismethod: bool, line: int, name: Optional[str]) -> N.Function:
        """body -> '(' parlist ')' block END"""
        fs = _FuncState(self.fs, line, False)
        self.fs = fs
        self.enterblock(False)
        params = []
        if ismethod:
            self.new_localvar()
            params.append("self")
            self.adjustlocalvars(["self"])
        self.checknext("(")
        is_vararg = False
        if self.tok != ")":
            nparams = len(params)
            while True:
                tok = self.tok
                if tok == NAME:
                    params.append(self.values[self.i])
                    self.next()
                    self.new_localvar()
                elif tok == "...":
                    self.next()
                    is_vararg = True
                else:
                    raise self.error("<name> or '...' expected")
                if is_vararg or self.tok != ",":
                    break
                self.next()
            self.adjustlocalvars(params[nparams:])
        fs.is_vararg = is_vararg
        self.checknext(")")
        b = N.Block([], self.line)
        self.statlist(b.stmts)
        end_line = self.line
        self.check_match("end", "function", line)
        self.leaveblock()
        self.fs = fs.prev
        return N.Function(params, is_vararg, b, line, end_line, name)

    # ----------------------------------------------------------- expressions

    def explist(self) -> list:
        subexpr = self.subexpr
        exprs = [subexpr(0)]
        while self.tok == ",":
            self.next()
            exprs.append(subexpr(0))
        return exprs

    def expr(self) -> N.Node:
        return self.subexpr(0)

    def subexpr(self, limit: int) -> N.Node:
        depth = self.depth + 1
        if depth >= LUAI_MAXCCALLS:
            raise LuaSyntaxError("C stack overflow", self.line)
        self.depth = depth
        tok = self.tok
        # simpleexp / unary operators (the common cases first)
        if tok is NAME:
            e = self.suffixedexp()
        elif tok is NUMBER or tok is STRING:
            i = self.i
            e = (N.Number if tok is NUMBER else N.String)(self.values[i], self.line)
            i += 1
            self.i = i
            tok = self.types[i]
            if tok is ERROR:
                raise self.values[i]
            self.tok = tok
            self.line = self.lines[i]
        else:
            uop = _UNARY.get(tok)
            if uop is not None:
                line = self.line
                self.next()
                e = N.UnOp(uop, self.subexpr(_UNARY_PRIORITY), line)
            else:
                e = self.simpleexp(tok)
        # binary operators with a priority higher than limit
        op = self.tok
        pri = _BINPRI.get(op)
        while pri is not None and pri[0] > limit:
            line = self.line
            self.next()
            e = N.BinOp(op, e, self.subexpr(pri[1]), line)
            op = self.tok
            pri = _BINPRI.get(op)
        self.depth = depth - 1
        return e

    def simpleexp(self, tok: str) -> N.Node:
        """The less common simple expressions (see subexpr)."""
        if tok == "nil":
            e = N.Nil(self.line)
        elif tok == "true":
            e = N.TrueExpr(self.line)
        elif tok == "false":
            e = N.FalseExpr(self.line)
        elif tok == "...":
            if not self.fs.is_vararg:
                raise self.error("cannot use '...' outside a vararg function")
            e = N.Vararg(self.line)
        elif tok == "{":
            return self.constructor()
        elif tok == "function":
            self.next()
            return self.body(False, self.line, None)
        else:
            e = self.suffixedexp()
            if type(e) is N.Paren and type(e.expr) not in _MULTI:
                return e.expr
            return e
        self.next()
        return e

    def suffixedexp(self) -> N.Node:
        """primaryexp { '.' NAME | '[' exp ']' | ':' NAME funcargs | funcargs }

        A parenthesised primary expression is returned as a ``Paren`` node
        when nothing follows it (so that ``(a) = 1`` is rejected); callers
        that use the value fold it away unless it wraps a multi-value
        expression."""
        types = self.types
        i = self.i
        tok = self.tok
        if tok is NAME:
            line = self.line
            name = self.values[i]
            e = N.Name(name, line)
            i += 1
            self.i = i
            tok = types[i]
            if tok is ERROR:
                raise self.values[i]
            self.tok = tok
            self.line = self.lines[i]
            fs = self.fs
            if (
                name not in fs.active
                and name not in fs.upvals
                and (name not in fs.globals or "_ENV" not in fs.upvals)
            ):
                self.singlevar(name)
            if tok not in _SUFFIX_START:
                return e
        elif tok == "(":
            line = self.line
            self.next()
            inner = self.subexpr(0)
            self.check_match(")", "(", line)
            e = N.Paren(inner, line)
            if self.tok not in _SUFFIX_START:
                return e
            if type(inner) not in _MULTI:
                e = inner
        else:
            raise self.error("unexpected symbol")
        while True:
            tok = self.tok
            if tok == ".":
                line = self.line
                self.next()
                if self.tok is not NAME:
                    raise self.error_expected(NAME)
                i = self.i
                key = self.values[i]
                i += 1
                self.i = i
                tok = types[i]
                if tok is ERROR:
                    raise self.values[i]
                self.tok = tok
                self.line = self.lines[i]
                e = N.Index(e, N.String(key.encode(), line), line)
            elif tok == "(" or tok is STRING or tok == "{":
                e = N.Call(e, *self.funcargs())
            elif tok == "[":
                line = self.line
                self.next()
                key = self.subexpr(0)
                self.checknext("]")
                e = N.Index(e, key, line)
            elif tok == ":":
                self.next()
                name = self.str_checkname()
                e = N.MethodCall(e, name.encode(), *self.funcargs())
            else:
                return e

    def funcargs(self):
        tok = self.tok
        line = self.line
        if tok == "(":
            self.next()
            if self.tok == ")":
                args = []
            else:
                args = self.explist()
            self.check_match(")", "(", line)
        elif tok == STRING:
            args = [N.String(self.values[self.i], line)]
            self.next()
        elif tok == "{":
            args = [self.constructor()]
        else:
            raise self.error("function arguments expected")
        return args, line

    def constructor(self) -> N.Table:
        line = self.line
        self.checknext("{")
        fields = []
        subexpr = self.subexpr
        while self.tok != "}":
            tok = self.tok
            fline = self.line
            if tok == NAME and self.lookahead() == "=":
                key = N.String(self.values[self.i].encode(), fline)
                self.next()
                self.checknext("=")
                fields.append(N.TableField(key, subexpr(0), fline))
            elif tok == "[":
                self.next()
                key = subexpr(0)
                self.checknext("]")
                self.checknext("=")
                fields.append(N.TableField(key, subexpr(0), fline))
            else:
                fields.append(N.TableField(None, subexpr(0), fline))
            tok = self.tok
            if tok == "," or tok == ";":
                self.next()
            else:
                break
        self.check_match("}", "{", line)
        return N.Table(fields, line)

    # ----------------------------------------------------------------- chunk

    def mainfunc(self) -> N.Function:
        fs = _FuncState(None, 0, True)
        fs.upvals["_ENV"] = _REG
        self.fs = fs
        self.enterblock(False)
        b = N.Block([], self.line)
        self.statlist(b.stmts)
        if self.tok != EOF:
            raise self.error_expected(EOF)
        self.leaveblock()
        self.fs = None
        return N.Function([], True, b, 0, self.line, "main chunk")


_SUFFIX_START = frozenset((".", "[", ":", "(", STRING, "{"))
_STAT_TABLE = Parser.stat_table


def _stack_depth() -> int:
    f = sys._getframe()
    n = 0
    while f is not None:
        n += 1
        f = f.f_back
    return n


# Python frames the parser may need: a few per nesting level
_FRAMES_NEEDED = LUAI_MAXCCALLS * 6 + 200


def parse(source: Union[bytes, str], chunkname: str, *, skip_shebang: bool = True) -> N.Chunk:
    """Parse a Lua 5.4 chunk.

    ``source`` is the chunk's bytes; ``chunkname`` the already formatted name
    used in messages (``"input"``, ``"script.lua"``, ``'[string "x = 1"]'``).
    With ``skip_shebang`` (the default) a UTF-8 BOM and a first line starting
    with ``#`` (``#!/usr/bin/lua``) are ignored, as ``luaL_loadfile`` does;
    pass ``False`` for the semantics of Lua's ``load`` (which skips nothing).
    Raises ``LuaSyntaxError`` with reference Lua's message."""
    # (The cyclic garbage collector stays as the host set it: pausing it
    # here made compile a little faster but took collection away from
    # every other thread of the host while a chunk compiled.)
    old = sys.getrecursionlimit()
    need = _stack_depth() + _FRAMES_NEEDED
    if need > old:
        sys.setrecursionlimit(need)
    try:
        toks = tokenize(source, chunkname, skip_shebang)
        func = Parser(toks).mainfunc()
    finally:
        if need > old:
            sys.setrecursionlimit(old)
    return N.Chunk(func, 0, chunkname)
