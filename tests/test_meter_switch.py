"""The private switch that compiles code without meter updates (for
``bench/run.py --no-meter``) must stay private: every way the public API
compiles Lua generates metered code."""

import pytest

import mani
from mani.compiler import codegen
from mani.engine import _compile_program

LOOPS_AND_CALLS = """
local function f(n) return n + 1 end
local s = 0
for i = 1, 1000 do s = f(s) end
local j = 0
while j < 1000 do j = j + 1 end
return s + j
"""


@pytest.fixture
def generate_calls(monkeypatch):
    """Record the ``metered`` argument of every code generation."""
    seen = []
    real = codegen.generate

    def spy(chunk, model, metered=True, source=b""):
        seen.append(metered)
        return real(chunk, model, metered, source)

    monkeypatch.setattr(codegen, "generate", spy)
    return seen


def test_every_public_compile_path_is_metered(generate_calls):
    eng = mani.Engine(module_loader={"m": "return {x = 1}"}.get)
    eng.compile("return 1")
    st = eng.new_state()
    st.load_string("return 2")
    st.load_string("""
        local g = load("return 3"); g()
        local m = require("m")
        return m.x
    """)
    assert len(generate_calls) >= 4  # (the Engine may compile Lua of its own)
    assert all(m is True for m in generate_calls)


def test_public_compile_charges_loops_and_calls():
    st = mani.Engine().new_state()
    assert st.load_string(LOOPS_AND_CALLS) == (2000,)
    assert st.cost_used > 3000
    st = mani.Engine().new_state()
    st.set_cost_budget(500)
    with pytest.raises(mani.BudgetExceeded):
        st.load_string(LOOPS_AND_CALLS)


def test_the_private_switch_leaves_out_every_meter_update():
    # what bench/run.py --no-meter measures: the same program with no charge
    eng = mani.Engine()
    prog = _compile_program(eng, LOOPS_AND_CALLS, "t", metered=False)
    assert "_B -" not in prog.python_source and "chunks(" not in prog.python_source
    st = eng.new_state()
    st.set_cost_budget(500)
    assert st.load(prog) == (2000,)
    assert st.cost_used == 0
