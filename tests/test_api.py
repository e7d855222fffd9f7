"""The embedding API: Engine / Program / State, values, threads, budgets."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import threading
import time

import pytest

import mani


class Capture(mani.HostCallbacks):
    def __init__(self):
        self.lines = []
        self.errors = []

    def on_print(self, source, line, message):
        self.lines.append((source, line, message))

    def on_error(self, source, error):
        self.errors.append((source, error))


def run(src, engine=None, **kw):
    engine = engine or mani.Engine()
    cap = Capture()
    st = engine.new_state(callbacks=cap)
    st.load(engine.compile(src, name="t.lua"))
    return [m for _, _, m in cap.lines]


# ------------------------------------------------------------------ basics


def test_load_returns_results_and_print_goes_to_callback():
    eng = mani.Engine()
    cap = Capture()
    st = eng.new_state(callbacks=cap)
    prog = eng.compile("print('hi', 1, 2.5)\nreturn 1, 'two', nil, {}", name="t.lua")
    res = st.load(prog)
    assert res[:3] == (1, "two", None)
    assert isinstance(res[3], mani.LuaTable)
    assert cap.lines == [("t.lua", 1, "hi\t1\t2.5")]


def test_raw_engine_has_empty_globals():
    st = mani.Engine.raw().new_state()
    assert dict(st.globals) == {}
    with pytest.raises(mani.LuaError, match="attempt to call a nil value \\(global 'print'\\)"):
        st.load_string("print(1)", name="x")


def test_syntax_error_has_line():
    with pytest.raises(mani.LuaSyntaxError) as ei:
        mani.Engine().compile("local x = 1\nx = = 2", name="s.lua")
    assert ei.value.line == 2
    assert str(ei.value) == "s.lua:2: unexpected symbol near '='"


def test_call_by_name_and_lua_function():
    st = mani.Engine().new_state()
    st.load_string("function add(a, b) return a + b, a .. b end")
    assert st.call("add", 2, 3) == (5, "23")
    f = st.globals["add"]
    assert isinstance(f, mani.LuaFunction)
    assert f(1, 1) == (2, "11")
    with pytest.raises(mani.LuaError, match="global 'nope'"):
        st.call("nope")


def test_runtime_error_message_and_traceback():
    eng = mani.Engine()
    cap = Capture()
    st = eng.new_state(callbacks=cap)
    with pytest.raises(mani.LuaError) as ei:
        st.load(eng.compile("local t = nil\nlocal function f() return t.x end\nf()", name="e.lua"))
    assert ei.value.value == "e.lua:2: attempt to index a nil value (upvalue 't')"
    assert "stack traceback:" in ei.value.lua_traceback
    assert "e.lua:2: in function 'f'" in ei.value.lua_traceback
    assert len(cap.errors) == 1


def test_error_values_are_lua_values():
    st = mani.Engine().new_state()
    with pytest.raises(mani.LuaError) as ei:
        st.load_string("error({code = 7})")
    assert isinstance(ei.value.value, mani.LuaTable)
    assert ei.value.value["code"] == 7


# ------------------------------------------------------------------ values


def test_values_into_python_and_back():
    st = mani.Engine().new_state()
    st.globals["n"] = 5
    st.globals["s"] = "é"
    st.globals["b"] = b"\xff\x00"
    st.globals["f"] = 1.5
    st.globals["yes"] = True
    st.load_string("r = {#s, #b, n + 1, f * 2, yes and 'y'}")
    r = st.globals["r"]
    assert r.to_list() == [2, 2, 6, 3.0, "y"]
    # bytes that are not UTF-8 survive a round trip
    st.load_string("raw = b")
    assert st.globals["raw"].encode("utf-8", "surrogateescape") == b"\xff\x00"


def test_host_functions_and_multiple_results():
    st = mani.Engine().new_state()
    st.globals["pair"] = lambda a, b: (b, a)
    st.globals["nothing"] = lambda: None
    assert st.load_string("return pair(1, 'x')") == ("x", 1)
    assert st.load_string("return select('#', nothing())") == (0,)


def test_host_exception_becomes_lua_error():
    st = mani.Engine().new_state()

    def boom():
        raise ValueError("bad thing")

    st.globals["boom"] = boom
    ok, msg = st.load_string("return pcall(boom)")
    assert ok is False and "bad thing" in msg


def test_table_from_recursive():
    st = mani.Engine().new_state()
    st.globals["cfg"] = st.table_from({"name": "x", "list": [1, 2, {"k": True}]}, recursive=True)
    assert st.load_string("return cfg.name, #cfg.list, cfg.list[3].k") == ("x", 2 + 1, True)


def test_opaque_userdata():
    st = mani.Engine().new_state()

    class Secret:
        password = "hunter2"

    obj = Secret()
    st.globals["obj"] = obj
    st.globals["give"] = lambda o: o is obj
    assert st.load_string("return type(obj), give(obj)") == ("userdata", True)
    ok, msg = st.load_string("return pcall(function() return obj.password end)")
    assert ok is False and "attempt to index a userdata value" in msg
    ok, msg = st.load_string("return pcall(function() return obj.__class__ end)")
    assert ok is False


# ---------------------------------------------------------- Program rules


def test_program_is_immutable_and_picklable():
    eng = mani.Engine()
    prog = eng.compile("x = 40 + 2", name="p.lua")
    with pytest.raises(AttributeError):
        prog.name = "other"
    prog2 = pickle.loads(pickle.dumps(prog))
    st = eng.new_state()
    st.load(prog2)
    assert st.globals["x"] == 42


def test_program_from_other_configuration_is_refused():
    prog = mani.Engine().compile("x = 1")
    other = mani.Engine(cost_model=mani.CostModel(call=5))
    with pytest.raises(mani.ProgramMismatchError):
        other.new_state().load(prog)


# ----------------------------------------------------------------- threads

SCRIPT = """
local Point = {}
Point.__index = Point
function Point.new(x, y) return setmetatable({x = x, y = y}, Point) end
function Point:len2() return self.x * self.x + self.y * self.y end
function work(seed)
  local acc = 0
  for i = 1, 2000 do
    local p = Point.new(i % 7 + seed, i % 11)
    acc = acc + p:len2()
  end
  print("seed", seed, acc)
  return acc
