"""Concurrency: asyncio, suspendable runs, interruption, pools, processes."""

from __future__ import annotations

import asyncio
import contextlib
import pickle
import random
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import mani

ROOT = Path(__file__).resolve().parent.parent


class Capture(mani.HostCallbacks):
    def __init__(self, out=None):
        self.out = [] if out is None else out

    def on_print(self, source, line, message):
        self.out.append(message)


# ------------------------------------------------------------------ asyncio


async def _sleep(x):
    await asyncio.sleep(x)
    return x


def test_two_states_sleep_concurrently_on_one_loop():
    eng = mani.Engine()
    prog = eng.compile("function g() for i = 1, 3 do sleep(0.2) print(tag, i) end return 'ok' end")
    out = []

    async def main():
        sts = []
        for k in ("a", "b"):
            st = eng.new_state(callbacks=Capture(out))
            st.globals["sleep"] = _sleep
            st.globals["tag"] = k
            st.load(prog)
            sts.append(st)
        t0 = time.perf_counter()
        res = await asyncio.gather(*(st.call_async("g") for st in sts))
        return res, time.perf_counter() - t0

    res, dt = asyncio.run(main())
    assert res == [("ok",), ("ok",)]
    assert 0.55 < dt < 1.0, dt  # about 0.6 s, not 1.2 s
    assert out == ["a\t1", "b\t1", "a\t2", "b\t2", "a\t3", "b\t3"]  # interleaved


def test_async_host_function_inside_pcall_and_metamethods():
    st = mani.Engine().new_state()
    st.globals["fetch"] = _async_double
    st.load_string("""
      local t = setmetatable({}, {__index = function(t, k) return fetch(k) end})
      function g()
        local ok, v = pcall(fetch, 4)
        return ok, v, t[5]
      end
    """)
    assert asyncio.run(st.call_async("g")) == (True, 8, 10)


async def _async_double(x):
    await asyncio.sleep(0)
    return x * 2


def test_async_errors_propagate_into_lua():
    async def fail():
        await asyncio.sleep(0)
        raise ValueError("nope")

    st = mani.Engine().new_state()
    st.globals["fail"] = fail
    st.load_string("function g() local ok, e = pcall(fail) return ok, e end")
    ok, msg = asyncio.run(st.call_async("g"))
    assert ok is False and "nope" in msg


def test_sync_call_reaching_async_function_is_a_clear_error():
    st = mani.Engine().new_state()
    st.globals["sleep"] = _sleep
    with pytest.raises(mani.LuaError, match="called from a synchronous run"):
        st.load_string("sleep(0.01)")


def test_load_async():
    eng = mani.Engine()
    st = eng.new_state()
    st.globals["sleep"] = _sleep
    assert asyncio.run(st.load_async(eng.compile("return sleep(0.01)"))) == (0.01,)


def test_yield_interval_keeps_the_loop_responsive():
    st = mani.Engine().new_state()
    st.load_string("function spin(n) local s, i = 0, 0 while i < n do i = i + 1 s = s + i % 7 end return s end")
    st.set_yield_interval(2000)
    ticks = []

    async def heartbeat(stop):
        while not stop.is_set():
            ticks.append(time.perf_counter())
            await asyncio.sleep(0.01)

    async def main():
        stop = asyncio.Event()
        hb = asyncio.create_task(heartbeat(stop))
        await asyncio.sleep(0)
        t0 = time.perf_counter()
        r = await st.call_async("spin", 1_000_000)
        dt = time.perf_counter() - t0
        stop.set()
        await hb
        return r, dt

    r, dt = asyncio.run(main())
    assert r == (sum(i % 7 for i in range(1, 1_000_001)),)
    assert dt > 0.1
    gaps = [b - a for a, b in zip(ticks, ticks[1:])]
    assert len(ticks) > 5 and max(gaps) < 0.1, max(gaps)


# ------------------------------------------------------ suspend and resume

