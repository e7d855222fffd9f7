"""The per-State memory limit: every kind of allocation a script can make
stops with "not enough memory" before the process holds much more than the
limit, garbage is credited back, and the figures are deterministic.

Memory bombs run in a child process with an address-space cap (a regression
fails the test instead of the machine) and report the growth of the
process's peak RSS while the script ran (VmHWM: ``ru_maxrss`` would carry
the parent's peak over ``exec``)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

import mani

LIMIT = 32 << 20

# name -> a script that allocates until something stops it
BOMBS = {
    "int_array": "local t = {} for i = 1, 1e9 do t[i] = i * 3 end",
    "float_array": "local t = {} for i = 1, 1e9 do t[i] = i + 0.5 end",
    "tables": "local t = {} for i = 1, 1e9 do t[i] = {i, i} end",
    "string_keys": "local t = {} for i = 1, 1e9 do t['key' .. i] = true end",
    "string_doubling": "local s = 'x' while true do s = s .. s end",
    "medium_strings": "local t, s = {}, string.rep('x', 200) for i = 1, 1e9 do t[i] = s .. i end",
    "long_strings": "local t, s = {}, string.rep('x', 5000) for i = 1, 1e9 do t[i] = s .. i end",
    "closures": "local t = {} for i = 1, 1e9 do local x = i t[i] = function() return x end end",
    "closure_chain": "local f = function() end "
                     "for i = 1, 1e9 do local prev, s = f, 'x' .. i f = function() return prev, s end end",
    "nested_constructors": "local t = {} for i = 1, 1e9 do t = {t, {i}, {i}} end",
    "coroutines": "local t = {} for i = 1, 1e9 do "
                  "local co = coroutine.create(function() coroutine.yield() end) "
                  "coroutine.resume(co) t[i] = co end",
    "string_rep": "local t = {} for i = 1, 1e9 do t[i] = string.rep('x', 100000, i) end",
    "varargs": "local function f(...) local t = {} for i = 1, 1e9 do t[i] = {...} end end "
               "f(table.unpack({}, 1, 100))",
    "gsub": "local t, s = {}, string.rep('ab', 50000) for i = 1, 1e9 do t[i] = s:gsub('a', 'xyz') end",
    "format": "local t, s = {}, string.rep('x', 10000) for i = 1, 1e9 do t[i] = string.format('%s%d', s, i) end",
    "table_concat": "local t, p = {}, {} for i = 1, 1000 do p[i] = 'abcdefgh' end "
                    "for i = 1, 1e9 do t[i] = table.concat(p, ',') end",
    "load": "local t, s = {}, string.rep('x', 2000) for i = 1, 1e9 do t[i] = load('return ' .. i .. ', \"' .. s .. '\"') end",
    "upper": "local t, s = {}, string.rep('x', 100000) for i = 1, 1e9 do t[i] = s:upper() end",
    "table_move": "local t = {1, 2, 3, 4, 5, 6, 7, 8} while true do table.move(t, 1, #t, #t + 1) end",
    "table_insert": "local t = {} while true do table.insert(t, {}) end",
    "pack": "local t = {} for i = 1, 1e9 do t[i] = string.pack('s4', string.rep('x', 10000)) end",
    "locals_in_recursion": "local function f(n) local t = {} for i = 1, 20000 do t[i] = i end "
                           "return f(n + 1) + #t end return f(1)",
}

PEAK = textwrap.dedent("""
    def peak():
        with open("/proc/self/status") as f:
            return next(int(l.split()[1]) * 1024 for l in f if l.startswith("VmHWM:"))
""")

CHILD = PEAK + textwrap.dedent("""
    import gc, json, resource, sys
    resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))
    import mani
    limit = int(sys.argv[2])
    st = mani.Engine(max_memory=limit, max_string_size=1 << 30).new_state()
    st.set_cost_budget(2_000_000_000)
    base = peak()
    try:
        st.load_string(sys.argv[1], name="bomb")
        outcome = "finished"
    except mani.LuaError as e:
        outcome = type(e).__name__ + ": " + str(e)
    grew = peak() - base
    gc.collect()  # the error's traceback may hold the script's locals in a cycle
    print(json.dumps({"outcome": outcome, "grew": grew, "idle": st.memory_used}))