end
"""


def test_eight_threads_one_engine_one_program():
    eng = mani.Engine()
    prog = eng.compile(SCRIPT, name="w.lua")

    def single(seed):
        cap = Capture()
        st = eng.new_state(callbacks=cap)
        st.load(prog)
        for k in range(5):
            st.call("work", seed + k)
        return [m for _, _, m in cap.lines]

    expected = {seed: single(seed) for seed in range(8)}
    results = {}
    barrier = threading.Barrier(8)

    def worker(seed):
        barrier.wait()
        results[seed] = single(seed)

    threads = [threading.Thread(target=worker, args=(s,)) for s in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == expected


def test_busy_state_refuses_second_thread_then_moves():
    st = mani.Engine().new_state()
    entered = threading.Event()
    release = threading.Event()

    def block():
        entered.set()
        release.wait(5)

    st.globals["block"] = block
    st.load_string("function f() block() return 1 end function g() return 2 end")
    t = threading.Thread(target=lambda: st.call("f"))
    t.start()
    entered.wait(5)
    with pytest.raises(mani.StateBusyError):
        st.call("g")
    release.set()
    t.join()
    out = []
    t2 = threading.Thread(target=lambda: out.append(st.call("g")))
    t2.start()
    t2.join()
    assert out == [(2,)]


def test_states_do_not_share_caches_at_same_sites():
    eng = mani.Engine()
    prog = eng.compile("""
      function get(o) return o.v end
      function make(kind)
        if kind == 1 then return setmetatable({}, {__index = function(t, k) return 'meta-' .. k end}) end
        return {v = 'plain'}
      end
    """)
    a, b = eng.new_state(), eng.new_state()
    a.load(prog)
    b.load(prog)
    a.load_string("obj = make(1)")
    b.load_string("obj = make(2)")
    for _ in range(50):
        assert a.load_string("return get(obj)") == ("meta-v",)
        assert b.load_string("return get(obj)") == ("plain",)


# ------------------------------------------------------------------ budget


def test_infinite_loop_stops_on_budget_quickly():
    st = mani.Engine().new_state()
    st.set_cost_budget(1_000_000)
    t0 = time.perf_counter()
    with pytest.raises(mani.BudgetExceeded):
        st.load_string("while true do end")
    assert time.perf_counter() - t0 < 1.0
    assert st.cost_used >= 1_000_000
    assert st.cost_remaining == 0


def test_budget_not_catchable_by_pcall():
    st = mani.Engine().new_state()
    st.set_cost_budget(10_000)
    with pytest.raises(mani.BudgetExceeded):
        st.load_string("local ok = pcall(function() while true do end end) print('never', ok)")
    with pytest.raises(mani.BudgetExceeded):
        st.load_string("xpcall(function() while true do end end, function(m) return m end)")


def test_budget_is_a_lua_error_and_cost_is_deterministic():
    assert issubclass(mani.BudgetExceeded, mani.LuaError)
    src = "local s = 0 for i = 1, 1000 do s = s + i end function f(n) if n < 2 then return n end return f(n-1) + f(n-2) end f(12)"
    costs = set()
    for _ in range(3):
        st = mani.Engine().new_state()
        st.load_string(src)
        costs.add(st.cost_used)
    assert len(costs) == 1 and costs.pop() > 2000


def test_budget_stops_at_the_same_point():
    src = "n = 0 while true do n = n + 1 end"
    seen = set()
    for _ in range(3):
        st = mani.Engine().new_state()
        st.set_cost_budget(5000)
        with pytest.raises(mani.BudgetExceeded):
            st.load_string(src)
        seen.add((st.globals["n"], st.cost_used))
    assert len(seen) == 1


def test_same_cost_across_processes_and_hash_seeds():
    code = (
        "import mani;e=mani.Engine();st=e.new_state();"
        "st.load_string('t={} for i=1,200 do t[\"k\"..i]=i end s=0 for k,v in pairs(t) do s=s+v print(k) end');"
        "print(st.cost_used)"
    )
    outs = []
    for seed in ("1", "12345"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
        outs.append(r.stdout)
    assert outs[0] == outs[1]


def test_static_cost_analysis():
    eng = mani.Engine()
    prog = eng.compile("local function f(x) for i = 1, x do end return x end\nreturn f(3)")
    root = eng.analyze_cost(prog)
    assert isinstance(root, mani.ScopeCost)
    (main,) = root.children
    (f,) = main.children
    assert f.name == "f" and f.line == 1 and len(f.loops) == 1


# --------------------------------------------------------------- recursion


def test_deep_recursion_and_stack_overflow():
    st = mani.Engine().new_state()
    assert st.load_string(
        "local function d(n) if n == 0 then return 0 end return 1 + d(n - 1) end return d(10000)"
    ) == (10000,)
    for body in (
        "local function f() return 1 + f() end return pcall(f)",
        "local t = setmetatable({}, {__index = function(t, k) return t[k] end}) return pcall(function() return t.x end)",
        "local function f() return pcall(f) end return pcall(f)",
        "local function f(n) return pcall(f, n + 1) end return f(1)",  # a library call in tail position
    ):
        res = st.load_string(body)
        flat = " ".join(str(x) for x in res)
        assert "stack overflow" in flat, body


# --------------------------------------------------------------------- CLI


def test_cli_run_and_error(tmp_path):
    good = tmp_path / "hello.lua"
    good.write_text("print('hello from lua')")
    r = subprocess.run([sys.executable, "-m", "mani", "run", str(good)], capture_output=True, text=True)
    assert r.returncode == 0 and r.stdout == "hello from lua\n"
    bad = tmp_path / "bad.lua"
    bad.write_text("local x\nprint(x.y)")
    r = subprocess.run([sys.executable, "-m", "mani", "run", str(bad)], capture_output=True, text=True)
    assert r.returncode == 1
    assert r.stderr.startswith(f"mani: {bad}:2: attempt to index a nil value (local 'x')")
    assert "stack traceback:" in r.stderr
    loop = tmp_path / "loop.lua"
    loop.write_text("while true do end")
    r = subprocess.run([sys.executable, "-m", "mani", "run", str(loop), "--budget", "1000"], capture_output=True, text=True)
    assert r.returncode == 1 and "budget" in r.stderr


def test_cli_memory_limit_and_bad_numbers(tmp_path):
    bomb = tmp_path / "bomb.lua"
    bomb.write_text("local t = {} for i = 1, 1e9 do t[i] = {} end")
    r = subprocess.run([sys.executable, "-m", "mani", "run", str(bomb), "--memory", "8"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 1 and r.stderr.startswith("mani: not enough memory")
    for flag, value in (("--budget", "-5"), ("--memory", "lots")):
        r = subprocess.run([sys.executable, "-m", "mani", "run", str(bomb), flag, value],
                           capture_output=True, text=True, timeout=60)
        assert r.returncode == 2 and "Traceback" not in r.stderr
        assert f"argument {flag}:" in r.stderr


def test_cli_output_to_a_closed_pipe_ends_the_run_quietly(tmp_path):
    # the reader reads one line and goes away (as `| head -1` does); the
    # script would print for ever, and pcall must not catch the end of it
    f = tmp_path / "forever.lua"
    f.write_text("while true do pcall(print, string.rep('x', 1000)) end")
    p = subprocess.Popen([sys.executable, "-m", "mani", "run", str(f)], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    assert p.stdout.readline().startswith(b"xxx")
    p.stdout.close()
    assert p.wait(timeout=60) == 141  # what a shell reports for a program SIGPIPE ended
    err = p.stderr.read().decode()
    p.stderr.close()
    assert err == "", err


def test_cli_compile_python(tmp_path):
    f = tmp_path / "f.lua"
    f.write_text("local function fib(n) if n < 2 then return n end return fib(n-1) + fib(n-2) end")
    r = subprocess.run([sys.executable, "-m", "mani", "compile", "--python", str(f)], capture_output=True, text=True)
    assert r.returncode == 0 and "def lua_fib(" in r.stdout


# ----------------------------------------------------------------- sandbox


def test_default_engine_is_a_sandbox():
    st = mani.Engine().new_state()
    assert st.load_string(
        "return io, debug, os, dofile, loadfile, string.dump, package.loadlib"
    ) == (None,) * 7
    ok, msg = st.load_string("return pcall(require, 'os')")
    assert ok is False and "module 'os' not found" in msg
    # binary chunks are refused; a text chunk cannot reach Python
    ok, msg = st.load_string("return load('\\27Lua')")
    assert ok is None and "binary chunk" in msg
    for probe in ("return ('').__class__", "return print.__globals__", "return _G.__builtins__"):
        assert st.load_string(f"local ok, v = pcall(function() {probe} end) return v == nil or not ok") == (True,)


def test_host_clock_enables_os_time():
    eng = mani.Engine(clock=lambda: 1_700_000_000.0)
    assert eng.new_state().load_string("return os.time(), type(os.clock()), os.execute, os.getenv") == (
        1_700_000_000, "number", None, None)


def test_host_module_loader():
    mods = {"greet": "local M = {} function M.hi(n) return 'hi ' .. n end return M"}
    eng = mani.Engine(module_loader=mods.get)
    st = eng.new_state()
    assert st.load_string("local g = require('greet') return g.hi('x'), require('greet') == g") == ("hi x", True)


# ------------------------------------------------------ calls from the host


def test_call_arguments_are_converted_exactly():
    st = mani.Engine().new_state()
    st.load_string("""
      function echo(...) return ... end
      function kinds(...)
        local out = {}
        for i = 1, select('#', ...) do
          local v = select(i, ...)
          out[i] = math.type(v) or type(v)
        end
        return table.concat(out, ',')
      end
      function len(s) return #s end
    """)
    echo, kinds = st.globals["echo"], st.globals["kinds"]
    big = [2**30, -2**30 - 1, 2**40, 2**63 - 1, -2**63, 0x3FFFFFFF, -0x3FFFFFFF]
    for call in (echo, lambda *a: st.call("echo", *a)):
        assert call(*big) == tuple(big)
        assert call(1, 1.0, True, None, "é") == (1, 1.0, True, None, "é")
    assert kinds(1, 2.0, 2**62, True, "s", b"b") == ("integer,float,integer,boolean,string,string",)
    assert st.call("len", "é") == (2,) and st.globals["len"](b"\xff\x00") == (2,)
    # an int subclass is an integer; a bool is not
    import enum

    class Level(enum.IntEnum):
        HIGH = 3

    assert kinds(Level.HIGH, False) == ("integer,boolean",)
    assert echo(Level.HIGH)[0].__class__ is int


@pytest.mark.parametrize("bad", [2**63, -2**63 - 1, 10**30])
def test_call_argument_outside_64_bits_is_refused(bad):
    st = mani.Engine().new_state()
    st.load_string("function f(x) return x end")
    with pytest.raises(OverflowError):
        st.globals["f"](bad)
    with pytest.raises(OverflowError):
        st.call("f", 1, bad)
    assert st.call("f", 1) == (1,)  # not left busy


def test_call_with_tables_functions_and_extra_arguments():
    st = mani.Engine().new_state()
    st.load_string("""
      function sum(t) local s = 0 for _, v in ipairs(t) do s = s + v end return s, t end
      function apply(f, x) return f(x) end
      function one(a) return a end
      callable = setmetatable({}, {__call = function(self, a, b) return a + b end})
    """)
    t = st.table_from([1, 2, 3])
    s, back = st.globals["sum"](t)
    assert s == 6 and back == t  # the same table comes back
    assert st.call("sum", t)[0] == 6
    assert st.call("apply", lambda x: x * 2, 21) == (42,)
    assert st.globals["one"](1, 2, 3, 4, 5, 6, 7, 8) == (1,)  # extras dropped, as in Lua
    assert st.call("callable", 2, 3) == (5,)
    assert st.globals["callable"].__class__ is mani.LuaTable
    other = mani.Engine().new_state()
    with pytest.raises(ValueError):
        st.globals["sum"](other.table_from([1]))


def test_call_refuses_a_function_of_another_state():
    eng = mani.Engine()
    a, b = eng.new_state(), eng.new_state()
    a.load_string("x = 1 function f() x = x + 1 return x end")
    with pytest.raises(ValueError, match="another State"):
        b.call(a.globals["f"])  # it would change a's globals without holding a
    assert a.globals["x"] == 1
    assert a.call(a.globals["f"]) == (2,)


def test_call_results_are_converted():
    st = mani.Engine().new_state()
    st.load_string("""
      function many() return 1, 2.5, 'x', nil, true, {k = 1}, print end
      function none() end
      function str() return 'é' end
    """)
    r = st.globals["many"]()
    assert r[:5] == (1, 2.5, "x", None, True)
    assert r[5]["k"] == 1 and isinstance(r[6], mani.LuaFunction)
    assert st.call("none") == ()
    assert st.call("str") == ("é",)


def test_call_by_name_follows_the_global():
    st = mani.Engine().new_state()
    st.load_string("function f() return 1 end")
    assert st.call("f") == (1,)
    st.load_string("function f() return 2 end")
    assert st.call("f") == (2,)
    st.load_string("f = nil")
    with pytest.raises(mani.LuaError, match="global 'f'"):
        st.call("f")
    st.load_string("function f(a, b) return b end")
    assert st.call("f", 1, 2) == (2,)
    for i in range(200):  # many names: still right
        st.load_string(f"function g{i}() return {i} end")
        assert st.call(f"g{i}") == (i,)
    assert st.call("f", 3, 4) == (4,)


def test_errors_from_calls_carry_lua_positions_and_budget_applies():
    st = mani.Engine().new_state()
    st.load(st.engine.compile("function f(t)\n  return t.x\nend\nfunction loop() while true do end end", name="c.lua"))
    with pytest.raises(mani.LuaError, match=r"c\.lua:2: attempt to index a nil value \(local 't'\)"):
        st.globals["f"]()
    with pytest.raises(mani.LuaError, match=r"c\.lua:2:"):
        st.call("f", 1)
    st.set_cost_budget(10_000)
    with pytest.raises(mani.BudgetExceeded):
        st.call("loop")
    st.set_cost_budget(None)
    assert st.call("f", st.table_from({"x": 3})) == (3,)


# ------------------------------------------------------ per-State libraries


def test_load_library_is_per_state():
    eng = mani.Engine(module_loader={"m": "return {n = (n or 0) + 1}"}.get)
    a, b = eng.new_state(), eng.new_state()
    a.load_string("""
      n = 10
      package.preload.p = function() return 'from a' end
      collectgarbage('stop')
      collectgarbage('setpause', 150)
      string.extra = 1
    """)
    b.load_string("n = 20")
    assert a.load_string("return require('p'), require('m').n, collectgarbage('isrunning')") == ("from a", 11, False)
    assert b.load_string("return pcall(require, 'p')")[0] is False
    assert b.load_string("return require('m').n, collectgarbage('isrunning'), collectgarbage('setpause', 1)") == (21, True, 200)
    assert a.load_string("return collectgarbage('setpause', 1)") == (150,)
    # load's default environment and package.loaded are each State's own
    assert a.load_string("return load('return n')()") == (10,)
    assert b.load_string("return load('return n')(), package.loaded._G == _G, package.loaded.string == string") == (20, True, True)
    assert b.load_string("return string.extra") == (None,)
    assert a.load_string("return dofile('m').n, loadfile('m')().n") == (11, 11)


def test_require_keeps_its_loaded_table_when_package_loaded_is_replaced():
    st = mani.Engine().new_state()
    assert st.load_string("""
      package.preload.x = function() return {} end
      local first = require('x')
      package.loaded = {}
      return require('x') == first, package.loaded.x
    """) == (True, None)


def test_os_table_is_copied_per_state():
    eng = mani.Engine(clock=lambda: 1_700_000_000.0)
    a, b = eng.new_state(), eng.new_state()
    a.load_string("os.time = nil")
    assert a.load_string("return os.time, package.loaded.os == os") == (None, True)
    assert b.load_string("return os.time(), package.loaded.os == os, require('os') == os") == (1_700_000_000, True, True)


def test_print_tostring_getmetatable_use_their_own_state():
    eng = mani.Engine()
    ca, cb = Capture(), Capture()
    a, b = eng.new_state(callbacks=ca), eng.new_state(callbacks=cb)
    b.load_string("function hello() print('from b', tostring({})) end")
    a.globals["call_b"] = lambda: b.call("hello")
    a.load_string("""
      string.shout = function(s) return s:upper() .. '!' end
      print('from a', tostring({}))
      call_b()
      print('a again', tostring({}), getmetatable('').__index == string)
    """)
    assert [m for _, _, m in ca.lines] == ["from a\ttable: 0x00000001", "a again\ttable: 0x00000002\ttrue"]
    assert [m for _, _, m in cb.lines] == ["from b\ttable: 0x00000001"]
    assert a.load_string("return ('x'):shout()") == ("X!",)
    ok, msg = b.load_string("return pcall(function() return ('x'):shout() end)")
    assert ok is False and "shout" in msg
