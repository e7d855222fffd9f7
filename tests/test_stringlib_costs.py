"""Costs and limits of the string library: work is charged in proportion to
the bytes produced or scanned, every function with a loop inside stops on a
small budget, results larger than ``max_string_size`` fail before they are
built, and no pattern can exhaust the Python stack."""

from __future__ import annotations

import time

import pytest

import mani


def new_state(**engine_kw):
    return mani.Engine(**engine_kw).new_state()


def cost_of(src: str, globals_: dict | None = None) -> int:
    st = new_state()
    for k, v in (globals_ or {}).items():
        st.globals[k] = v
    before = st.cost_used
    st.load_string(src)
    return st.cost_used - before


def extra_cost(src_small: str, src_large: str, src_base: str, globals_: dict | None = None) -> float:
    """Ratio of the cost above the baseline of two programs."""
    base = cost_of(src_base, globals_)
    small = cost_of(src_small, globals_) - base
    large = cost_of(src_large, globals_) - base
    assert small > 0
    return large / small


def runs_out(src: str, budget: int, globals_: dict | None = None, seconds: float = 5.0) -> None:
    """``src`` must stop with BudgetExceeded under ``budget``, quickly."""
    st = new_state()
    for k, v in (globals_ or {}).items():
        st.globals[k] = v
    st.set_cost_budget(budget)
    t0 = time.monotonic()
    with pytest.raises(mani.BudgetExceeded):
        st.load_string(src)
    assert time.monotonic() - t0 < seconds


# ------------------------------------------------------------ cost grows


def test_rep_cost_is_proportional_to_length():
    r = extra_cost(
        "local s = string.rep('x', 100000)",
        "local s = string.rep('x', 1000000)",
        "local s = string.rep('x', 1)",
    )
    assert 8 <= r <= 12


def test_rep_with_separator_counts_separators():
    r = extra_cost(
        "local s = string.rep('x', 100000, '--')",
        "local s = string.rep('x', 1000000, '--')",
        "local s = string.rep('x', 1, '--')",
    )
    assert 8 <= r <= 12


@pytest.mark.parametrize(
    "call",
    [
        "string.gsub(s, 'a', 'b')",  # plain substring replacement
        "string.gsub(s, '%a', '%0%0')",  # regex template
        "string.gsub(s, '(a)%1?', 'x')",  # back reference: the step matcher
        "string.find(s, 'zz', 1, true)",
        "string.find(s, '%d')",
        "string.find(s, '(z)%1')",
        "string.upper(s)",
        "string.reverse(s)",
        "string.sub(s, 2, -2)",
        "string.format('%s%s', s, s)",
        "string.unpack(string.rep('i4', #s // 4), s)",
    ],
)
def test_cost_grows_with_input(call):
    def cost(n: int) -> int:
        g = {"S": b"ab" * n}
        return cost_of(f"local s = S; local _ = {call}", g) - cost_of("local s = S", g)

    small, large = cost(50000), cost(500000)
    assert small > 0
    assert 5 <= large / small <= 15, (small, large)


def test_gmatch_cost_grows_with_matches():
    src = "local n = 0 for w in string.gmatch(S, '%a+') do n = n + 1 end"
    small = cost_of(src, {"S": b"word " * 10000})
    large = cost_of(src, {"S": b"word " * 100000})
    assert 8 <= large / small <= 12


def test_format_cost_grows_with_items():
    src = "local t = {} for i = 1, N do t[i] = i end local s = string.format(string.rep('%d,', N), table.unpack(t))"
    base = "local t = {} for i = 1, N do t[i] = i end local f = string.rep('%d,', N) local u = {table.unpack(t)}"
    small = cost_of(src, {"N": 2000}) - cost_of(base, {"N": 2000})
    large = cost_of(src, {"N": 20000}) - cost_of(base, {"N": 20000})
    assert small > 0
    assert 7 <= large / small <= 13


def test_pattern_matcher_steps_are_charged():
    # the same search costs more when the matcher has to backtrack more
    easy = cost_of("local r = string.find(S, 'a-b')", {"S": b"a" * 20 + b"b"})
    hard = cost_of("local r = string.find(S, 'a-a-b')", {"S": b"a" * 400})
    assert hard > 10 * easy


# ------------------------------------------------------ stops on a budget


@pytest.mark.parametrize(
    "src",
    [
        "local s = string.rep('x', 10000000)",
        "local s = string.rep('x', 1000000, ',')",
        "local s = string.gsub(S, 'a', 'bb')",
        "local s = string.gsub(S, '%a', '<%0>')",
        "local s = string.gsub(S, 'a', {a = 'x'})",
        "local s = string.gsub(S, '(a)', function(c) return c end)",
        "local s = string.gsub(S, '(a)%1*', 'y')",
        "for w in string.gmatch(S, '%a') do end",
        "for w in string.gmatch(S, '(z)%1') do end",
        "local r = string.find(S, '(z)%1')",
        "local r = string.find(S, ('a*'):rep(12) .. 'z')",
        "local r = string.find(S, '.-.-.-.-.-z')",
        "local r = string.match(S, '^(a*)*z')",
        "local r = string.find(S, 'ab', 1, true)",
        "local s = string.upper(S)",
        "local s = string.lower(S)",
        "local s = string.reverse(S)",
        "local t = {string.byte(S, 1, 100000)}",
        "local s = string.format('%s|%s', S, S)",
        "local s = string.format(string.rep('%d', 50000), table.unpack(T))",
        "local s = string.pack(string.rep('i4', 50000), table.unpack(T))",
        "local t = {string.unpack(string.rep('i4', 50000), P)}",
    ],
)
def test_stops_on_small_budget(src):
    st = new_state()
    st.globals["S"] = b"a" * 300_000
    st.globals["P"] = b"\x01\x00\x00\x00" * 50000
    st.load_string("T = {} for i = 1, 50000 do T[i] = i end")
    st.set_cost_budget(200)
    t0 = time.monotonic()
    with pytest.raises(mani.BudgetExceeded):
        st.load_string(src)
    assert time.monotonic() - t0 < 5


