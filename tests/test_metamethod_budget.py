"""Exponential work done only through metamethods, by Lua functions that
contain no call and no loop: the meter must still stop each script on its
budget, fast (every function entry is a check point)."""

from __future__ import annotations

import time

import pytest

import mani

# Each builds a small structure with a few calls, then starts work in which
# no Lua function contains a call or a loop.
SCRIPTS = {
    # exponential: a DAG of 40 levels walked through __add
    "__add": """
        local mt = {}
        mt.__add = function(a, b) return (a.l + 0) + (a.r + 0) end
        local node = 1
        for i = 1, 40 do node = setmetatable({ l = node, r = node }, mt) end
        return node + 0
    """,
    "__index": """
        local mt = {}
        mt.__index = function(t, k) return t.l[k] + t.r[k] end
        local node = { x = 1 }
        for i = 1, 40 do node = setmetatable({ l = node, r = node }, mt) end
        return node.x
    """,
    "__newindex": """
        local mt = {}
        mt.__newindex = function(t, k, v) t.l[k] = v; t.r[k] = v end
        local node = {}
        for i = 1, 40 do node = setmetatable({ l = node, r = node }, mt) end
        node.x = 1
    """,
    "__call": """
        local mt = {}
        mt.__call = function(t) return t.l() + t.r() end
        local node = function() return 1 end
        for i = 1, 40 do node = setmetatable({ l = node, r = node }, mt) end
        return node()
    """,
    "__concat": """
        local mt = {}
        mt.__concat = function(a, b) local x, y = a.l .. "", a.r .. "" return "z" end
        local node = "x"
        for i = 1, 40 do node = setmetatable({ l = node, r = node }, mt) end
        return node .. ""
    """,
    "__lt": """
        local mt = {}
        mt.__lt = function(a, b) return (a.l < b) or (a.r < b) end
        local node = 1
        for i = 1, 40 do node = setmetatable({ l = node, r = node }, mt) end
        return node < 0
    """,
    "__eq": """
        local mt = {}
        mt.__eq = function(a, b) return a.l == b.l or a.r == b.r end
        local node, other = {}, {}
        for i = 1, 40 do
          node = setmetatable({ l = node, r = node }, mt)
          other = setmetatable({ l = other, r = other }, mt)
        end
        return node == other
    """,
    "__len": """
        local mt = {}
        mt.__len = function(a) return #a.l + #a.r end
        local node = {}
        for i = 1, 40 do node = setmetatable({ l = node, r = node }, mt) end
        return #node
    """,
    "__unm": """
        local mt = {}
        mt.__unm = function(a) return -a.l - -a.r end
        local node = 1
        for i = 1, 40 do node = setmetatable({ l = node, r = node }, mt) end
        return -node
    """,
}


@pytest.mark.parametrize("event", sorted(SCRIPTS))
def test_recursion_through_metamethods_stops_on_budget(event):
    st = mani.Engine().new_state()
    st.set_cost_budget(200_000)
    t0 = time.perf_counter()
    with pytest.raises(mani.BudgetExceeded):
        st.load_string(SCRIPTS[event])
    assert time.perf_counter() - t0 < 5.0
    assert st.cost_used >= 200_000


def test_functions_without_calls_are_charged():
    st = mani.Engine().new_state()
    st.load_string("function leaf(x) return x + 1 end  function caller(n) local s = 0 for i = 1, n do s = leaf(s) end return s end")
    st.set_cost_budget(None)
    before = st.cost_used
    st.call("caller", 1000)
    per_1000 = st.cost_used - before
    before = st.cost_used
    st.call("caller", 2000)
    per_2000 = st.cost_used - before
    # the leaf's entry cost is part of every iteration
    assert per_2000 - per_1000 >= 1000 * 2
