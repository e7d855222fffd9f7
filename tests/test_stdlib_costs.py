"""Library functions charge the meter in proportion to their work: costs grow
with the input, and a small budget stops a large call before it does the
work. Also: the RNG seed API, and the host options of the load library
(require/dofile through a host loader, the os table with a host clock)."""

from __future__ import annotations

import time

import pytest

import mani
from mani.stdlib import registry


class Capture(mani.HostCallbacks):
    def __init__(self):
        self.out = []

    def on_print(self, source, line, message):
        self.out.append(message)


BIG = 300_000


@pytest.fixture(scope="module")
def big_state():
    # no memory limit: its walks (charged to the meter, at points that depend
    # on everything the State ran before) would blur the figures compared here
    st = mani.Engine(max_memory=None).new_state(callbacks=Capture())
    st.load_string(f"""
        big = {{}}
        for i = 1, {BIG} do big[i] = (i * 7919) % 100003 end
        words = {{}}
        for i = 1, {BIG} do words[i] = "w" .. (i % 1000) end
        local parts = {{}}
        for i = 1, {BIG} do parts[i] = "\\u{{20AC}}abc" end
        long = table.concat(parts)
        for i = 1, {BIG} do parts[i] = "\\x80" end
        cont = "a" .. table.concat(parts) .. "b"
    """, "setup")
    return st


def cost_of(st, src: str, *args):
    """Cost of running ``src`` (a function body) with args, excluding setup."""
    st.set_cost_budget(None)
    fn = st.load_string(f"return function(...) {src} end", "probe")[0]
    before = st.cost_used
    st.call(fn, *args)
    return st.cost_used - before


# ---------------------------------------------------------- proportionality


def test_concat_cost_scales_with_elements(big_state):
    st = big_state
    c1 = cost_of(st, "return table.concat(words, ',', 1, 2000)")
    c10 = cost_of(st, "return table.concat(words, ',', 1, 20000)")
    assert c1 > 200
    assert 8 <= c10 / c1 <= 12, (c1, c10)


@pytest.mark.parametrize("body", [
    "return table.unpack(big, 1, N)",
    "return table.pack(table.unpack(big, 1, N))",
    "local t = table.move(big, 1, N, 1, {})",
    "return utf8.len(long, 1, N)",
    "local n = 0 for p, c in utf8.codes(long) do n = n + 1 if n >= N then break end end",
    "return math.max(table.unpack(big, 1, N))",
    "local t = table.move(big, 1, N, 1, {}) table.sort(t)",
    "local t = table.move(big, 1, N, 1, {}) table.sort(t, function(a, b) return a > b end)",
    "local t = table.move(big, 1, N, 1, {}) for i = 1, 20 do table.insert(t, 1, i) end",
    "local t = table.move(big, 1, N, 1, {}) for i = 1, 20 do table.remove(t, 1) end",
    "return utf8.char(table.unpack(big, 1, N))",
])
def test_costs_grow_with_input(big_state, body):
    st = big_state
    small = cost_of(st, body.replace("N", "1000"))
    large = cost_of(st, body.replace("N", "10000"))
    assert large > 5 * small, (small, large)


def test_sort_cost_is_n_log_n(big_state):
    st = big_state
    c1 = cost_of(st, "local t = table.move(big, 1, 2000, 1, {}) table.sort(t, function(a, b) return a < b end)")
    c8 = cost_of(st, "local t = table.move(big, 1, 16000, 1, {}) table.sort(t, function(a, b) return a < b end)")
    assert 7 <= c8 / c1 <= 14, (c1, c8)


def test_costs_are_deterministic():
    src = """
        local t = {}
        for i = 1, 500 do t[i] = (i * 37) % 101 end
        table.sort(t, function(a, b) return a > b end)
        local s = table.concat(t, ",")
        math.randomseed(5)
        local r = 0
        for i = 1, 100 do r = r + math.random(1, 1000) end
        local co = coroutine.wrap(function() for i = 1, 50 do coroutine.yield(i) end end)
        for i = 1, 50 do co() end
        return utf8.len(s), r
    """
    costs = set()
    for _ in range(3):
        st = mani.Engine().new_state()
        before = st.cost_used
        st.load_string(src, "det")
        costs.add(st.cost_used - before)
    assert len(costs) == 1


# ------------------------------------------------------ stopping early


