"""Coroutines through the API: yields from any depth, budgets, threads,
closing, garbage, interplay with suspendable runs."""

from __future__ import annotations

import gc
import threading

import pytest

import mani


class Capture(mani.HostCallbacks):
    def __init__(self):
        self.out = []

    def on_print(self, source, line, message):
        self.out.append(message)


def new_state(**kw):
    cap = Capture()
    st = mani.Engine(**kw).new_state(callbacks=cap)
    return st, cap


def run(src: str, **kw):
    st, cap = new_state(**kw)
    res = st.load_string(src, "t")
    return res, cap.out


# ---------------------------------------------------------------- basics


def test_resume_yield_values_both_ways():
    res, _ = run("""
        local co = coroutine.create(function(a, b)
          local c = coroutine.yield(a + b, a * b)
          return c .. '!'
        end)
        local r1 = {coroutine.resume(co, 3, 4)}
        local r2 = {coroutine.resume(co, 'x')}
        return r1[1], r1[2], r1[3], r2[1], r2[2], coroutine.status(co)
    """)
    assert res == (True, 7, 12, True, "x!", "dead")


def test_type_and_tostring_of_thread():
    st, _ = new_state()
    res = st.load_string("local co = coroutine.create(print) return type(co), tostring(co), type(coroutine.running())")
    assert res[0] == "thread" and res[2] == "thread"
    assert res[1].startswith("thread: 0x")


def test_running_in_main_returns_main_object_and_true():
    res, _ = run("""
        local m, ismain = coroutine.running()
        local m2 = coroutine.running()
        return type(m), ismain, m == m2, coroutine.status(m), coroutine.isyieldable()
    """)
    assert res == ("thread", True, True, "running", False)


# ------------------------------------------------ yield from any depth


def test_yield_across_sort_comparator():
    # reference Lua refuses this ("attempt to yield across a C-call boundary")
    res, _ = run("""
        local calls = 0
        local co = coroutine.wrap(function()
          local t = {5, 3, 1, 4, 2}
          table.sort(t, function(a, b) calls = calls + 1; coroutine.yield(calls); return a < b end)
          return 'sorted ' .. table.concat(t, ',')
        end)
        local last
        repeat last = co() until type(last) == 'string'
        return last, calls > 4
    """)
    assert res == ("sorted 1,2,3,4,5", True)


def test_yield_across_gsub_callback():
    st, _ = new_state()
    if st.load_string("return string and string.gsub")[0] is None:
        pytest.skip("string library not available")
    res = st.load_string("""
        local co = coroutine.wrap(function()
          return (string.gsub('a-b-c', '%a', function(c) return coroutine.yield(c) end))
        end)
        local out = {co()}
        out[#out + 1] = co('X')
        out[#out + 1] = co('Y')
        out[#out + 1] = co('Z')
        return table.concat(out, ',')
    """)
    assert res == ("a,b,c,X-Y-Z",)


def test_yield_inside_index_metamethod_and_xpcall_handler():
    res, _ = run("""
        local t = setmetatable({}, {__index = function(_, k) return coroutine.yield('need ' .. k) end})
        local co = coroutine.wrap(function()
          local v = t.foo
          local ok, e = xpcall(function() error('E') end, function(m) return coroutine.yield('handler') end)
          return v, ok, e
        end)
        local a = co()
        local b = co(42)
        local c1, c2, c3 = co('from handler')
        return a, b, c1, c2, c3
    """)
    assert res == ("need foo", "handler", 42, False, "from handler")


def test_yield_through_host_function_callback():
    st, _ = new_state()

    def apply(fn, x):
        # a host function calling back into Lua, which yields
        return fn(x)[0] * 2

    st.globals["apply"] = apply
    res = st.load_string("""
        local co = coroutine.wrap(function()
          local r = apply(function(x) return coroutine.yield(x + 1) end, 10)
          return 'r=' .. r
        end)
        local first = co()
        return first, co(100)
    """)
    assert res == (11, "r=200")


def test_yield_from_generic_for_iterator_and_metamethod_arith():
    res, _ = run("""
        local mt = {__add = function(a, b) return coroutine.yield('add') end}
        local o = setmetatable({}, mt)
        local function it(_, i) if i < 2 then coroutine.yield('it' .. i) return i + 1 end end
        local co = coroutine.wrap(function()
          local n = 0
          for i in it, nil, 0 do n = n + i end
          return n, o + 1
        end)
        return co(), co(), co(), co(5)
    """)
    assert res == ("it0", "it1", "add", 3, 5)


# ----------------------------------------------------------- errors


def test_error_in_coroutine_is_returned_with_position():
    res, _ = run("""
        local co = coroutine.create(function() local x; return x.y end)
        return coroutine.resume(co)
    """)
    assert res == (False, "t:2: attempt to index a nil value (local 'x')")


