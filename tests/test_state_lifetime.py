"""State and coroutine lifetime: a coroutine Lua code can no longer reach
is freed, with its frames, while its State lives.

A *probe* is a host object stored in the State (a userdata global): a weak
reference to it shows whether what referred to it was freed. The frames of
a suspended coroutine are invisible to Python's cycle collector, which is
why this is worth testing.
"""

from __future__ import annotations

import gc
import weakref

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