""")


def run_child(src: str, limit: int = LIMIT) -> dict:
    p = subprocess.run([sys.executable, "-c", CHILD, src, str(limit)],
                       capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr[-2000:]
    return json.loads(p.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("name", list(BOMBS))
def test_memory_bomb_stops_within_twice_the_limit(name):
    r = run_child(BOMBS[name])
    if name == "locals_in_recursion":  # the stack ends first, as in Lua with this limit
        assert "stack overflow" in r["outcome"] or r["outcome"].startswith("MemoryLimitExceeded"), r
    else:
        assert r["outcome"] == "MemoryLimitExceeded: not enough memory", r
    assert r["grew"] < 2 * LIMIT, r
    assert r["idle"] < LIMIT  # what the script held in locals is gone with the run


def run(src, limit=LIMIT, budget=None, **kw):
    st = mani.Engine(max_memory=limit, **kw).new_state()
    if budget is not None:
        st.set_cost_budget(budget)
    return st, st.load_string(src)


def test_garbage_is_credited_back():
    # allocates ~50 times the limit in all, never holds more than a little
    src = """
        local kept = 0
        for round = 1, 400 do
          local t = {}
          for i = 1, 1000 do t[i] = {i, tostring(i) .. 'x'} end
          kept = kept + #t
        end
        return kept
    """
    st, r = run(src, limit=4 << 20)
    assert r == (400_000,)
    assert st._core._mem.walks > 3  # the meter did walk (and found garbage gone)


def test_pcall_cannot_catch_it_and_the_state_stays_usable():
    st = mani.Engine(max_memory=LIMIT).new_state()
    st.load_string("""
        hoard = {}
        function fill()
          return pcall(function() for i = 1, 1e9 do hoard[i] = {} end end)
        end
        function ok() return 'still here' end
    """)
    with pytest.raises(mani.MemoryLimitExceeded) as ei:
        st.call("fill")
    assert isinstance(ei.value, mani.RunStopped) and isinstance(ei.value, mani.LuaError)
    assert str(ei.value) == "not enough memory"
    assert st.memory_used > LIMIT  # the script's table is still there
    with pytest.raises(mani.MemoryLimitExceeded):  # and keeps the State over its limit ...
        st.load_string("local t = {} for i = 1, 1e6 do t[i] = i end")
    st.load_string("hoard = nil")  # ... until the script lets go of it
    assert st.memory_used < LIMIT
    assert st.call("ok") == ("still here",)


def test_coroutines_pass_it_on_and_close_handlers_do_not_run():
    # as with the budget and interrupts: once the host's limit stops the run,
    # no more script code runs in it (a handler would allocate again)
    st = mani.Engine(max_memory=LIMIT).new_state()
    st.load_string("""
        closed = 0
        function bomb()
          local guard <close> = setmetatable({}, {__close = function() closed = closed + 1 end})
          local co = coroutine.wrap(function()
            local t = {} for i = 1, 1e9 do t[i] = {} end
          end)
          local ok = coroutine.resume(coroutine.create(co))
          return 'swallowed', ok
        end
    """)
    with pytest.raises(mani.MemoryLimitExceeded):
        st.call("bomb")
    assert st.globals["closed"] == 0


def test_same_script_same_figures():
    src = """
        local t = {}
        for i = 1, 1e9 do t[i] = {x = i, name = 'n' .. i} end
    """
    seen = set()
    for _ in range(2):
        st = mani.Engine(max_memory=8 << 20).new_state()
        with pytest.raises(mani.MemoryLimitExceeded):
            st.load_string(src)
        seen.add((st.cost_used, st._core._mem.live, st._core._mem.walks))
    assert len(seen) == 1


def test_a_single_large_allocation_is_refused_before_it_is_made():
    st = mani.Engine(max_memory=8 << 20, max_string_size=1 << 30).new_state()
    with pytest.raises(mani.MemoryLimitExceeded):
        st.load_string("return #string.rep('x', 100 * 1024 * 1024)")
    assert st.load_string("return #string.rep('x', 1024 * 1024)") == (1 << 20,)


def test_memory_used_follows_what_the_script_keeps():
    st = mani.Engine().new_state()
    empty = st.memory_used
    st.load_string("big = {} for i = 1, 100000 do big[i] = {i} end")
    full = st.memory_used
    assert full - empty > 100_000 * 100
    st.load_string("big = nil")
    assert st.memory_used == empty


def test_limits_are_validated_and_can_be_changed():
    with pytest.raises(TypeError):
        mani.Engine(max_memory="lots")
    with pytest.raises(ValueError):
        mani.Engine(max_memory=-5)
    assert mani.Engine().max_memory == 256 << 20
    st = mani.Engine(max_memory=None).new_state()
    assert st.memory_limit is None
    st.load_string("t = {} for i = 1, 300000 do t[i] = {} end")  # ~ 30 MB, no limit
    st.set_memory_limit(LIMIT // 4)
    assert st.memory_limit == LIMIT // 4
    st.load_string("t[#t + 1] = {}")  # over it, a State may still take a little ...
    with pytest.raises(mani.MemoryLimitExceeded):  # ... but not an eighth of its limit more
        st.load_string("for i = 1, 100000 do t[#t + 1] = {} end")
    st.set_memory_limit(None)
    st.load_string("t[#t + 1] = {}")
    with pytest.raises(TypeError):
        st.set_memory_limit(1.5)


ACCURACY = PEAK + textwrap.dedent("""
    import json, sys
    import mani
    st = mani.Engine(max_memory=None).new_state()
    before = st.memory_used
    base = peak()
    st.load_string(sys.argv[1])
    grew = peak() - base
    print(json.dumps({"grew": grew, "counted": st.memory_used - before}))
""")

KINDS = {
    "tables": "keep = {} for i = 1, 300000 do keep[i] = {i, i} end",
    "strings": "keep = {} for i = 1, 300000 do keep[i] = 'some text ' .. i end",
    "closures": "keep = {} for i = 1, 300000 do local x = i keep[i] = function() return x end end",
    "objects": "keep = {} for i = 1, 100000 do keep[i] = {name = 'n' .. i, x = i, y = i * 0.5} end",
}


@pytest.mark.parametrize("kind", list(KINDS))
def test_counted_size_is_within_twice_the_real_growth(kind):
    p = subprocess.run([sys.executable, "-c", ACCURACY, KINDS[kind]], capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr[-2000:]
    r = json.loads(p.stdout)
    assert r["grew"] / 2 < r["counted"] < r["grew"] * 2, r