@pytest.mark.parametrize("body", [
    "table.sort(big)",
    "table.sort(big, function(a, b) return a < b end)",
    "return table.concat(words)",
    "return table.unpack(big)",
    "table.insert(big, 1, 0)",
    "table.remove(big, 1)",
    "table.move(big, 1, #big, 2)",
    "return utf8.len(long)",
    "return utf8.codepoint(long, 1, 900000)",  # (a longer slice: "stack overflow")
    "for p, c in utf8.codes(long) do end",
    "return select('#', table.unpack(big, 1, 900000))",
    "return table.pack(1, 2, 3, table.unpack(big))",
    "return math.min(table.unpack(big))",
    "return utf8.offset(cont, 2)",
    "return utf8.offset(cont, -2)",
    "return utf8.offset(cont, 0, #cont - 1)",
])
def test_small_budget_stops_large_calls(big_state, body):
    st = big_state
    st.set_cost_budget(None)
    fn = st.load_string(f"return function() {body} end", "probe")[0]
    st.set_cost_budget(2000)
    t0 = time.perf_counter()
    with pytest.raises(mani.BudgetExceeded):
        st.call(fn)
    assert time.perf_counter() - t0 < 0.5
    st.set_cost_budget(None)


def test_budget_exceeded_not_caught_by_pcall_around_library_call(big_state):
    st = big_state
    st.set_cost_budget(None)
    fn = st.load_string("return function() return pcall(table.sort, big) end", "probe")[0]
    st.set_cost_budget(1000)
    with pytest.raises(mani.BudgetExceeded):
        st.call(fn)
    st.set_cost_budget(None)


@pytest.mark.parametrize("elements, expected", [
    ("big, big", "not enough memory"),
    ("big, big, {}", "not enough memory"),  # the limit is passed first
    ("big, {}, big", "invalid value (table) at index 2 in table for 'concat'"),
    ("{}, big, big", "invalid value (table) at index 1 in table for 'concat'"),
    ("big, 12345, big", "not enough memory"),
    ("big, many", "invalid value (table) at index 2 in table for 'concat'"),
])
def test_concat_limit_and_bad_values_in_order(elements, expected):
    st = mani.Engine(max_string_size=1000).new_state()
    st.load_string("big = string.rep('x', 600) many = {} for i = 1, 2000 do many[i] = i end")
    ok, msg = st.load_string(f"return pcall(table.concat, {{{elements}}})")
    assert ok is False
    assert msg.endswith(expected), msg


def test_concat_up_to_the_limit():
    st = mani.Engine(max_string_size=1000).new_state()
    assert st.load_string("return #table.concat({string.rep('x', 500), string.rep('y', 499)}, '-')") == (1000,)
    assert st.load_string("return #table.concat({string.rep('x', 500), 1234567}, string.rep('-', 493))") == (1000,)
    ok, msg = st.load_string("return pcall(table.concat, {string.rep('x', 500), string.rep('y', 500)}, '-')")
    assert (ok, msg) == (False, "not enough memory")


def test_load_charges_for_source_size():
    st = mani.Engine(libraries=registry.DEFAULT_LIBRARIES + ("load",)).new_state()
    small = cost_of(st, "return load(...)", "return 1" + " + 1" * 100)
    large = cost_of(st, "return load(...)", "return 1" + " + 1" * 1000)
    assert large > 5 * small


# ------------------------------------------------------------- random seed


def test_set_rng_seed_equals_randomseed():
    st = mani.Engine().new_state()
    st.set_rng_seed(42)
    a = st.load_string("return math.random(1, 100), math.random(1, 100), math.random()")
    b = st.load_string("math.randomseed(42) return math.random(1, 100), math.random(1, 100), math.random()")
    assert a == b


def test_new_states_start_from_the_same_seed():
    e = mani.Engine()
    r1 = e.new_state().load_string("return math.random(0), math.random()")
    r2 = e.new_state().load_string("return math.random(0), math.random()")
    r3 = e.new_state().load_string("math.randomseed(0) return math.random(0), math.random()")
    assert r1 == r2 == r3


def test_randomseed_without_arguments_is_deterministic():
    e = mani.Engine()
    a = e.new_state().load_string("local x, y = math.randomseed() return x, y, math.random(0)")
    b = e.new_state().load_string("local x, y = math.randomseed() return x, y, math.random(0)")
    assert a == b


# ------------------------------------------------- host options (load lib)


