"""State and coroutine lifetime: nothing a script leaves behind keeps its
State alive once the host drops it, a coroutine Lua code can no longer reach
is freed while its State lives, and ``State.close()`` releases a State at
once.

A *probe* is a host object stored in the State (a userdata global): it lives
exactly as long as the State's data, so a weak reference to it shows whether
the State was freed. The frames of a suspended coroutine are invisible to
Python's cycle collector, which is why these are worth testing: before the
State was split into a handle and its core, every case below stayed alive.
"""

from __future__ import annotations

import asyncio
import gc
import threading
import weakref
from concurrent.futures import ThreadPoolExecutor

import pytest

import mani


class Probe:
    pass


class Capture(mani.HostCallbacks):
    def __init__(self):
        self.out = []

    def on_print(self, source, line, message):
        self.out.append(message)


def each(f):
    """A host function that calls back into Lua (which may yield)."""
    for i in range(3):
        f(i)


def new_state():
    cap = Capture()
    st = mani.Engine().new_state(callbacks=cap)
    st.globals["probe"] = Probe()
    st.globals["each"] = each
    return st, cap, weakref.ref(st.globals["probe"])


CLOSER = "local function closer() return setmetatable({}, {__close = function() print('closed!') end}) end\n"

ABANDONED = {
    "wrap_and_break": """
        for v in coroutine.wrap(function()
          local c <close> = closer()
          for i = 1, 10 do coroutine.yield(i) end
        end) do break end""",
    "create_resumed_once": """
        local co = coroutine.create(function() local c <close> = closer(); coroutine.yield(1) end)
        coroutine.resume(co)""",
    "kept_in_a_global": """
        co = coroutine.create(function() local c <close> = closer(); coroutine.yield(1) end)
        coroutine.resume(co)""",
    "holds_itself": """
        gen = coroutine.wrap(function() local me = coroutine.running(); coroutine.yield(me) end)
        gen()""",
    "nested": """
        outer = coroutine.wrap(function()
          local inner = coroutine.create(function() local c <close> = closer(); coroutine.yield('i') end)
          coroutine.resume(inner)
          coroutine.yield('o')
        end)
        outer()""",
    "inside_pcall": """
        w = coroutine.wrap(function()
          pcall(function() local c <close> = closer(); coroutine.yield(1) end)
          print('pcall returned')
        end)
        w()""",
    "inside_host_callback": """
        cb = coroutine.wrap(function() each(function(i) coroutine.yield(i) end) end)
        cb()""",
    "inside_generic_for": """
        g = coroutine.wrap(function()
          for _ in function(_, i) if i < 3 then return i + 1 end end, nil, 0, closer() do
            coroutine.yield()
          end
        end)
        g()""",
}


# --------------------------------------------------- dropping a State


@pytest.mark.parametrize("name", sorted(ABANDONED))
def test_dropped_state_with_suspended_coroutines_is_freed(name):
    st, cap, probe = new_state()
    st.load_string(CLOSER + ABANDONED[name], name)
    state = weakref.ref(st)
    del st
    gc.collect()
    assert state() is None
    assert probe() is None
    assert cap.out == []  # dropping runs no Lua code: no __close, no pcall handler


def test_dropped_state_with_suspended_run_is_freed_quietly():
    st, cap, probe = new_state()
    st.load_string(CLOSER + """
        function work()
          local c <close> = closer()
          local n = 0
          for i = 1, 1e9 do n = n + i end
        end""", "t")
    st.set_cost_budget(1000)
    ex = st.start("work")
    assert ex.status == "suspended"
    del st, ex
    gc.collect()
    assert probe() is None
    assert cap.out == []


def test_dropped_state_is_freed_without_the_cycle_collector():
    # closing empties the globals and package tables, which refer to one
    # another: what is left is freed by reference counting alone
    st, _, probe = new_state()
    st.load_string("""
        local helper = function(x) return x + 1 end
        function f(x) return helper(x) end
        t = {f = f}
        t.self = t
        setmetatable(_G, {__index = function(_, k) return k end})
    """, "t")
    assert st.call("f", 1) == (2,)
    gc.disable()
    try:
        del st
        assert probe() is None
    finally:
        gc.enable()


def test_state_used_on_a_worker_thread_is_freed_after_the_work():
    # the first State a thread runs stays its "current runtime" after the
    # call; that must not keep the State alive
    def work():
        st, _, probe = new_state()
        st.load_string("x = 1 function f() return x end", "t")
        assert st.call("f") == (1,)
        return weakref.ref(st), probe

    with ThreadPoolExecutor(1) as pool:  # a fresh thread: nothing current on it yet
        state, probe = pool.submit(work).result()
        gc.collect()
        assert state() is None and probe() is None  # while the thread lives on


