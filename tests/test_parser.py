"""Tests of the Lua 5.4 lexer and parser (``mani.syntax``).

Most checks are differential: the expected error messages, string values and
numbers are computed by reference Lua 5.4 (the ``lupa`` package) for the very
same source text.
"""

from __future__ import annotations

import random
import sys

import pytest

from mani.errors import LuaSyntaxError
from mani.syntax import nodes as N
from mani.syntax.lexer import EOF, NAME, NUMBER, STRING, _Reader, tokenize
from mani.syntax.parser import parse

lupa54 = pytest.importorskip("lupa.lua54")
_LUA = lupa54.LuaRuntime(encoding=None)
_LOAD = _LUA.eval("load")
_EVAL = _LUA.eval(
    "function(s) local f, e = load(s, '=input') if not f then error(e) end "
    "return f() end"
)
_EVAL_TYPE = _LUA.eval(
    "function(s) local v = load(s, '=input')() return math.type(v) or type(v), v end"
)


# ----------------------------------------------------------------- helpers


def lua_error(src: bytes):
    """The error reference Lua's ``load`` gives for ``src`` (bytes) or None.

    ``load`` is called directly from Python, so that the C-level depth when
    the parser starts is the same as in ``mani.syntax.parser`` (its nesting
    limit then matches exactly).  lupa's message handler appends a traceback
    to the "C stack overflow" error; it is not part of the message."""
    r = _LOAD(src, b"=input")
    if isinstance(r, tuple):
        return r[1].split(b"\nstack traceback")[0]
    return None


def mani_error(src: bytes):
    try:
        parse(src, "input", skip_shebang=False)
    except LuaSyntaxError as e:
        assert isinstance(e.line, int)
        return e.lua_value
    return None


def assert_same_as_lua(src: bytes) -> None:
    expected = lua_error(src)
    got = mani_error(src)
    assert got == expected, f"source {src[:200]!r}"


def chunk(src: bytes) -> N.Chunk:
    return parse(src, "input")


def stmts(src: bytes) -> list:
    return chunk(src).func.body.stmts


def expr(src: bytes) -> N.Node:
    (s,) = stmts(b"return " + src)
    (e,) = s.exprs
    return e


def show(e: N.Node) -> str:
    """Fully parenthesised Lua text of an expression."""
    t = type(e)
    if t is N.BinOp:
        return f"({show(e.left)} {e.op} {show(e.right)})"
    if t is N.UnOp:
        return f"({e.op} {show(e.operand)})"
    if t is N.Number:
        return repr(e.value)
    if t is N.Name:
        return e.name
    if t is N.String:
        return repr(e.value.decode())
    if t is N.Paren:
        return f"({show(e.expr)})"
    if t is N.TrueExpr:
        return "true"
    if t is N.FalseExpr:
        return "false"
    if t is N.Nil:
        return "nil"
    if t is N.Index:
        return f"{show(e.obj)}[{show(e.key)}]"
    if t is N.Call:
        return f"{show(e.func)}({', '.join(map(show, e.args))})"
    if t is N.MethodCall:
        return f"{show(e.obj)}:{e.name.decode()}({', '.join(map(show, e.args))})"
    if t is N.Vararg:
        return "..."
    raise AssertionError(t)


def token_list(src: bytes):
    t = tokenize(src, "input")
    return list(zip(t.types, t.values, t.lines))


# ------------------------------------------------------------------- lexer


def test_every_token_kind():
    src = (
        b"and break do else elseif end false for function goto if in local nil not "
        b"or repeat return then true until while "
        b"+ - * / % ^ # & ~ | << >> // == ~= <= >= < > = ( ) { } [ ] :: ; : , . .. ... "
        b"name _x9 12 'str' [[long]]"
    )
    toks = token_list(src)
    texts = src.split()
    assert len(toks) == len(texts) + 1
    for (tok, value, line), text in zip(toks, texts[:-5]):
        assert tok == text.decode() and value is None and line == 1
    assert toks[-6:] == [
        (NAME, "name", 1), (NAME, "_x9", 1), (NUMBER, 12, 1), (STRING, b"str", 1),
        (STRING, b"long", 1), (EOF, None, 1),
    ]


