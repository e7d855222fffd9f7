"""Cancelling, closing and interrupting a run from the host: never a hang,
never a swallowed signal, never a State left busy for ever.

Every case that used to hang runs under a bounded join, so a regression
fails instead of stopping the suite."""

from __future__ import annotations

import asyncio
import threading

import pytest

import mani

LOOPING_CLOSE = """
local function run()
  local x <close> = setmetatable({}, {__close = function()
    closed = (closed or 0) + 1
    while true do end          -- a handler that never ends
  end})
  while true do end            -- suspended here when the budget runs out
end
"""


def _bounded(fn, seconds=30.0):
    """Run ``fn`` in a thread; fail (instead of hanging) if it does not end."""
    box: dict = {}

    def body():
        try:
            box["value"] = fn()
        except BaseException as e:  # noqa: BLE001 - handed to the test
            box["error"] = e

    t = threading.Thread(target=body, daemon=True)
    t.start()
    t.join(seconds)
    assert not t.is_alive(), "hung"
    if "error" in box:
        raise box["error"]
    return box.get("value")


def _suspended(grace=None):
    st = mani.Engine().new_state()
    if grace is not None:
        st.set_close_grace_budget(grace)
    st.load_string(LOOPING_CLOSE + "_G.run = run")
    st.set_cost_budget(10_000)
    ex = st.start("run")
    assert ex.status == "suspended"
    return st, ex


def test_cancel_runs_close_handlers_under_the_grace_budget():
    def body():
        st, ex = _suspended(grace=50_000)
        before = st.cost_used
        ex.cancel()
        assert ex.status == "cancelled"
        assert isinstance(ex.error, mani.BudgetExceeded)  # the handler was cut short
        assert 50_000 <= st.cost_used - before <= 50_000 + 100
        assert st.globals["closed"] == 1
        st.set_cost_budget(1000)  # the State is idle and usable
        assert st.load_string("return 1 + 1") == (2,)
    _bounded(body)


def test_close_of_a_suspended_run_is_bounded_too():
    def body():
        st, ex = _suspended()
        st.close()
        assert st.closed and ex.status == "cancelled"
    _bounded(body)


def test_cancel_keeps_the_hosts_budget_setting():
    def body():
        st = mani.Engine().new_state()
        st.load_string("function run() while true do end end")
        st.set_cost_budget(1000)
        ex = st.start("run")
        ex.cancel()
        assert ex.error is None  # nothing to close
        with pytest.raises(mani.BudgetExceeded):  # the budget is still used up
            st.call("run")
    _bounded(body)


def test_keyboard_interrupt_during_close_handlers_reaches_the_host():
    def body():
        st = mani.Engine().new_state()

        def host():
            raise KeyboardInterrupt

        st.globals["host"] = host
        st.load_string("""
          function run()
            local x <close> = setmetatable({}, {__close = function() host() end})
            while true do end
          end""")
        st.set_cost_budget(1000)
        ex = st.start("run")
        with pytest.raises(KeyboardInterrupt):
            st.close()
        assert st.closed  # closing finished before the signal went on
    _bounded(body)


def test_an_interrupt_stops_close_handlers():
    def body():
        st, ex = _suspended(grace=10**15)
        h = st.interrupt_handle()
        threading.Timer(0.2, h.interrupt).start()
        ex.cancel()
        assert isinstance(ex.error, mani.Interrupted)
        assert ex.status == "cancelled"
    _bounded(body)


def test_cancel_from_another_thread_is_a_clear_error():
    st, ex = _suspended()
    box = {}

    def other():
        try:
            ex.cancel()
        except BaseException as e:  # noqa: BLE001
            box["e"] = e

    t = threading.Thread(target=other)
    t.start()
    t.join(30)
    assert isinstance(box["e"], mani.ManiError)
    assert "thread that started it" in str(box["e"])
    assert ex.status == "suspended"
    ex.cancel()  # on its own thread it works (the grace budget bounds the handler)
    assert ex.status == "cancelled"


async def _forever():
    await asyncio.sleep(3600)


def test_cancelling_call_async_is_not_a_lua_error_and_pcall_cannot_catch_it():
    st = mani.Engine().new_state()
    st.globals["wait"] = _forever
    st.load_string("""
      function g()
        local ok, e = pcall(wait)
        caught = true            -- must never run
        while true do end
      end""")
    st.set_cost_budget(10**6)

    async def main():
        task = asyncio.ensure_future(st.call_async("g"))
        await asyncio.sleep(0.05)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        # idle and usable at once
        assert await st.call_async(st.load_string("return function() return 7 end")[0]) == (7,)

    _bounded(lambda: asyncio.run(main()))
    assert "caught" not in st.globals


def test_cancelling_during_a_yield_interval_turn_leaves_the_state_usable():
    st = mani.Engine().new_state()
    st.load_string("function spin() local n = 0 while true do n = n + 1 end end")
    st.set_yield_interval(1000)
    st.set_cost_budget(10**9)

    async def main():
        task = asyncio.ensure_future(st.call_async("spin"))
        await asyncio.sleep(0.05)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        assert st.load_string("return 3") == (3,)

    _bounded(lambda: asyncio.run(main()))
    st.close()
    assert st.closed