def test_wrap_reraises_with_caller_position():
    st, _ = new_state()
    with pytest.raises(mani.LuaError) as ei:
        st.load_string("local f = coroutine.wrap(function() error('bad') end)\nf()", "t")
    assert ei.value.value == "t:2: t:1: bad"


def test_yield_outside_coroutine():
    res, _ = run("return pcall(coroutine.yield, 1)")
    assert res == (False, "attempt to yield from outside a coroutine")


def test_budget_exceeded_inside_coroutine_propagates():
    st, cap = new_state()
    st.load_string("""
        function work()
          local co = coroutine.create(function() while true do end end)
          local ok, e = pcall(coroutine.resume, co)
          print('not reached', ok, e)
        end
    """, "t")
    st.set_cost_budget(5000)
    with pytest.raises(mani.BudgetExceeded):
        st.call("work")
    assert cap.out == []


def test_budget_exceeded_inside_wrap_inside_pcall():
    st, cap = new_state()
    st.load_string("""
        function work()
          local f = coroutine.wrap(function() coroutine.yield(1) while true do end end)
          f()
          print(pcall(f))
        end
    """, "t")
    st.set_cost_budget(5000)
    with pytest.raises(mani.BudgetExceeded):
        st.call("work")
    assert cap.out == []


def test_nesting_limit_is_an_error_not_a_crash():
    res, _ = run("""
        local depth = 0
        local function f()
          depth = depth + 1
          local ok, e = coroutine.resume(coroutine.create(f))
          if not ok then error(e, 0) end
        end
        local ok, e = pcall(f)
        return ok, e, depth
    """)
    assert res[0] is False and res[1] == "C stack overflow" and 150 < res[2] < 250


# ----------------------------------------------------------- closing


def test_close_runs_pending_close_variables_with_nil_error():
    res, out = run("""
        local co = coroutine.create(function()
          local a <close> = setmetatable({}, {__close = function(_, e) print('a', e) end})
          local ok = pcall(function()
            local b <close> = setmetatable({}, {__close = function(_, e) print('b', e) end})
            coroutine.yield()
          end)
          print('unreachable')
        end)
        coroutine.resume(co)
        local ok = coroutine.close(co)
        return ok, coroutine.status(co)
    """)
    assert res == (True, "dead")
    assert out == ["b\tnil", "a\tnil"]


def test_close_returns_error_of_failing_handler():
    res, _ = run("""
        local co = coroutine.create(function()
          local a <close> = setmetatable({}, {__close = function() error('in close', 0) end})
          coroutine.yield()
        end)
        coroutine.resume(co)
        return coroutine.close(co)
    """)
    assert res == (False, "in close")


def test_yield_inside_close_handler_during_close_is_refused():
    res, _ = run("""
        local co = coroutine.create(function()
          local a <close> = setmetatable({}, {__close = function() coroutine.yield('x') end})
          coroutine.yield()
        end)
        coroutine.resume(co)
        return coroutine.close(co)
    """)
    assert res == (False, "attempt to yield across a C-call boundary")


def test_collected_suspended_coroutine_runs_no_lua_code():
    st, cap = new_state()
    st.load_string("""
        function make()
          local co = coroutine.create(function()
            local a <close> = setmetatable({}, {__close = function() print('closed!') end})
            local ok = pcall(coroutine.yield)
            print('after yield', ok)
          end)
          coroutine.resume(co)
        end
    """, "t")
    st.call("make")
    gc.collect()
    st.load_string("print('still fine')", "t2")
    assert cap.out == ["still fine"]


# ----------------------------------------------------------- threads


def test_resume_from_another_thread_is_a_clear_error():
    st, cap = new_state()
    st.load_string("""
        co = coroutine.create(function() coroutine.yield(1) return 2 end)
        fresh = coroutine.create(function() return 'fresh ok' end)
        w = coroutine.wrap(function() coroutine.yield(1) end)
        function step() return coroutine.resume(co) end
        function step_fresh() return coroutine.resume(fresh) end
        function step_wrap() return w() end
    """, "t")
    assert st.call("step") == (True, 1)
    assert st.call("step_wrap") == (1,)
    results = {}

    def other():
        results["step"] = st.call("step")
        results["fresh"] = st.call("step_fresh")
        try:
            st.call("step_wrap")
        except mani.LuaError as e:
            results["wrap"] = e.value

    t = threading.Thread(target=other)
    t.start()
    t.join()
    ok, msg = results["step"]
    assert ok is False and "another thread" in msg
    assert results["fresh"] == (True, "fresh ok")
    assert "another thread" in results["wrap"]
    # back on the creating thread it still works
    assert st.call("step") == (True, 2)


# ------------------------------------------- interplay with runs and States