def test_operators_without_spaces():
    assert [t for t, _, _ in token_list(b"a..b...c==d~=e<=f>=g<<h>>i//j::k")] == [
        NAME, "..", NAME, "...", NAME, "==", NAME, "~=", NAME, "<=", NAME, ">=", NAME,
        "<<", NAME, ">>", NAME, "//", NAME, "::", NAME, EOF,
    ]
    assert [t for t, _, _ in token_list(b"a.b[c]-d--e\n~f")] == [
        NAME, ".", NAME, "[", NAME, "]", "-", NAME, "~", NAME, EOF,
    ]


STRING_LITERALS = [
    rb'"plain"', rb"'single'", rb'"\a\b\f\n\r\t\v\\\"\'"', rb"'\"\''",
    rb'"\x41\x4a\x7f\xff\xFe"', rb'"\65\066\0677\0\1\255"', rb'"\u{41}\u{7FF}\u{800}"',
    rb'"\u{FFFF}\u{10000}\u{10FFFF}\u{110000}\u{7FFFFFFF}\u{0000041}"',
    b'"a\\z   \n\n   b"', b'"a\\z"', b'"line\\\nnext"', b'"cr\\\r\nlf"', b'"lf\\\n\rcr"',
    b'[[\nfirst newline skipped]]', b'[[\r\nfirst]]', b'[==[a]]b]=]c]==]',
    b"[=[\nx\r\ny\n\rz\rw]=]", b"[[]]", b'""', b"''", b'"\xc3\xa9\x00\x01\xff"',
    b"[===[ level 3 ]===]", b"[=====[ level 5 ]=] ]=====]", b'"a\\z\\z\\z  b"',
]


@pytest.mark.parametrize("lit", STRING_LITERALS)
def test_string_values_match_lua(lit):
    (s,) = stmts(b"return " + lit)
    (e,) = s.exprs
    assert type(e) is N.String
    assert e.value == _EVAL(b"return " + lit)


NUMERALS = [
    b"0", b"1", b"00012", b"3.", b".5", b"3.25", b"1e10", b"1E+2", b"2e-3", b"0x10", b"0XfF",
    b"0x7fffffffffffffff", b"0xffffffffffffffff", b"0x1ffffffffffffffff", b"0x8000000000000000",
    b"9223372036854775807", b"9223372036854775808", b"18446744073709551616", b"1e400",
    b"0x1p4", b"0x.8", b"0x1.8p1", b"0xA.8P-1", b"0x1p-2000", b"0x1p99999", b"0x1.", b"1.e2",
    b"123456789012345678901234567890", b"0.1", b"4.9e-324", b"0x" + b"f" * 40,
]


@pytest.mark.parametrize("num", NUMERALS)
def test_number_values_match_lua(num):
    e = expr(num)
    assert type(e) is N.Number
    kind, value = _EVAL_TYPE(b"return " + num)
    assert (b"integer" if isinstance(e.value, int) else b"float") == kind
    assert e.value == value


def test_number_examples():
    assert expr(b"0x7fffffffffffffff").value == 2**63 - 1
    assert expr(b"0xffffffffffffffff").value == -1
    v = expr(b"9223372036854775808").value
    assert isinstance(v, float) and v == 2.0**63
    assert expr(b"0x1p4").value == 16.0 and isinstance(expr(b"0x1p4").value, float)
    assert expr(b"3.").value == 3.0 and expr(b".5").value == 0.5
    assert expr(b"1e10").value == 1e10 and isinstance(expr(b"1e10").value, float)
    assert expr(b"-1").op == "-"  # no constant folding


