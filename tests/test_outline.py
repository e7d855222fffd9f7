"""Blocks nested more deeply than CPython allows are moved into local
functions (compiler/outline.py); the Lua behaviour is checked against
reference Lua by tests/lua/nesting_deep_blocks.lua. These check what only
the host sees: tracebacks, costs and the generated code."""

from __future__ import annotations

import mani

DEEP_F = "local function f()\n" + "if true then\n" * 60 + "error('deep')\n" + "end\n" * 60 + "end\nf()\n"


def test_a_traceback_shows_the_lua_function_once():
    st = mani.Engine().new_state()
    try:
        st.load_string(DEEP_F, "deep")
    except mani.LuaError as e:
        assert e.message == "deep:62: deep"
        assert e.lua_traceback.splitlines()[1:4] == [
            "\t[C]: in function 'error'",
            "\tdeep:62: in function 'f'",
            "\tdeep:124: in main chunk",
        ]
    else:
        raise AssertionError("no error")


def _cost(src: str) -> int:
    st = mani.Engine().new_state()
    st.set_cost_budget(10**9)
    st.load_string(src)
    return st.cost_used


def test_an_outlined_block_costs_what_it_would_inline():
    # the same statements at a depth that is outlined and one that is not:
    # only the enclosing ifs (one unit each, and their condition) differ
    body = "local n = 0 for i = 1, 10 do n = n + i end"
    shallow = _cost("if true then " * 10 + body + " end" * 10)
    deep = _cost("if true then " * 70 + body + " end" * 70)
    per_if = (_cost("if true then " * 11 + body + " end" * 11) - shallow)
    assert deep == shallow + 60 * per_if


def test_only_deep_code_is_outlined():
    eng = mani.Engine()
    shallow = eng.compile("if true then " * 20 + "x = 1" + " end" * 20)
    deep = eng.compile("if true then " * 60 + "x = 1" + " end" * 60)
    assert "_blk" not in shallow.python_source
    assert "def _blk" in deep.python_source