def test_state_run_on_a_worker_and_dropped_by_the_host_thread_is_freed():
    def work():
        st, _, probe = new_state()
        st.load_string("x = 1 function f() return x end", "t")
        st.call("f")
        return st, probe

    with ThreadPoolExecutor(1) as pool:
        st, probe = pool.submit(work).result()
        del st
        gc.collect()
        assert probe() is None


# -------------------------------------- coroutines while the State lives


def test_unreachable_coroutines_are_freed_while_the_state_lives():
    def run(collect_between: bool):
        st, cap, _ = new_state()
        handles = []
        st.globals["keep"] = lambda co: handles.append(weakref.ref(co))
        frame_probe = Probe()
        st.globals["only_in_a_frame"] = frame_probe
        st.load_string(CLOSER + """
            local p = only_in_a_frame
            only_in_a_frame = nil
            for i = 1, 20 do
              local co = coroutine.create(function()
                local mine = p
                local c <close> = closer()
                coroutine.yield()
              end)
              keep(co)
              coroutine.resume(co)
            end
            p = nil
            -- (in a function of its own: a temporary of the coroutine's own
            -- frame holding its handle would keep it alive)
            local function keep_running() keep((coroutine.running())) end
            for i = 1, 20 do
              for v in coroutine.wrap(function() keep_running(); coroutine.yield(1) end) do break end
            end
            -- a coroutine in a cycle of tables: freed by the cycle collector
            local t = {}
            t.t = t
            t.co = coroutine.create(function() coroutine.yield() end)
            keep(t.co)
            coroutine.resume(t.co)
        """, "t")
        probe = weakref.ref(frame_probe)
        del frame_probe
        if collect_between:
            gc.collect()
        st.load_string("function f() return 1 end", "t2")
        gc.collect()
        assert len(handles) == 41
        assert all(h() is None for h in handles)
        assert probe() is None  # the frames of the suspended coroutines are gone
        assert cap.out == []
        return st.cost_used

    # freeing coroutines charges nothing: the cost does not depend on when
    # the collector ran
    assert run(True) == run(False)


def test_coroutine_abandoned_inside_a_host_callback_unwinds_without_lua_code():
    # the unwinding passes a host function and the State entry it made to
    # call back into Lua: neither may turn it into an error that pcall
    # would catch
    st, cap, _ = new_state()
    handles = []
    st.globals["keep"] = lambda co: handles.append(weakref.ref(co))
    st.load_string(CLOSER + """
        local function keep_running() keep((coroutine.running())) end
        for i = 1, 5 do
          local co = coroutine.wrap(function()
            local ok, err = pcall(each, function(j)
              local c <close> = closer()
              keep_running()
              coroutine.yield(j)
            end)
            print('caught', ok, err)
          end)
          co()
        end
    """, "t")
    gc.collect()
    assert len(handles) == 5 and all(h() is None for h in handles)
    assert cap.out == []
    assert st.load_string("return 1") == (1,)


# ---------------------------------------------------------------- close


def test_close_unwinds_suspended_coroutines_at_once():
    st, cap, global_probe = new_state()
    frame_probe = Probe()
    st.globals["only_in_a_frame"] = frame_probe
    st.load_string(CLOSER + """
        co = coroutine.create(function()
          local p = only_in_a_frame
          local c <close> = closer()
          coroutine.yield()
        end)
        coroutine.resume(co)
        only_in_a_frame = nil
    """, "t")
    probe = weakref.ref(frame_probe)
    del frame_probe
    co = st.globals["co"]  # the host holds the thread: it stays, dead
    st.close()
    # without any collection: the frames went at close, and what only the
    # globals held
    assert probe() is None and global_probe() is None
    # like lua_close, closing leaves the coroutines' pending <close> variables alone
    assert cap.out == []
    assert st.closed
    assert co.c.status == "dead"