LOOP = """
function work(n)
  local acc, t = 0, {}
  for i = 1, n do
    t[#t + 1] = i % 10
    local ok, v = pcall(function() return i * 2 end)
    acc = acc + v + #tostring(i)
    if i % 100 == 0 then print("at", i, acc) end
  end
  return acc, #t
end
"""


def _reference():
    eng = mani.Engine()
    out = []
    st = eng.new_state(callbacks=Capture(out))
    st.load_string(LOOP)
    res = st.call("work", 1000)
    return eng, res, out, st.cost_used


def test_suspend_and_resume_in_random_slices_gives_same_output_and_cost():
    eng, res, out, _ = _reference()
    call_cost = _cost_of_call(eng)
    rng = random.Random(7)
    for _ in range(3):
        out2 = []
        st = eng.new_state(callbacks=Capture(out2))
        st.load_string(LOOP)
        base = st.cost_used
        st.set_cost_budget(rng.randint(1, 500))
        ex = st.start("work", 1000)
        steps = 0
        while ex.status == "suspended":
            ex.add_budget(rng.randint(1, 500))
            ex.resume()
            steps += 1
        assert ex.status == "done" and steps > 5
        assert ex.result == res
        assert out2 == out
        assert st.cost_used - base == call_cost


def _cost_of_call(eng):
    st = eng.new_state()
    st.load_string(LOOP)
    base = st.cost_used
    st.call("work", 1000)
    return st.cost_used - base


def test_suspended_state_refuses_calls_and_cancel_runs_close():
    out = []
    st = mani.Engine().new_state(callbacks=Capture(out))
    st.load_string("""
      function work()
        local guard <close> = setmetatable({}, {__close = function() print("closed") end})
        while true do end
      end
      function other() return 1 end
    """)
    st.set_cost_budget(1000)
    ex = st.start("work")
    assert ex.status == "suspended"
    with pytest.raises(mani.StateBusyError):
        st.call("other")
    ex.cancel()
    assert ex.status == "cancelled"
    assert out == ["closed"]
    st.set_cost_budget(None)
    assert st.call("other") == (1,)


def test_cancel_runs_close_handlers_in_their_state():
    out, checks = [], []
    eng = mani.Engine()

    def body():
        # on a fresh thread, so that `other` stays this thread's last State
        other = eng.new_state()
        other.load_string("function f() return 1 end")
        other.call("f")
        st = eng.new_state(callbacks=Capture(out))
        st.load_string("""
          function work()
            local guard <close> = setmetatable({}, {__close = function()
              print("closed", #string.rep("x", 10), tostring(1.5))
            end})
            while true do end
          end
        """)
        st.set_cost_budget(1000)
        ex = st.start("work")
        before = other.cost_used, st.cost_used
        ex.cancel()
        checks.append((other.cost_used == before[0], st.cost_used > before[1]))

    t = threading.Thread(target=body)
    t.start()
    t.join()
    assert out == ["closed\t10\t1.5"]
    assert checks == [(True, True)]  # string.rep charged the cancelled run's State


def test_start_finishing_within_budget_is_done():
    st = mani.Engine().new_state()
    st.load_string("function f(a, b) return a + b end")
    ex = st.start("f", 1, 2)
    assert ex.status == "done" and ex.result == (3,)


# ------------------------------------------------------------ interruption


@contextlib.contextmanager
def interrupting(h, every: float = 0.05):
    """Send ``h.interrupt()`` from another thread every ``every`` seconds
    while the block runs. An interrupt that arrives while the State is idle
    is dropped when the State is entered (it targets a running script), so
    a single early one could be lost on a loaded machine and an endless
    loop would never stop."""
    stop = threading.Event()

    def keep_interrupting():
        while not stop.wait(every):
            h.interrupt()

    sender = threading.Thread(target=keep_interrupting, daemon=True)
    sender.start()
    try:
        yield
    finally:
        stop.set()
        sender.join()


def test_interrupt_from_another_thread():
    engine = mani.Engine()
    st = engine.new_state()
    program = engine.compile("local ok = pcall(function() while true do end end)")
    h = st.interrupt_handle()
    t0 = time.perf_counter()
    with interrupting(h, 0.2), pytest.raises(mani.Interrupted):
        st.load(program)
    assert time.perf_counter() - t0 < 10