def test_char_of_many_values_is_charged():
    st = new_state()
    st.load_string("T = {} for i = 1, 200000 do T[i] = 65 end")
    st.set_cost_budget(20000)
    # table.unpack itself may or may not charge; string.char must
    with pytest.raises(mani.BudgetExceeded):
        st.load_string("local s = string.char(table.unpack(T)) local u = string.char(table.unpack(T))")


def test_pathological_pattern_stops_quickly():
    runs_out("local r = string.find(S, string.rep('a*', 30) .. 'b')", 100_000, {"S": b"a" * 5000}, seconds=10)


# ------------------------------------------------------------ size limits


def test_rep_too_large_fails_at_once():
    st = new_state()
    t0 = time.monotonic()
    with pytest.raises(mani.LuaError) as ei:
        st.load_string("local s = string.rep('x', 2^40)")
    assert "resulting string too large" in ei.value.message
    with pytest.raises(mani.LuaError):
        st.load_string("local s = string.rep('abc', 2^61, 'x')")
    assert time.monotonic() - t0 < 1


@pytest.mark.parametrize(
    "src",
    [
        "local s = string.rep('x', 1001)",
        "local s = string.rep('x', 500, '--')",
        "local s = string.gsub(string.rep('x', 600), 'x', 'yy')",
        "local s = string.gsub(string.rep('x', 600), '%w', '%0%0')",
        "local s = string.gsub(string.rep('x', 600), '.', function() return 'yy' end)",
        "local s = string.format('%s%s', string.rep('x', 600), string.rep('y', 600))",
        "local s = string.format('%99d' .. string.rep('%99d', 20), table.unpack({1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21}))",
        "local s = string.pack('c2000', 'x')",
        "local s = string.pack('s', string.rep('x', 995))",
    ],
)
def test_max_string_size(src):
    st = new_state(max_string_size=1000)
    with pytest.raises(mani.LuaError) as ei:
        st.load_string(src)
    assert "too large" in ei.value.message


def test_results_within_limit_are_fine():
    st = new_state(max_string_size=1000)
    st.load_string("R = #string.rep('x', 1000) + #string.gsub(string.rep('x', 500), 'x', 'yy')")
    assert st.globals["R"] == 2000


# ------------------------------------------------------- no Python recursion


def test_deep_pattern_is_a_lua_error():
    st = new_state()
    st.load_string(
        "OK, ERR = pcall(string.find, string.rep('a', 10000), string.rep('a?', 10000) .. string.rep('a', 10000))"
    )
    assert st.globals["OK"] is False
    assert "pattern too complex" in st.globals["ERR"]


def test_deep_pattern_inside_deep_lua_recursion():
    st = new_state()
    st.load_string(
        """
        local function f(n)
          if n == 0 then
            local a, b = string.find(string.rep('a', 300), string.rep('a?', 199))
            local ok, err = pcall(string.find, string.rep('a', 300), string.rep('a?', 200))
            local c = select('#', string.match(string.rep('x', 300), string.rep('(x?)', 32)))
            return b, err, c
          end
          return f(n - 1)
        end
        B, ERR, C = f(150)
        """
    )
    assert st.globals["B"] == 199
    assert "pattern too complex" in st.globals["ERR"]
    assert st.globals["C"] == 32


def test_pattern_cost_does_not_depend_on_earlier_runs():
    # compiled patterns are cached process-wide; the cost must not see that
    src = "local n = 0 for w in ('a1 b22 c333'):gmatch('%a(%d+)') do n = n + #w end return string.find('xyz', 'y+z')"
    costs = []
    for _ in range(2):
        st = mani.Engine().new_state()
        st.load_string(src)
        costs.append(st.cost_used)
    assert costs[0] == costs[1]


# ------------------------------------------------- cost does not depend on caches


@pytest.mark.parametrize("call", [
    "string.find(s, '^[ \\t]*', 1)",
    "string.find(s, '(%a+)', 3)",
    "string.find(s, 'x')",
    "string.match(s, '%d+')",
    "string.match(s, '(%a)(%a)', 2)",
])
def test_find_and_match_cost_the_same_with_a_cold_or_warm_pattern_cache(call):
    """find/match take a shorter path once a pattern is compiled; what they
    charge must not change (a run's cost never depends on what ran before)."""
    from mani.stdlib import patterns

    src = f"local s = '  hello 123 world' for i = 1, 3 do local r = {call} end"
    patterns._cache.clear()
    cold = cost_of(src)
    warm = cost_of(src)
    assert cold == warm
    patterns._cache.clear()
    one = cost_of(src.replace("for i = 1, 3", "for i = 1, 1"))
    assert cold - one == 2 * (warm - cost_of(src.replace("for i = 1, 3", "for i = 1, 2")))