def test_budget_suspension_inside_coroutine_resumes_exactly():
    src = """
        function work(n)
          local co = coroutine.wrap(function()
            local s = 0
            for i = 1, n do s = s + i; if i % 100 == 0 then coroutine.yield(s) end end
            return s
          end)
          local last
          repeat last = co() until last == n * (n + 1) // 2
          return last
        end
    """
    ref, _ = new_state()
    ref.load_string(src, "t")
    start = ref.cost_used
    full = ref.call("work", 2000)
    used = ref.cost_used - start
    st, _ = new_state()
    st.load_string(src, "t")
    before = st.cost_used
    st.set_cost_budget(500)
    ex = st.start("work", 2000)
    slices = 0
    while ex.status == "suspended":
        ex.add_budget(500)
        ex.resume()
        slices += 1
    assert slices > 5
    assert ex.result == full
    assert st.cost_used - before == used


def test_nested_states_keep_their_own_coroutines():
    inner, _ = new_state()
    inner.load_string("function f() return pcall(coroutine.yield, 1) end", "inner")
    outer, _ = new_state()

    def call_inner():
        return inner.call("f")

    outer.globals["call_inner"] = call_inner
    res = outer.load_string("""
        local co = coroutine.wrap(function() return call_inner() end)
        return co()
    """, "outer")
    # the inner State is not inside a coroutine of its own
    assert res == (False, "attempt to yield from outside a coroutine")


def test_coroutines_charge_the_states_meter():
    st, _ = new_state()
    st.load_string("""
        function spin(n)
          local co = coroutine.wrap(function() for i = 1, n do coroutine.yield(i) end end)
          for i = 1, n do co() end
        end
    """, "t")
    a = st.cost_used
    st.call("spin", 100)
    b = st.cost_used
    st.call("spin", 1000)
    c = st.cost_used
    assert (c - b) > 8 * (b - a)


def test_coroutine_of_another_state_runs_in_its_own_state():
    # the host hands a coroutine of State a to State b; whichever State
    # resumes it, it runs as a's (coroutine.running, yieldable, a's meter)
    a, _ = new_state()
    b, _ = new_state()
    a.load_string("""
        local gen = coroutine.wrap(function() for i = 1, 1e9 do coroutine.yield(i) end end)
        co = coroutine.create(function(x)
          while true do
            local me, ismain = coroutine.running()
            local ok = gen() > 0  -- a wrap of a, called while b resumes co
            x = coroutine.yield(x, me == co and ok, ismain, coroutine.isyieldable(), coroutine.status(co))
          end
        end)
        function step(x) return coroutine.resume(co, x) end
    """, "a")
    b.load_string("""
        function step(co, x)
          local inb = coroutine.running()
          local r = {coroutine.resume(co, x)}
          r[#r + 1] = coroutine.running() == inb
          return table.unpack(r)
        end
    """, "b")
    co = a.globals["co"]
    seen = [a.call("step", 1), b.call("step", co, 2), b.call("step", co, 3), a.call("step", 4),
            a.call("step", 5), b.call("step", co, 6)]
    for i in (0, 3, 4):
        assert seen[i] == (True, i + 1, True, False, True, "running")
    for i in (1, 2, 5):
        assert seen[i] == (True, i + 1, True, False, True, "running", True)
    # the coroutine's own work is charged to a
    used_a = a.cost_used
    for i in range(50):
        b.call("step", co, i)
    assert a.cost_used - used_a > 50


def test_state_using_its_main_coroutine_is_freed():
    # the main coroutine object is kept by the State's runtime: it must not
    # keep its State alive
    import weakref

    engine = mani.Engine()
    # the thread's current runtime stays set after a call from the host
    # when no other was current: make another State current first
    keeper = engine.new_state()
    keeper.load_string("return 1")
    st = engine.new_state()
    st.load_string("""
        local m, ismain = coroutine.running()
        assert(ismain and coroutine.status(m) == 'running' and not coroutine.isyieldable())
        local co = coroutine.create(function() return coroutine.status(m) end)
        assert(select(2, coroutine.resume(co)) == 'normal')
    """, "t")
    ref = weakref.ref(st)
    del st
    gc.collect()
    assert ref() is None


def test_abandoning_a_greenlet_that_never_reached_its_body_raises_nothing():
    # found by tools/fuzz.py: State.close() let a GeneratorExit out when a
    # coroutine's greenlet ended without its body catching the exception
    # (here: a greenlet that never started, the simplest such one)
    import threading

    import greenlet

    from mani.runtime import coroutines as C

    st = mani.Engine().new_state()
    co = C.Coroutine(lambda: None, st._core._rt)
    c = co.c
    c.glet = greenlet.greenlet(lambda: None)
    c.thread = threading.get_ident()
    C.abandon(c)  # must not raise
    assert c.status is C.DEAD
    st.close()