def test_deadline_and_uncatchable():
    st = mani.Engine().new_state()
    st.set_deadline(0.2)
    with pytest.raises(mani.Interrupted):
        st.load_string("while true do pcall(error, 'x') end")
    assert issubclass(mani.Interrupted, mani.LuaError)


# ---------------------------------------------------------- pools, threads


def test_state_pool_reuses_states_and_resets_budget():
    eng = mani.Engine()
    prog = eng.compile("n = 0 function bump() n = n + 1 return n end function spin() while true do end end")
    pool = mani.StatePool(eng, 2, setup=lambda st: st.load(prog), budget=50_000)
    with pool.acquire() as st:
        assert st.call("bump") == (1,)
        with pytest.raises(mani.BudgetExceeded):
            st.call("spin")
    with pool.acquire() as st:
        assert st.cost_remaining == 50_000
        assert st.call("bump") == (2,)  # globals persist (documented)
    fresh = mani.StatePool(eng, 1, setup=lambda st: st.load(prog), fresh=True)
    for _ in range(2):
        with fresh.acquire() as st:
            assert st.call("bump") == (1,)


def test_threadpool_server_example_under_8_threads():
    sys.path.insert(0, str(ROOT / "examples"))
    try:
        import threadpool_server
    finally:
        sys.path.pop(0)
    replies = threadpool_server.main(requests=400, workers=8)
    assert len(replies) == 400


# ------------------------------------------------------------- processes


def test_program_pickles_to_another_process():
    prog = mani.Engine().compile("function f(x) return x * 3 end", name="p.lua")
    code = (
        "import pickle, sys, mani;"
        "p = pickle.loads(sys.stdin.buffer.read());"
        "st = mani.Engine().new_state(); st.load(p); print(st.call('f', 14)[0])"
    )
    r = subprocess.run([sys.executable, "-c", code], input=pickle.dumps(prog), capture_output=True, check=True)
    assert r.stdout.strip() == b"42"


def test_program_from_other_version_is_refused():
    prog = mani.Engine().compile("x = 1")
    fn, args = prog.__reduce__()
    with pytest.raises(mani.ProgramMismatchError):
        fn("0.0.0-other", *args[1:])


def test_portable_functions():
    eng = mani.Engine()
    st = eng.new_state()
    st.load_string("""
      local k, name = 3, "sq"
      local function sq(x) return x * x end
      function f(x) return sq(x) + k, name end
      local t = {}
      function g() return t end
    """)
    p = pickle.loads(pickle.dumps(st.globals["f"].into_portable()))
    other = eng.new_state()
    assert other.call(p, 4) == (19, "sq")
    other.globals["f2"] = p
    assert other.load_string("return f2(5)") == (28, "sq")
    with pytest.raises(mani.ManiError, match="upvalue 't' holds a table"):
        st.globals["g"].into_portable()
    with pytest.raises(mani.ManiError):
        mani.Engine(cost_model=mani.CostModel(loop=2)).new_state().call(p, 1)


def test_process_pool_example_runs():
    sys.path.insert(0, str(ROOT / "examples"))
    try:
        import process_pool
    finally:
        sys.path.pop(0)
    assert process_pool.throughput(1, requests=4) > 0


@pytest.mark.parametrize("body", [
    "table.sort(t, function(a, b) return a < b end)",  # sorting with a Lua comparator
    "string.find(string.rep('a', 30000), string.rep('a?', 30) .. string.rep('a', 30) .. 'b')",  # backtracking
    "for i = 1, 100 do local s = string.rep('x', 1000000) end",  # big allocations
])
def test_interrupt_reaches_long_library_calls(body):
    engine = mani.Engine()
    st = engine.new_state()
    st.load_string("t = {} for i = 1, 200000 do t[i] = (i * 7919) % 100003 end")
    program = engine.compile("while true do " + body + " end")
    h = st.interrupt_handle()
    t0 = time.perf_counter()
    with interrupting(h), pytest.raises(mani.Interrupted):
        st.load(program)
    assert time.perf_counter() - t0 < 10


