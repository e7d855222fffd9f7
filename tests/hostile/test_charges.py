"""Work that takes time in proportion to its size is charged in proportion
to its size, and nothing grows past the Engine's limits."""

from __future__ import annotations

import pytest

import mani


def _cost(src: str, **kw) -> int:
    st = mani.Engine(**kw).new_state()
    st.load_string(src)
    return st.cost_used


@pytest.mark.parametrize("expr", [
    "s .. s",        # statically strings: the unguarded path
    "s .. s .. s",   # the same, three operands
    "s .. 1",        # string and integer: unguarded too
    "x .. x",        # operands of unknown type: the guarded path
    "x .. 1",        # a number: the concat helper
    "x .. 1.5",      # a float: the concat helper
    "x .. x .. x",   # three operands of unknown type: concat_n
])
def test_concatenation_stops_at_max_string_size(expr):
    # s is exactly max_string_size long (3 * 2^18): one more byte is too many
    src = f"""
      local s = "xyz"
      for i = 1, 18 do s = s .. s end
      local function id(v) return v end
      local x = id(s)
      return {expr}
    """
    st = mani.Engine(max_string_size=3 << 18).new_state()
    st.set_cost_budget(10**8)
    with pytest.raises(mani.LuaError) as ei:
        st.load_string(src, name="c")
    assert ei.value.message == "c:6: string length overflow", ei.value.message
    head, _ = src.rsplit(expr, 1)
    assert st.load_string(head + "#s .. ''", name="c") == ("786432",)


def test_doubling_a_string_is_an_error_not_a_memory_bomb():
    st = mani.Engine().new_state()  # default max_string_size: 16 MiB
    st.set_cost_budget(10**9)
    with pytest.raises(mani.LuaError) as ei:
        st.load_string("local s = 'x' while true do s = s .. s end", name="bomb")
    assert ei.value.message == "bomb:1: string length overflow"
    # and a script can catch it, as reference Lua's error
    assert st.load_string("return pcall(function() local s = 'x' while true do s = s .. s end end)") == (
        False, "[string \"return pcall(function() local s = 'x' while t...\"]:1: string length overflow")


def test_long_concatenations_are_charged_by_size():
    small = _cost("local s = string.rep('a', 100) local t = s .. s")
    big = _cost("local s = string.rep('a', 1000000) local t = s .. s")
    # the big one: 2 MB built = 31,250 units more (one per 64 bytes), plus rep's own charge
    assert big - small >= 2_000_000 // 64


def test_print_is_charged_by_size():
    out = []

    class Out(mani.HostCallbacks):
        def on_print(self, source, line, message):
            out.append(len(message))

    st = mani.Engine().new_state(Out())
    st.set_cost_budget(1_000_000)
    st.load_string("big = string.rep('p', 4000000)")
    before = st.cost_used
    with pytest.raises(mani.BudgetExceeded):
        st.load_string("while true do print(big) end")
    # 4 MB lines cost 62,500 units each: the budget stops it within 16 lines
    assert 1 <= len(out) <= 16
    assert st.cost_used - before <= 1_000_000 + 62_600


@pytest.mark.parametrize("raise_", ["pcall(error, big, 2)", "pcall(function() assert(false, big) end)",
                                    "pcall(function() error(big) end)"])
def test_error_messages_are_charged_by_size(raise_):
    # the position prefix copies the message: 4 MB cost 62,500 units each
    # (pcall(error, big) adds none: error's caller is pcall, no Lua function)
    st = mani.Engine().new_state()
    st.set_cost_budget(1_000_000)
    st.load_string("big = string.rep('e', 4000000) n = 0")
    before = st.cost_used
    with pytest.raises(mani.BudgetExceeded):
        st.load_string(f"while true do {raise_} n = n + 1 end")
    assert st.globals["n"] <= 16
    assert st.cost_used - before <= 1_000_000 + 62_600


def test_table_concat_of_a_huge_range_fails_at_once_without_charging_it():
    # found by tools/fuzz.py: the whole range was charged before the first
    # element was looked at (Lua fails at the first bad one)
    st = mani.Engine().new_state()
    st.set_cost_budget(10_000)
    r = st.load_string("return pcall(table.concat, {}, nil, math.mininteger)")
    assert r[0] is False and "invalid value (nil) at index" in r[1]
    assert st.cost_used < 1_000
