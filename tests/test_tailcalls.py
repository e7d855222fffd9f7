"""Proper tail calls (runtime/tailcalls.py): chains of tail calls keep the
Python stack bounded, tracebacks show them as Lua does, costs do not change."""

import sys

import mani


def stack_depth() -> int:
    f, n = sys._getframe(), 0
    while f is not None:
        f, n = f.f_back, n + 1
    return n


def run_with_probe(src: str) -> list:
    depths: list = []

    def probe(*args):
        depths.append(stack_depth())
        return args

    st = mani.Engine(globals={"probe": probe}).new_state()
    st.load_string(src)
    return depths


CHAINS = {
    "plain": "local function f(n) if n == 0 then return probe() end probe() return f(n - 1) end f(N)",
    "mutual": """
        local a, b
        function a(n) if n == 0 then return probe() end probe() return b(n - 1) end
        function b(n) return a(n) end
        a(N)""",
    "method": """
        local o = {}
        function o:m(n) if n == 0 then return probe() end probe() return self:m(n - 1) end
        o:m(N)""",
    "__call": """
        local c = setmetatable({}, {__call = function(self, n)
          if n == 0 then return probe() end probe() return self(n - 1) end})
        c(N)""",
    "varargs": "local function f(n, ...) if n == 0 then return probe(...) end probe() return f(n - 1, ...) end f(N, 1, 2)",
    "call as last argument": """
        local function id(x) return x end
        local function f(n) if n == 0 then return probe() end probe() return f(id(n - 1)) end
        f(N)""",
    "in a coroutine": """
        local co = coroutine.wrap(function()
          local function f(n) if n == 0 then return probe() end probe() return f(n - 1) end
          return f(N)
        end)
        co()""",
    "in pcall": "local function f(n) if n == 0 then return probe() end probe() return f(n - 1) end pcall(f, N)",
}


def test_chains_keep_the_stack_bounded():
    for name, src in CHAINS.items():
        depths = run_with_probe(src.replace("N", "3000"))
        assert len(depths) == 3001, name
        # the stack stops growing: the deepest point of the whole chain is
        # reached early, long before its 3,000 calls are made (a level of
        # __call is three Python frames: 9,000 if they all stayed)
        assert max(depths) - min(depths) < 1500, name
        assert max(depths[2000:]) <= max(depths[:1000]), name


def test_calls_that_are_not_tail_calls_still_grow_the_stack():
    src = "local function f(n) if n == 0 then return probe() end probe() local r = f(n - 1) return r end f(N)"
    depths = run_with_probe(src.replace("N", "3000"))
    assert depths[-1] - depths[0] >= 3000


def test_a_tail_chain_costs_what_its_calls_cost():
    st = mani.Engine().new_state()
    costs = []
    for n in (10_000, 20_000, 30_000):
        before = st.cost_used
        st.load_string(f"local function f(n) if n == 0 then return 0 end return f(n - 1) end return f({n})")
        costs.append(st.cost_used - before)
    assert costs[1] - costs[0] == costs[2] - costs[1] > 0


def test_traceback_shows_tail_calls_as_lua_does():
    st = mani.Engine().new_state()
    src = "local function f(n)\n if n == 0 then local x; return x.y end\n return f(n - 1)\nend\nf(N)\n"
    for n in (5, 100_000):  # a short chain (frames kept) and a long one (dropped)
        try:
            st.load_string(src.replace("N", str(n)), name="tails")
        except mani.LuaError as e:
            tb = e.lua_traceback
        else:
            raise AssertionError("no error")
        assert tb.splitlines()[1:] == [
            "\ttails:2: in function <tails:1>",
            "\t(...tail calls...)",
            "\ttails:5: in main chunk",
            "\t[C]: in ?",
        ], tb


def test_a_library_function_in_tail_position_keeps_its_callers_frame():
    st = mani.Engine().new_state()
    r = st.load_string(
        "local function f(n) if n == 0 then return error('at the end') end return f(n - 1) end\n"
        "return pcall(f, 100000)", name="lib")
    assert r == (False, "lib:1: at the end")


def test_a_cycle_of_call_handlers_is_a_stack_overflow_and_is_charged():
    # (reference Lua gives the same error only after filling its whole stack:
    # too slow for the differential programs)
    st = mani.Engine().new_state()
    before = st.cost_used
    r = st.load_string("local t = setmetatable({}, {}) getmetatable(t).__call = t return pcall(t, 1)")
    assert r == (False, "stack overflow")
    assert st.cost_used - before >= 1000  # a unit per link followed