# -------------------------------------------------------- entering a State
# A State is held by one greenlet at a time (see State's "entering" notes):
# calls from the host take it, re-entries from inside its own run nest, and
# everything else is refused with StateBusyError.


def _blocked_in_thread(st, name):
    """Start ``st.call(name)`` on a thread whose script blocks in the host
    function ``block``; returns (thread, release event, results)."""
    entered, release, out = threading.Event(), threading.Event(), []

    def block():
        entered.set()
        release.wait(5)

    st.globals["block"] = block
    t = threading.Thread(target=lambda: out.append(st.call(name)))
    t.start()
    assert entered.wait(5)
    return t, release, out


def test_busy_state_refuses_every_kind_of_call_from_another_thread():
    st = mani.Engine().new_state()
    st.load_string("function f() block() return 1 end function g(x) return x end")
    t, release, out = _blocked_in_thread(st, "f")
    g = st.globals["g"]
    for attempt in (lambda: g(1), lambda: st.call("g", 1), lambda: st.call(g, "s"),
                    lambda: st.load_string("return 1"), lambda: st.set_rng_seed(3),
                    lambda: st.globals.__setitem__("x", 1)):
        with pytest.raises(mani.StateBusyError, match="another thread"):
            attempt()
    with pytest.raises(mani.StateBusyError):
        st.start("g", 1)
    release.set()
    t.join()
    assert out == [(1,)]
    # free again, on this thread and then on another one
    assert g(2) == (2,) and st.call("g", 3) == (3,)
    moved = []
    t2 = threading.Thread(target=lambda: moved.append((g(4), st.call("g", {"k": 5}))))
    t2.start()
    t2.join()
    assert moved[0][0] == (4,) and moved[0][1][0]["k"] == 5


def test_two_threads_racing_for_one_state_never_both_get_it():
    st = mani.Engine().new_state()
    inside = []

    def probe(i):
        inside.append(i)
        assert len(inside) == 1, "two threads inside one State"
        time.sleep(0.0005)
        inside.remove(i)

    st.globals["probe"] = probe
    st.load_string("function f(i) probe(i) return i end")
    f = st.globals["f"]
    ran, refused = [], []
    barrier = threading.Barrier(4)

    def worker(i):
        barrier.wait()
        for k in range(200):
            try:
                ran.append(f(i * 1000 + k))
            except mani.StateBusyError:
                refused.append(i)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(ran) + len(refused) == 800 and ran
    assert st.call("f", 7) == (7,)  # released after all of it


def test_host_function_reenters_its_state_by_every_path():
    st = mani.Engine().new_state()
    seen = []

    def back(depth):
        seen.append(depth)
        if depth < 3:
            # LuaFunction, call by name, and load, nested inside the run
            a = st.globals["down"](depth + 1)
            b = st.call("down", depth + 1)
            c = st.load_string(f"return down({depth + 1})")
            return a[0] + b[0] + c[0]
        return 1

    st.globals["back"] = back
    st.load_string("function down(d) return back(d) end")
    assert st.call("down", 1) == (9,)
    assert seen.count(3) == 9
    # and from a host function called on a Lua coroutine of the run
    st.load_string("function co() return coroutine.wrap(function(d) return back(d) end)(2) end")
    assert st.call("co") == (3,)


def test_error_in_a_reentry_reaches_on_error_once_and_releases_the_state():
    errors = []

    class Cb(mani.HostCallbacks):
        def on_error(self, source, error):
            errors.append(error.value)

    st = mani.Engine().new_state(callbacks=Cb())
    st.globals["back"] = lambda: st.call("bad")
    st.load_string("function bad() error('deep') end function outer() back() end function ok() return 1 end")
    with pytest.raises(mani.LuaError, match="deep"):
        st.call("outer")
    assert len(errors) == 1  # reported as it leaves the State, not at each level
    assert st.call("ok") == (1,)
    done = []
    t = threading.Thread(target=lambda: done.append(st.call("ok")))
    t.start()
    t.join()
    assert done == [(1,)]


