"""Deep recursion of every kind ends in Lua's "stack overflow" error (or the
error reference Lua gives for it): never a crash, a hang or unbounded memory
of the host, with or without a budget, on every supported CPython.

Each script runs in a child process with an address-space cap, so that a
regression fails this test instead of taking the test run down."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

# name -> Lua chunk; each returns what the host checks
KINDS = {
    "plain": "local function f() return 1 + f() end return pcall(f)",
    "vararg": "local function f(...) return 1 + f(...) end return pcall(f, 1, 2)",
    "global": "function g() return 1 + g() end return pcall(g)",
    "method": "local o = {} function o:m() return 1 + self:m() end return pcall(o.m, o)",
    "index": "local t = setmetatable({}, {__index = function(t, k) return t[k] end}) "
             "return pcall(function() return t.x end)",
    "add": "local mt = {} mt.__add = function(a, b) return a + b end "
           "local t = setmetatable({}, mt) return pcall(function() return t + 1 end)",
    "call": "local t = setmetatable({}, {__call = function(self) return 1 + self() end}) return pcall(t)",
    "eq": "local mt = {} mt.__eq = function(a, b) return a == b end "
          "local a, b = setmetatable({}, mt), setmetatable({}, mt) return pcall(function() return a == b end)",
    "lt": "local mt = {} mt.__lt = function(a, b) return a < b end "
          "local a, b = setmetatable({}, mt), setmetatable({}, mt) return pcall(function() return a < b end)",
    "concat": "local mt = {} mt.__concat = function(a, b) return a .. b end "
              "local t = setmetatable({}, mt) return pcall(function() return t .. 'x' end)",
    "len": "local t = setmetatable({}, {__len = function(t) return #t end}) return pcall(function() return #t end)",
    "tostring": "local t = setmetatable({}, {__tostring = function(t) return tostring(t) end}) "
                "return pcall(tostring, t)",
    "pcall": "local function f() return pcall(f) end local r = {f()} return #r > 0",
    "xpcall_handler": "local function h(m) return error(m) end "
                      "return xpcall(function() error('x') end, h)",
    "xpcall_recursion": "local function f() return xpcall(f, function(m) return m end) end return f()",
    "close": "local function f() local x <close> = setmetatable({}, {__close = function() f() end}) end "
             "return pcall(f)",
    "sort": "local function f() table.sort({3, 2, 1}, function(a, b) f() return a < b end) end return pcall(f)",
    "gsub": "local function f(s) return (s:gsub('.', f)) end return pcall(f, 'ab')",
    "coroutine": "local function f() return coroutine.wrap(f)() end return pcall(f)",
    "load": "local g = load('local f = ... return 1 + f(f)') return pcall(g, g)",
}

CHILD = textwrap.dedent("""
    import resource, sys
    resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))
    import mani
    st = mani.Engine().new_state()
    if sys.argv[2] == "budget":
        st.set_cost_budget(50_000_000)
    try:
        r = st.load_string(sys.argv[1], name="depth")
        print("RESULT", r)
    except mani.BudgetExceeded:
        print("BUDGET")
    except mani.LuaError as e:
        print("LUAERROR", e.message[-200:])
    # the State is still usable
    print("AFTER", st.load_string("return 1 + 1"))
    print("MAXRSS_MB", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
""")


@pytest.mark.parametrize("budget", ["budget", "nobudget"])
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_deep_recursion_is_a_lua_error(kind, budget):
    proc = subprocess.run([sys.executable, "-c", CHILD, KINDS[kind], budget],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, f"child died ({proc.returncode}): {proc.stderr[-2000:]}"
    out = proc.stdout
    assert "AFTER (2,)" in out, out
    assert "Traceback" not in proc.stderr, proc.stderr[-2000:]
    result = next(line for line in out.splitlines() if line.startswith(("RESULT", "BUDGET", "LUAERROR")))
    if kind == "pcall":
        assert result == "RESULT (True,)"
    elif kind == "xpcall_handler":
        # reference Lua: the handler's own error, handled again, ends as
        # "error in error handling"; mani reports the overflow the same way
        assert result.startswith("RESULT (False,"), result
    elif kind == "xpcall_recursion":
        assert result.startswith("RESULT"), result
    else:
        assert result.startswith("RESULT (False,") and "stack overflow" in result, result
    rss = int(out.rsplit("MAXRSS_MB", 1)[1])
    assert rss < 1024, f"peak RSS {rss} MB"