def test_closed_state_refuses_every_use():
    st, _, _ = new_state()
    st.load_string("function f(x) return x end t = {}", "t")
    st.set_cost_budget(10_000)
    f = st.globals["f"]
    t = st.globals["t"]
    used = st.cost_used
    st.close()
    st.close()  # harmless
    attempts = [
        lambda: st.load_string("return 1"),
        lambda: st.call("f", 1),
        lambda: f(1),
        lambda: t.__setitem__("k", 1),
        lambda: st.globals,
        lambda: st.table_from({}),
        lambda: st.set_cost_budget(5),
        lambda: st.set_deadline(1.0),
        lambda: st.set_yield_interval(5),
        lambda: st.set_rng_seed(1),
        lambda: st.set_user_data(1),
        lambda: st.interrupt_handle(),
        lambda: st.start("f", 1),
        lambda: asyncio.run(st.call_async("f", 1)),
    ]
    for attempt in attempts:
        with pytest.raises(mani.ManiError, match="this State is closed") as info:
            attempt()
        assert not isinstance(info.value, mani.StateBusyError)  # not a reason to retry
    assert st.cost_used == used and st.cost_remaining is not None and st.engine is not None


def test_functions_handed_to_host_functions_see_the_close():
    st, _, _ = new_state()
    kept = []
    st.globals["register"] = kept.append
    st.load_string("register(function() return 1 end)", "t")
    assert kept[0]() == (1,)
    st.close()
    with pytest.raises(mani.ManiError, match="this State is closed"):
        kept[0]()


def test_dropping_the_state_closes_it_for_values_host_functions_kept():
    # a Lua function a host function received does not keep the State
    # object alive (it may sit in a suspended coroutine's frames): once the
    # host drops the State, calling it is an error. Values the State's own
    # methods handed out keep it alive and usable.
    st, _, _ = new_state()
    kept = []
    st.globals["register"] = kept.append
    st.load_string("""
        register(function() return 1 end)
        function make() return function() return 7 end, {1, 2} end""", "t")
    f, t = st.call("make")
    g = st.globals["make"]
    del st
    gc.collect()
    assert f() == (7,) and t.to_list() == [1, 2] and len(g()) == 2
    del f, t, g
    gc.collect()
    with pytest.raises(mani.ManiError, match="this State is closed"):
        kept[0]()


def test_close_from_inside_its_own_run_is_refused():
    st, _, _ = new_state()
    seen = []

    def close_me():
        try:
            st.close()
        except mani.StateBusyError as e:
            seen.append(str(e))

    st.globals["close_me"] = close_me
    st.load_string("close_me() x = 1", "t")
    assert seen == ["a State cannot be closed from inside its own run"]
    assert not st.closed and st.globals["x"] == 1


def test_close_while_running_in_another_thread_is_refused():
    st, _, _ = new_state()
    entered, release = threading.Event(), threading.Event()

    def block():
        entered.set()
        release.wait(10)

    st.globals["block"] = block
    st.load_string("function f() block() return 1 end", "t")
    worker = threading.Thread(target=lambda: st.call("f"))
    worker.start()
    try:
        assert entered.wait(10)
        with pytest.raises(mani.StateBusyError, match="another thread"):
            st.close()
    finally:
        release.set()
        worker.join()
    st.close()
    assert st.closed


def test_close_cancels_a_suspended_run_and_runs_its_close_variables():
    # lua_close closes the main thread's pending to-be-closed variables
    st, cap, probe = new_state()
    st.load_string(CLOSER + """
        function work()
          local c <close> = closer()
          local n = 0
          for i = 1, 1e9 do n = n + i end
        end""", "t")
    st.set_cost_budget(1000)
    ex = st.start("work")
    assert ex.status == "suspended"
    st.close()
    assert ex.status == "cancelled" and cap.out == ["closed!"] and st.closed
    del st, ex
    gc.collect()
    assert probe() is None


def test_close_while_an_async_run_awaits_is_refused():
    st, _, _ = new_state()
    results = []

    async def pause():
        with pytest.raises(mani.StateBusyError):
            st.close()
        results.append("refused")
        return 5

    st.globals["pause"] = pause
    st.load_string("function f() return pause() + 1 end", "t")
    assert asyncio.run(st.call_async("f")) == (6,)
    assert results == ["refused"] and not st.closed


def test_state_is_a_context_manager():
    with mani.Engine().new_state() as st:
        assert st.load_string("return 1 + 1") == (2,)
    assert st.closed
    with pytest.raises(mani.ManiError, match="closed"):
        st.load_string("return 1")


def test_coroutines_of_a_closed_state_cannot_run_elsewhere():
    st, _, _ = new_state()
    started, fresh = st.load_string("""
        local a = coroutine.create(function() coroutine.yield() end)
        coroutine.resume(a)
        return a, coroutine.create(function() return 1 end)""", "t")
    st.close()
    other = mani.Engine().new_state()
    other.load_string("function try(co) return coroutine.resume(co) end", "t")
    assert other.call("try", started) == (False, "cannot resume dead coroutine")
    assert other.call("try", fresh) == (False, "cannot resume a coroutine of a closed State")