def test_host_exit_exceptions_pass_through_and_release_the_state():
    st = mani.Engine().new_state()

    def stop():
        raise KeyboardInterrupt

    st.globals["stop"] = stop
    st.load_string("function f() stop() end function g() return 2 end")
    with pytest.raises(KeyboardInterrupt):
        st.call("f")
    assert st.call("g") == (2,)


def test_other_greenlet_on_the_holding_thread_is_refused():
    greenlet = pytest.importorskip("greenlet")
    st = mani.Engine().new_state()
    st.load_string("function f() return side() end function g() return 7 end")
    got = []

    # A greenlet-based server: each request runs on its own greenlet, and a
    # host function may switch to another request's greenlet while the
    # script waits. That greenlet is not inside the run, so it may not
    # enter the State (the request greenlet holds it).
    def other_request():
        try:
            st.call("g")
        except mani.StateBusyError as e:
            got.append(str(e))
        request.switch(0)  # back into the waiting script

    other = greenlet.greenlet(other_request)
    st.globals["side"] = lambda: other.switch()
    request = greenlet.greenlet(lambda: st.call("f"))
    assert request.switch() == (0,)
    assert got and "on this thread" in got[0]
    assert st.call("g") == (7,)


def test_async_run_awaiting_refuses_a_sync_call_on_the_same_loop():
    st = mani.Engine().new_state()

    async def wait_a_bit():
        await asyncio.sleep(0.05)
        return 1

    st.globals["wait_a_bit"] = wait_a_bit
    st.load_string("function slow() return wait_a_bit() end function quick() return 2 end")

    async def main():
        task = asyncio.ensure_future(st.call_async("slow"))
        await asyncio.sleep(0.01)  # the run is now awaiting
        with pytest.raises(mani.StateBusyError):
            st.call("quick")
        assert await task == (1,)
        return st.call("quick")

    assert asyncio.run(main()) == (2,)


def test_host_function_of_a_resumed_run_may_call_back():
    st = mani.Engine().new_state()
    st.globals["cb"] = lambda: st.call("inner")[0]
    st.load_string("""
      function inner() return 5 end
      function work() local s = 0 for i = 1, 2000 do s = s + i end return cb() + s end
    """)
    st.set_cost_budget(100)
    ex = st.start("work")
    while ex.status == "suspended":
        ex.add_budget(100)
        ex.resume()
    assert ex.status == "done" and ex.result == (5 + 2001000,)


def test_interrupt_while_idle_does_not_stop_the_next_call():
    st = mani.Engine().new_state()
    st.load_string("function f() local s = 0 for i = 1, 50000 do s = s + i end return s end")
    h = st.interrupt_handle()
    h.interrupt()  # nothing runs: nothing to stop
    assert st.call("f") == (1250025000,)
    assert st.globals["f"]() == (1250025000,)


def test_nested_states_keep_their_own_meters():
    eng = mani.Engine()
    a, b = eng.new_state(), eng.new_state()
    b.load_string("function work(n) local s = 0 for i = 1, n do s = s + i end return s end")
    a.globals["in_b"] = lambda n: b.globals["work"](n)[0]
    a.load_string("function f(n) local r = in_b(n) return r + #string.rep('x', 1000) end")
    a.call("f", 10)  # warm
    a0, b0 = a.cost_used, b.cost_used
    a.call("f", 1000)
    a_cost, b_cost = a.cost_used - a0, b.cost_used - b0
    a1, b1 = a.cost_used, b.cost_used
    a.call("f", 10)
    # B's loop is charged to B only; A's cost does not depend on it
    assert a.cost_used - a1 == a_cost
    assert b.cost_used - b1 < b_cost
    # A's library call after the nested call still charges A
    a.set_cost_budget(a_cost - 1)
    with pytest.raises(mani.BudgetExceeded):
        a.call("f", 10)
