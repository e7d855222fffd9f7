"""A goto back to a label is a loop: it must be metered like one, so that a
goto loop cannot run forever under a budget."""

import pytest

import mani

GOTO_LOOPS = {
    "bare": "::a:: goto a",
    "counted": "local i = 0 ::a:: i = i + 1 if i > -1 then goto a end",
    "in a function": "local function f() local n = 0 ::top:: n = n + 1 goto top end f()",
    "in a loop body": "for i = 1, 2 do ::again:: if i > 0 then goto again end end",
    "nested block": "do ::l:: do do goto l end end end",
    "out of a loop": "local n = 0 ::top:: while true do n = n + 1 if n % 3 == 0 then goto top end end",
}


@pytest.mark.parametrize("name", list(GOTO_LOOPS))
def test_goto_loops_exhaust_the_budget(name):
    st = mani.Engine().new_state()
    st.set_cost_budget(5000)
    with pytest.raises(mani.BudgetExceeded):
        st.load_string(GOTO_LOOPS[name])
    assert 5000 < st.cost_used < 5100


def test_a_goto_back_costs_an_iteration_over_the_statements_from_its_label():
    # entry: 1 + 5 statements; each of the 99 jumps back: 1 + 4 statements
    # (i = i + 1, the if and the goto in it, the return)
    st = mani.Engine().new_state()
    assert st.load_string("local i = 0 ::a:: i = i + 1 if i < 100 then goto a end return i") == (100,)
    assert st.cost_used == 6 + 99 * 5


def test_a_goto_forward_costs_nothing_more():
    st = mani.Engine().new_state()
    assert st.load_string("local i = 1 goto skip i = 2 ::skip:: return i") == (1,)
    assert st.cost_used == 1 + 4