def test_line_counting():
    src = b"a\nb\rc\r\nd\n\re\n\nf\r\rg --c\nh --[[\n\n]] i [[\n\nx]] j"
    lines = {v: ln for t, v, ln in token_list(src) if t == NAME}
    assert lines == {"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 7, "g": 9, "h": 10, "i": 12, "j": 14}
    # a multi-line string token is on the line where it ends (like Lua)
    toks = token_list(b'x = "a\\\nb" y')
    assert toks[2] == (STRING, b"a\nb", 2) and toks[3] == (NAME, "y", 2)


def test_comments_and_shebang():
    src = b"#!/usr/bin/lua\n--[==[ long\n]] still ]==] x = 1 -- short\n--[ not long\ny = 2 --"
    s = stmts(src)
    assert [(type(x), x.line) for x in s] == [(N.Assign, 3), (N.Assign, 5)]
    # load() semantics: no shebang skipping
    assert mani_error(b"#!x\nx = 1") == lua_error(b"#!x\nx = 1")
    assert parse(b"# comment\nreturn", "input").func.body.stmts[0].line == 2


def _reader_tokens(src: bytes):
    """Tokenize with the character-level reader only (the reference)."""
    text = src.decode("latin-1")
    out = []
    pos, line = 0, 1
    while True:
        r = _Reader(text, pos, line, None)
        tok, value, _ = r.token()
        pos, line = r.pos, r.line
        out.append((tok, value, line))
        if tok == EOF:
            return out


def test_windows_of_the_fast_lexer():
    # many multi-line tokens, some crossing the lexer's 32 KiB windows
    rnd = random.Random(7)
    pieces = [
        b"x = 1\n", b"s = [[\nab\ncd]]\n", b"--[==[\ncomment\n]==]\n", b's = "a\\\nb"\n',
        b's = "\\z\n\n  q"\n', b"--[[ c ]] y = 2\n", b"t = [=====[ long\n level ]=====]\n",
        b"f(1.5e3, 0x10, 'q')\n", b"\n\n\n", b"a.b.c = d .. e\n", b"-- comment only\n",
    ]
    src = b"".join(rnd.choice(pieces) for _ in range(15000))
    assert len(src) > 200_000
    t = tokenize(src, "input")
    assert list(zip(t.types, t.values, t.lines)) == _reader_tokens(src)
    assert lua_error(src) is None and mani_error(src) is None


# ------------------------------------------------------------- expressions


PRECEDENCE = {
    b"1 + 2 * 3": "(1 + (2 * 3))",
    b"1 * 2 + 3": "((1 * 2) + 3)",
    b"1 - 2 - 3": "((1 - 2) - 3)",
    b"2 ^ 3 ^ 2": "(2 ^ (3 ^ 2))",
    b"-x ^ 2": "(- (x ^ 2))",
    b"2 ^ -3": "(2 ^ (- 3))",
    b"not a == b": "((not a) == b)",
    b"a .. b .. c": "(a .. (b .. c))",
    b"a + b .. c + d": "((a + b) .. (c + d))",
    b"a or b and c": "(a or (b and c))",
    b"a and b or c and d": "((a and b) or (c and d))",
    b"a < b == c": "((a < b) == c)",
    b"a | b ~ c & d": "(a | (b ~ (c & d)))",
    b"a << 1 .. 2": "(a << (1 .. 2))",
    b"a == b | c": "(a == (b | c))",
    b"1 // 2 % 3 * 4 / 5": "((((1 // 2) % 3) * 4) / 5)",
    b"#t + 1": "((# t) + 1)",
    b"- - x": "(- (- x))",
    b"~ ~ x ~ y": "((~ (~ x)) ~ y)",
    b"a .. b ^ c .. d": "(a .. ((b ^ c) .. d))",
    b"-2 ^ -2 ^ 2": "(- (2 ^ (- (2 ^ 2))))",
    b"(a + b) * c": "((a + b) * c)",
    b"a >= b ~= c <= d > e": "((((a >= b) ~= c) <= d) > e)",
}


@pytest.mark.parametrize("src", list(PRECEDENCE))
def test_precedence(src):
    assert show(expr(src)) == PRECEDENCE[src]


def test_precedence_differential_random():
    """Random operator soup: the fully parenthesised form of our tree must
    evaluate exactly like the original text in reference Lua."""
    rnd = random.Random(1234)
    binops = ["+", "-", "*", "/", "//", "%", "^", "..", "==", "~=", "<", "<=", ">", ">=",
              "&", "|", "~", "<<", ">>", "and", "or"]
    unops = ["-", "not ", "~"]
    run = _LUA.eval(
        "function(a, b) local fa, fb = load(a, '=x'), load(b, '=x') "
        "local r1 = table.pack(pcall(fa)) local r2 = table.pack(pcall(fb)) "
        "return tostring(r1[1]) .. tostring(r1[2]), tostring(r2[1]) .. tostring(r2[2]) end"
    )
    for _ in range(400):
        parts = []
        for k in range(rnd.randint(2, 7)):
            if k:
                parts.append(rnd.choice(binops))
            parts.append("".join(rnd.choice(unops) for _ in range(rnd.randint(0, 1))) + str(rnd.randint(1, 9)))
        text = " ".join(parts)
        tree = expr(text.encode())
        a, b = run(b"return " + text.encode(), b"return " + show(tree).encode())
        assert a == b, text


def test_suffixes_and_calls():
    e = expr(b"a.b[c]:m(1)(2)'s'{3}[[l]]")
    assert type(e) is N.Call and type(e.args[0]) is N.String and e.args[0].value == b"l"
    inner = e.func
    assert type(inner) is N.Call and type(inner.args[0]) is N.Table
    assert type(inner.func) is N.Call and inner.func.args[0].value == b"s"
    m = inner.func.func.func
    assert type(m) is N.MethodCall and m.name == b"m"
    idx = m.obj
    assert type(idx) is N.Index and type(idx.key) is N.Name
    assert type(idx.obj) is N.Index and idx.obj.key.value == b"b"


def test_parens_only_where_they_matter():
    (r,) = stmts(b"return (f()), (...), (a), ((f())), ('x'), (a.b), (f)()")
    e1, e2, e3, e4, e5, e6, e7 = r.exprs
    assert type(e1) is N.Paren and type(e1.expr) is N.Call
    assert type(e2) is N.Paren and type(e2.expr) is N.Vararg
    assert type(e3) is N.Name
    assert type(e4) is N.Paren and type(e4.expr) is N.Call
    assert type(e5) is N.String and type(e6) is N.Index
    assert type(e7) is N.Call and type(e7.func) is N.Name
    (s,) = stmts(b"(a).b = 1")
    assert type(s.targets[0]) is N.Index and type(s.targets[0].obj) is N.Name


def test_table_constructor():
    t = expr(b"{1, x = 2; [3] = 4, f(), ...; }")
    keys = [None if f.key is None else show(f.key) for f in t.fields]
    assert keys == [None, "'x'", "3", None, None]
    assert type(t.fields[3].value) is N.Call and type(t.fields[4].value) is N.Vararg
    assert expr(b"{}").fields == []


def test_literals():
    (r,) = stmts(b"return nil, true, false, ..., function(a, ...) end")
    assert [type(e) for e in r.exprs] == [N.Nil, N.TrueExpr, N.FalseExpr, N.Vararg, N.Function]
    f = r.exprs[-1]
    assert f.params == ["a"] and f.is_vararg and f.name is None


# -------------------------------------------------------------- statements


def test_every_statement_kind():
    src = b"""local a <const>, b <close>, c = 1, 2
local function f(x, y) return x end
function g.h.i(...) end
function g.h:m(z) return self end
a.b, c[1] = 1, 2
print("x")
obj:method{1}
do ; end
while x do break end
repeat local q = 1 until q
if a then elseif b then else end
for i = 1, 10, 2 do end
for i = 1, 10 do end
for k, v in pairs(t), 2 do end
goto done
::done::
return 1, 2;
"""
    s = stmts(src)
    kinds = [type(x) for x in s]
    assert kinds == [
        N.Local, N.LocalFunction, N.Assign, N.Assign, N.Assign, N.CallStat, N.CallStat, N.Do,
        N.While, N.Repeat, N.If, N.NumericFor, N.NumericFor, N.GenericFor, N.Goto, N.Label,
        N.Return,
    ]
    assert [x.line for x in s] == list(range(1, 18))
    loc = s[0]
    assert loc.names == ["a", "b", "c"] and loc.attribs == ["const", "close", None]
    assert len(loc.exprs) == 2
    lf = s[1]
    assert lf.name == "f" and lf.func.name == "f" and lf.func.params == ["x", "y"]
    fa = s[2]
    assert show(fa.targets[0]) == "g['h']['i']" and fa.exprs[0].name == "g.h.i"
    assert fa.exprs[0].is_vararg and fa.exprs[0].params == []
    meth = s[3].exprs[0]
    assert meth.name == "g.h:m" and meth.params == ["self", "z"]
    assert [show(t) for t in s[4].targets] == ["a['b']", "c[1]"]
    assert type(s[5].call) is N.Call and type(s[6].call) is N.MethodCall
    assert s[7].body.stmts == []
    assert type(s[8].body.stmts[0]) is N.Break
    rep = s[9]
    assert type(rep.body.stmts[0]) is N.Local and show(rep.cond) == "q"
    iff = s[10]
    assert len(iff.tests) == 2 and iff.orelse is not None
    assert s[11].var == "i" and show(s[11].step) == "2" and s[12].step is None
    assert s[13].names == ["k", "v"] and len(s[13].exprs) == 2
    assert s[14].label == "done" and s[15].name == "done"
    assert len(s[16].exprs) == 2


def test_function_names_and_lines():
    c = chunk(b"function f()\nend\nlocal function g()\n\nend\nx = function()\nend\nfunction t:m() end")
    f, g, x, m = c.func.body.stmts
    assert f.exprs[0].name == "f" and (f.exprs[0].line, f.exprs[0].end_line) == (1, 2)
    assert g.func.name == "g" and (g.func.line, g.func.end_line) == (3, 5)
    assert x.exprs[0].name is None and (x.exprs[0].line, x.exprs[0].end_line) == (6, 7)
    assert m.exprs[0].name == "t:m" and m.exprs[0].params == ["self"]
    main = c.func
    assert main.name == "main chunk" and main.is_vararg and main.params == []
    assert main.line == 0 and main.end_line == 8
    assert c.source_name == "input"


def test_node_lines():
    (s,) = stmts(b"x = a\n+\nb\n..\nf\n(\n1)\n.y")
    e = s.exprs[0]
    assert type(e) is N.BinOp and e.op == ".." and e.line == 4
    assert e.left.op == "+" and e.left.line == 2 and e.left.right.line == 3
    idx = e.right
    assert type(idx) is N.Index and idx.line == 8
    assert type(idx.obj) is N.Call and idx.obj.line == 6 and idx.obj.func.line == 5
    (s,) = stmts(b"local t = -\nx")
    assert s.exprs[0].line == 1 and s.exprs[0].operand.line == 2


def test_long_chains_do_not_recurse():
    n = 100_000
    e = expr(b"a" + b".b" * n)
    depth = 0
    while type(e) is N.Index:
        e = e.obj
        depth += 1
    assert depth == n
    assert type(expr(b"f" + b"()" * n)) is N.Call
    assert type(expr(b"x" + b" + x" * n)) is N.BinOp
    s = stmts(b"a" + b":b()" * 20_000)
    assert type(s[0].call) is N.MethodCall


# ------------------------------------------------------------ syntax errors

ERROR_CASES = [
    b"x = = 1", b"x", b"x.y", b"(x)", b"f() = 1", b"a, f() = 1", b"a, b", b"x = 1 2",
    b"local x <foo> = 1", b"local a <close>, b <close> = 1", b"local x <", b"local x <const",
    b"function f() return ... end", b"x = function() return ... end",
    b'x = "abc\\q"', b'x = "abc', b'x = "abc\n"', b"x = [[abc", b"x = [==[ abc ]=]", b"--[==[ abc ",
    b"x = [=", b"x = [==x", b"x = 3x", b"x = 0x", b"x = 1e", b"x = 1..2", b"x = 3.4.5", b"x = 0x1p",
    b"x = .0x5", b'x = "\\xg"', b'x = "\\x4"', b'x = "\\u{110000000}"', b'x = "\\u{80000000}"',
    b'x = "\\300"', b'x = "\\9999"', b'x = "\\u{}"', b'x = "\\u12"', b'x = "\\u{12"', b'x = "\\',
    b"if x then", b"if x then\n\n", b"while x\n do \n\n", b"repeat x = 1", b"f(", b"f(\n\n",
    b"x = {1,2", b"x = {\n1,\n2", b"x = (1", b"x = (\n1", b"goto 1", b"local function 1",
    b"for i = 1 do end", b"for i do end", b"for 1 do end", b"for a, b = 1 do end",
    b"function f(a,) end", b"function f(1) end", b"function f(..., a) end", b"function 1() end",
    b"function a.1() end", b"function a:b.c() end", b"return 1; x = 1", b"return return",
    b"x = {[1] 2}", b"a.b:c = 1", b"a:b", b"x = a:1", b"elseif", b"end", b"until x",
    b"if x then else elseif", b"x = 1 and", b"x = }", b"\x01", b"x = @", b"x = \xc3\xa9",
    b"x = ~= 1", b"x = 1 +", b"::a", b"::1::", b"break", b"goto x", b"::a:: ::a::",
    b"::a::\n::a::", b"goto a; local x; ::a:: print(x)", b"do goto a end local x ::a:: print(x)",
    b"function f()\n goto a\nend x x", b"local x <const> = 1; x = 2",
    b"local x <const> = 1; function g() x = 2 end", b"local x <close> = nil; function x() end",
    b"x = a.b.c:d", b'x = 1 "a\\0b"', b"x = 1 [[\n\nlong]]", b"x = \x00", b"x = #", b"local",
    b"local 1", b"x, = 1", b"x = 1,", b"t = {,}", b"t = {x = }", b"f{}.x", b"return (", b"do",
    b"x = y z", b'x = "\\u{7FFFFFFF}" y', b"x = 1 --[[ \n ]] = 2", b"a.b.c[1]:d'x'.e",
]


@pytest.mark.parametrize("src", ERROR_CASES)
def test_syntax_error_messages_match_lua(src):
    assert lua_error(src) is not None
    assert_same_as_lua(src)


def test_error_is_luasyntaxerror_with_line():
    with pytest.raises(LuaSyntaxError) as info:
        parse(b"x = 1\n\ny = = 2", "script.lua")
    assert info.value.line == 3
    assert str(info.value) == "script.lua:3: unexpected symbol near '='"


def test_chunkname_is_used_verbatim():
    with pytest.raises(LuaSyntaxError) as info:
        parse(b"x = ", '[string "x = "]')
    assert str(info.value) == "[string \"x = \"]:1: unexpected symbol near <eof>"


# ----------------------------------------------------------------- limits


def _c_stack_error(src: bytes):
    expected = lua_error(src)
    got = mani_error(src)
    return expected, got


@pytest.mark.parametrize(
    "name, make, ns",
    [
        ("parens", lambda n: b"x = " + b"(" * n + b"1" + b")" * n, (196, 197, 300, 100_000)),
        ("tables", lambda n: b"x = " + b"{" * n + b"}" * n, (196, 197, 100_000)),
        ("unary minus", lambda n: b"x = " + b"- " * n + b"1", (196, 197, 10_000)),
        ("not", lambda n: b"x = " + b"not " * n + b"1", (196, 197, 10_000)),
        ("concat", lambda n: b"x = " + b" .. ".join([b"a"] * n), (197, 198, 10_000)),
        ("power", lambda n: b"x = " + b" ^ ".join([b"a"] * n), (197, 198, 10_000)),
        ("plus", lambda n: b"x = " + b" + ".join([b"a"] * n), (10_000,)),
        ("do", lambda n: b"do " * n + b"end " * n, (198, 199, 100_000)),
        ("if", lambda n: b"if x then " * n + b"end " * n, (197, 198, 100_000)),
        ("while", lambda n: b"while x do " * n + b"end " * n, (197, 198, 10_000)),
        ("repeat", lambda n: b"repeat " * n + b"until x " * n, (197, 198, 10_000)),
        ("functions", lambda n: b"x = " + b"function() return " * n + b"1" + b" end" * n, (98, 99, 10_000)),
        ("local functions", lambda n: b"local function f() " * n + b" end" * n, (197, 198, 10_000)),
        ("calls", lambda n: b"x = " + b"f(" * n + b"1" + b")" * n, (196, 197, 10_000)),
        ("indexes", lambda n: b"x = " + b"a[" * n + b"1" + b"]" * n, (196, 197, 10_000)),
        ("targets", lambda n: b",".join([b"a"] * n) + b" = 1", (197, 198, 10_000)),
        ("labels", lambda n: b"".join(b"::l%d:: " % i for i in range(n)), (197, 198, 1000)),
    ],
)
def test_nesting_limits_match_lua(name, make, ns):
    for n in ns:
        src = make(n)
        expected, got = _c_stack_error(src)
        assert got == expected, (name, n)


def test_deep_nesting_error_text():
    with pytest.raises(LuaSyntaxError) as info:
        parse(b"x = " + b"(" * 100_000 + b"1" + b")" * 100_000, "input")
    assert str(info.value) == "C stack overflow"


def test_low_recursion_limit_is_not_a_problem():
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(200)
    try:
        parse(b"x = " + b"(" * 190 + b"1" + b")" * 190, "input")
        parse(b"local function f() " * 190 + b" end" * 190, "input")
    finally:
        sys.setrecursionlimit(old)


def _locals(n, prefix=b"a"):
    return b"".join(b"local %s%d\n" % (prefix, i) for i in range(n))


LIMIT_CASES = [
    b"local " + b",".join(b"a%d" % i for i in range(200)) + b" = 1 x = y",
    b"local " + b",".join(b"a%d" % i for i in range(201)) + b" = 1 x = y",
    _locals(201) + b" x = y",
    b"\nlocal function f()\n" + _locals(201) + b" x = y end",
    b"function f(" + b",".join(b"a%d" % i for i in range(201)) + b") end",
    b"function t:f(" + b",".join(b"a%d" % i for i in range(200)) + b") end",
    b"".join(b"do " + _locals(150) + b" end " for _ in range(3)),
    _locals(196) + b"for i = 1, 2 do end",
    _locals(197) + b"for i = 1, 2 do end",
    _locals(195) + b"for i in x do end",
    _locals(196) + b"for i, j in x do end",
    _locals(199) + b"local a <const>, b <close>, c = 1",
]


def _upvalues(n, extra=b"", const=False):
    kw = b" <const>" if const else b""
    m = min(n, 150)
    return (
        b"".join(b"local a%d%s = %d\n" % (i, kw, i) for i in range(150))
        + b"local function g()\n" + _locals(150, b"b") + b"\nlocal function f()\n return "
        + b" + ".join([b"a%d" % i for i in range(m)] + [b"b%d" % i for i in range(n - m)])
        + extra + b" end end"
    )


LIMIT_CASES += [_upvalues(n, e, c) for n in (254, 255, 256) for e in (b"", b" + g") for c in (False, True)]


@pytest.mark.parametrize("src", LIMIT_CASES)
def test_local_and_upvalue_limits_match_lua(src):
    assert_same_as_lua(src)


# ------------------------------------------------------------- differential


def test_random_token_soup_matches_lua():
    rnd = random.Random(99)
    voc = [
        b"(", b")", b"{", b"}", b"[", b"]", b"=", b"==", b",", b";", b"end", b"local", b"function",
        b"x", b"y", b"1", b"2.5", b'"s"', b"...", b"..", b".", b":", b"::", b"<", b">", b"<const>",
        b"<close>", b"return", b"break", b"goto", b"if", b"then", b"else", b"elseif", b"for", b"in",
        b"do", b"while", b"until", b"repeat", b"not", b"-", b"#", b"~", b"[[a]]", b"\n", b"+", b"*",
        b"^", b"and", b"or", b"nil", b"true", b"a.b", b"f()", b"x:m", b"0x1p4", b"//", b"~=",
        b"::l::", b"goto l", b"= 1", b"x =", b"local x", b"function f()",
    ]
    for _ in range(3000):
        src = b" ".join(rnd.choice(voc) for _ in range(rnd.randint(1, 12)))
        assert_same_as_lua(src)


def test_random_character_soup_matches_lua():
    rnd = random.Random(5)
    voc = [
        b'"', b"'", b"\\", b"[", b"]", b"=", b"-", b"\n", b"\r", b"x", b"u", b"{", b"}", b"z", b"1",
        b"0", b"9", b"e", b"p", b".", b" ", b"+", b"\t", b"\x00", b"\xff", b"F", b"5", b"--", b"~",
    ]
    for _ in range(3000):
        src = rnd.choice([b"x = ", b"return ", b"", b"f "]) + b"".join(
            rnd.choice(voc) for _ in range(rnd.randint(1, 14))
        )
        assert_same_as_lua(src)


def test_random_goto_programs_match_lua():
    """Labels, gotos, breaks, locals and blocks in random arrangements: the
    parser accepts/rejects (with the same message) exactly like Lua."""
    rnd = random.Random(3)

    def block(d):
        out = []
        for _ in range(rnd.randint(0, 4)):
            k = rnd.randrange(12)
            if k == 0:
                out.append(f"goto {rnd.choice('abc')}")
            elif k == 1:
                out.append(f"::{rnd.choice('abc')}::")
            elif k == 2:
                out.append(f"local {rnd.choice('xyz')}")
            elif k == 3:
                out.append("break")
            elif k == 4 and d < 4:
                out.append("do " + block(d + 1) + " end")
            elif k == 5 and d < 4:
                out.append("while x do " + block(d + 1) + " end")
            elif k == 6 and d < 4:
                out.append("repeat " + block(d + 1) + " until x")
            elif k == 7 and d < 4:
                out.append("if x then " + block(d + 1) + " else " + block(d + 1) + " end")
            elif k == 8 and d < 4:
                out.append("for i = 1, 2 do " + block(d + 1) + " end")
            elif k == 9 and d < 4:
                out.append("local function f() " + block(d + 1) + " end")
            elif k == 10:
                out.append(";")
            else:
                out.append("x = 1")
        if rnd.random() < 0.1:
            out.append("return")
        return "\n".join(out)

    for _ in range(2000):
        assert_same_as_lua(block(0).encode())


def test_loadfile_semantics(tmp_path, monkeypatch):
    """skip_shebang=True behaves like luaL_loadfile (BOM, '#' first line)."""
    loadfile = _LUA.eval("function(p) local f, e = loadfile(p) return e end")
    monkeypatch.chdir(tmp_path)  # short names: Lua abbreviates long ones
    for i, src in enumerate([
        b"#!x\ry = = 1", b"#!x\r\ny = = 1", b"\xef\xbb\xbf#!x\nreturn = ",
        b"\xef\xbb\xbfreturn = ", b"# c\n\n\nx = = 1", b"#", b"#!/usr/bin/lua\nreturn 1",
    ]):
        path = f"f{i}.lua"
        (tmp_path / path).write_bytes(src)
        expected = loadfile(path.encode())
        try:
            parse(src, path)
            got = None
        except LuaSyntaxError as e:
            got = e.lua_value
        assert got == expected, src


VALID_PROGRAMS = [
    b"""
local Account = {}
Account.__index = Account
function Account.new(balance) return setmetatable({balance = balance or 0}, Account) end
function Account:deposit(v) self.balance = self.balance + v end
local a <const> = Account.new(100)
a:deposit(50.5e0)
local t = {1, 2, 3; n = 3, ["k"] = 'v', [10] = {x = {y = {}}}}
for i, v in ipairs(t) do if v % 2 == 0 then goto continue end ::continue:: end
local s = ("x"):rep(3) .. #t .. -t[1] ^ 2
while true do break end
repeat local q = 1 until q == 1
do local x <close> = nil end
return a, s, ...
""",
    b"local function f(...) local a, b = ... return select('#', ...), (...) end return f(1, 2)",
    b"x = 1; ; ; y = 2;",
    b"::a:: ::b:: goto a",
    b"do goto x end ::x::",
    b"local x = 1 goto done local y ::done::",
    b"for i = 1, 3 do local j = i goto cont local k ::cont:: end",
    b"return function(...) return ... end",
    b"f{...}",
    b"local _ENV = {print = print} x = 1 print(x)",
]


@pytest.mark.parametrize("src", VALID_PROGRAMS)
def test_valid_programs(src):
    assert lua_error(src) is None
    assert mani_error(src) is None


def _calls_to_parse(src: bytes) -> int:
    """Python and C function calls made while parsing ``src``: a measure of
    the parser's work that, unlike time, does not depend on machine load."""
    calls = 0

    def count(frame, event, arg):
        nonlocal calls
        if event in ("call", "c_call"):
            calls += 1

    sys.setprofile(count)
    try:
        parse(src, "input")
    finally:
        sys.setprofile(None)
    return calls


def test_parse_work_is_linear():
    line = b"t = {x = 1, y = 'two'} if t.x > 0 then print(t.y .. tostring(t.x * 2)) end\n"
    small = _calls_to_parse(line * 300)
    big = _calls_to_parse(line * 3000)
    assert big <= 10.5 * small