def engine_with(**opts):
    """An Engine with the load library and host options. Uses the Engine's
    keyword options when it has them, else sets the attributes loadlib reads."""
    libs = registry.DEFAULT_LIBRARIES + tuple(x for x in ("load", "os") if x not in registry.DEFAULT_LIBRARIES)
    try:
        return mani.Engine(libraries=libs, **opts)
    except TypeError:
        e = mani.Engine(libraries=libs)
        for k, v in opts.items():
            object.__setattr__(e, "_" + k, v)
        return e


def test_require_through_host_loader():
    mods = {"util": "local M = {} function M.twice(x) return 2 * x end return M",
            "bad": "return +", "noval": "x_loaded = ..."}
    e = engine_with(module_loader=lambda name: mods.get(name))
    cap = Capture()
    st = e.new_state(callbacks=cap)
    res = st.load_string("""
        local u, where = require('util')
        local again = require('util')
        require('noval')
        return u.twice(21), where, u == again, x_loaded, package.loaded.noval
    """, "main")
    assert res == (42, "util", True, "noval", True)
    with pytest.raises(mani.LuaError) as ei:
        st.load_string("require('missing')", "main")
    assert ei.value.value == (
        "main:1: module 'missing' not found:\n\tno field package.preload['missing']"
        "\n\tno module 'missing' in the host loader"
    )
    with pytest.raises(mani.LuaError) as ei:
        st.load_string("require('bad')", "main")
    assert "error loading module 'bad' from the host loader" in ei.value.value
    assert "bad:1:" in ei.value.value


def test_dofile_and_loadfile_only_with_loader():
    st = engine_with().new_state()
    assert st.load_string("return dofile, loadfile") == (None, None)
    files = {"a.lua": "return 1 + (... or 0)", "e.lua": "error('in file')"}
    st = engine_with(module_loader=lambda n: files.get(n)).new_state()
    assert st.load_string("return loadfile('a.lua')(4), dofile('a.lua')") == (5, 1)
    assert st.load_string("return loadfile('nope.lua')") == (None, "cannot open nope.lua")
    with pytest.raises(mani.LuaError) as ei:
        st.load_string("dofile('e.lua')")
    assert ei.value.value == "e.lua:1: in file"


def test_no_require_of_files_without_loader():
    st = engine_with().new_state()
    ok, msg = st.load_string("return pcall(require, 'os_x')")
    assert ok is False
    assert msg == "module 'os_x' not found:\n\tno field package.preload['os_x']"


def test_os_only_with_clock():
    assert engine_with().new_state().load_string("return os") == (None,)
    assert mani.Engine().new_state().load_string("return os") == (None,)


def test_os_functions_with_host_clock():
    now = [86400.0 * 365.25 * 30 + 3723.5]  # some time in 1999/2000
    st = engine_with(clock=lambda: now[0]).new_state()
    res = st.load_string("""
        local t = os.time()
        local d = os.date('!*t', 0)
        local fields = {d.year, d.month, d.day, d.hour, d.min, d.sec, d.wday, d.yday, tostring(d.isdst)}
        return t, table.concat(fields, ' '),
               os.date('!%Y-%m-%d %H:%M:%S %a %b %j %A %B %p %y %%', 1700000000),
               os.date('!%c', 0), os.date('!%x %X %D %F %T %e|%I %u %w %U %W %V %G %g', 1700000000),
               os.time({year = 2024, month = 2, day = 29, hour = 0}),
               os.time({year = 2024, month = 14, day = 1, hour = 0}),
               os.difftime(10, 4), os.clock() >= 0
    """)
    assert res[0] == int(now[0])
    assert res[1] == "1970 1 1 0 0 0 5 1 false"
    assert res[2] == "2023-11-14 22:13:20 Tue Nov 318 Tuesday November PM 23 %"
    assert res[3] == "Thu Jan  1 00:00:00 1970"
    assert res[4] == "11/14/23 22:13:20 11/14/23 2023-11-14 22:13:20 14|10 2 2 46 46 46 2023 23"
    assert res[5] == 1709164800
    assert res[6] == 1738368000  # month 14 of 2024 = February 2025
    assert res[7] == 6.0 and res[8] is True
    ok, msg = st.load_string("return pcall(os.date, '%Q')")
    assert ok is False and msg == "bad argument #1 to 'os.date' (invalid conversion specifier '%Q')"
    ok, msg = st.load_string("return pcall(os.time, {year = 2020})")
    assert ok is False and msg == "field 'month' missing in date table"
