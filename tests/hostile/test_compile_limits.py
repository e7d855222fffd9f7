"""Hostile sources: compiling never takes more than linear work in the
source, and whatever the compiler refuses is a LuaSyntaxError, never a raw
Python exception."""

from __future__ import annotations

import pytest

import mani
from mani.compiler import numtrees, types


def _count_type_work(monkeypatch, src: str) -> int:
    calls = [0]
    real_type, real_visit = types.expr_type, numtrees._Plan.visit

    def counted_type(*a, **k):
        calls[0] += 1
        return real_type(*a, **k)

    def counted_visit(self, *a, **k):
        calls[0] += 1
        return real_visit(self, *a, **k)

    monkeypatch.setattr(types, "expr_type", counted_type)
    monkeypatch.setattr(numtrees._Plan, "visit", counted_visit)
    try:
        mani.Engine().compile(src)
    except mani.LuaSyntaxError:
        pass  # refused (CPython's nesting limits): the work done is what counts
    return calls[0]


@pytest.mark.parametrize("term", ["x", "1", "f()"])
@pytest.mark.parametrize("op", ["+", "/", ".."])
def test_type_work_on_a_chain_is_linear(monkeypatch, term, op):
    small = _count_type_work(monkeypatch, "return " + op.join([term] * 200))
    big = _count_type_work(monkeypatch, "return " + op.join([term] * 1600))
    assert big <= 10 * small, (small, big)  # 8 times the terms


PATHOLOGICAL = {
    "add_chain": "return " + "+".join(["x"] * 3000),
    "concat_chain": "return " + "..".join(["x"] * 3000),
    "field_chain": "return a" + ".b" * 3000,
    "call_chain": "return f" + "()" * 3000,
    "parens": "return " + "(" * 300 + "1" + ")" * 300,
    "constructors": "local t = " + "{" * 300 + "}" * 300,
    "loops": "while true do " * 300 + "end " * 300,
    "ifs": "if x then " * 300 + "end " * 300,
    "or_chain": "return " + " or ".join(["x"] * 3000),
    "minus_chain": "return " + "- " * 3000 + "1",
    "not_chain": "return " + "not " * 3000 + "x",
    "functions": "x = " + "function() return " * 300 + "1" + " end" * 300,
}


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_pathological_sources_compile_or_are_refused_cleanly(name):
    try:
        mani.Engine().compile(PATHOLOGICAL[name], name="p")
    except mani.LuaSyntaxError as e:
        # reference Lua 5.4 says "C stack overflow" (no position) for
        # nesting deeper than its C stack allows
        assert e.message.startswith("p:") or e.message == "C stack overflow", e.message


# Nesting as deep as reference Lua 5.4 accepts (its limits: 200 C levels,
# 200 locals per function): deeper than CPython's 100 levels of indentation
# and 20 nested loops, so mani moves the deep part into local functions
# (compiler/outline.py). Each runs and counts its innermost statement.
def _nest(opener: str, closer: str, n: int, inner: str = "n = n + 1") -> str:
    return "local n, x = 0, true\n" + opener * n + inner + " " + closer * n + "\nreturn n"


AS_DEEP_AS_LUA = {
    "while": _nest("while x do ", "x = false end ", 190, "n = n + 1 x = false"),
    "repeat": _nest("repeat ", "until true ", 190),
    "numeric_for": _nest("for i = 1, 1 do ", "end ", 49),
    "generic_for": _nest("for _ in pairs({1}) do ", "end ", 39),
    "if": _nest("if x then ", "end ", 190),
    "if_else": _nest("if not x then else ", "end ", 190),
    "do_local": _nest("do local y = 1 ", "end ", 190),
    "close": _nest("do local c <close> = nil ", "end ", 190),
    "close_flat": _nest("", "", 1, "do " + "local c <close> = nil " * 150 + "n = n + 1 end"),
    "mixed": _nest("while x do for i = 1, 1 do if i then do ", "end end end x = false end ", 45),
    "unary_argument": _nest("", "", 1, "n = math.abs(" + "- " * 195 + "1)"),
    "and_argument": _nest("", "", 1, "n = math.max(0, " + " and ".join(["x"] * 3000) + " and 1)"),
}


@pytest.mark.parametrize("name", sorted(AS_DEEP_AS_LUA))
def test_nesting_as_deep_as_lua_accepts_compiles_and_runs(name):
    st = mani.Engine().new_state()
    st.set_cost_budget(10_000_000)
    assert st.load_string(AS_DEEP_AS_LUA[name]) == (1,)


# Nesting that reference Lua accepts but CPython's compiler does not (a
# known gap: nested functions are not moved out of each other). The
# refusal must be a Lua-style error at the Lua line, not CPython's message
# with a line of the generated code.
BEYOND_CPYTHON = {
    "nested_functions": ("local x\n\n" + "local function f()\n" * 150 + "end " * 150, 100,
                         "too many levels of indentation"),
    # a long chain is cut into statements where it is evaluated first, or
    # is an argument of a call that is (compiler/chains.py); elsewhere not yet
    "chain_operand": ("local x = 1\n\nprint(x + (" + " and ".join(["x"] * 3000) + "))", 3,
                      "too many nested parentheses"),
}


@pytest.mark.parametrize("name", sorted(BEYOND_CPYTHON))
def test_cpython_limits_are_reported_at_the_lua_line(name):
    src, line, what = BEYOND_CPYTHON[name]
    with pytest.raises(mani.LuaSyntaxError) as ei:
        mani.Engine().compile(src, name="deep.lua")
    assert ei.value.message == f"deep.lua:{line}: chunk too complex for mani ({what})"


@pytest.mark.parametrize("src", [
    "local x = 1 return " + "+".join(["x"] * 30000),
    "return a" + ".b" * 30000,
    "return f" + "()" * 30000,
])
def test_chains_beyond_the_compilers_depth_are_refused_cleanly(src):
    with pytest.raises(mani.LuaSyntaxError) as ei:
        mani.Engine().compile(src, name="long")
    assert ei.value.message.startswith("long:"), ei.value.message
