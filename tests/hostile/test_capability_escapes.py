"""Nothing of the capabilities is reachable from a default Engine, and a file
handle of an Engine that grants io leads to no Python object."""

from __future__ import annotations

import pytest

import mani


def run(src: str, engine: mani.Engine | None = None, **globals_) -> tuple:
    engine = engine or mani.Engine()
    st = engine.new_state()
    for k, v in globals_.items():
        st.globals[k] = v
    return st.load(engine.compile(src))


def test_a_default_engine_has_no_io_os_or_files(tmp_path):
    (tmp_path / "m.lua").write_text("return 'escaped'")
    assert run("return io, os, loadfile, dofile, package.searchpath") == (None,) * 5
    # a host clock gives the time functions only
    clocked = mani.Engine(clock=lambda: 0.0)
    assert run("return os.execute, os.remove, os.getenv, os.exit, os.rename, os.tmpname, type(os.time)",
               clocked) == (None,) * 6 + ("function",)
    # require searches no files, whatever package.path says
    msg = run("package.path = DIR .. '?.lua' return select(2, pcall(require, 'm'))", DIR=str(tmp_path) + "/")[0]
    assert msg == "module 'm' not found:\n\tno field package.preload['m']"
    assert run("package.searchers[2] = nil return pcall(require, 'm')", DIR=str(tmp_path))[0] is False


def test_listing_io_in_libraries_is_not_a_grant():
    # (a library that needs a capability offers nothing without it)
    engine = mani.Engine(libraries=("base", "io", "os", "load"))
    assert run("return io, os, loadfile", engine) == (None, None, None)


def test_a_file_handle_leads_to_no_python_object():
    engine = mani.Engine(capabilities={"io"})
    probe = """
      local h = io.stdout
      local found = {}
      for _, k in ipairs({"__class__", "__dict__", "obj", "stream", "meta", "uid", "__init__",
                          "callbacks", "write_through", "__getattribute__"}) do
        local ok, v = pcall(function() return h[k] end)
        if ok and v ~= nil then found[#found + 1] = k end
      end
      local mt = getmetatable(h)
      for k, v in pairs(mt) do
        local t = type(v)
        if t ~= "function" and t ~= "string" and t ~= "table" then found[#found + 1] = "meta." .. k end
      end
      for k, v in pairs(mt.__index) do
        if type(v) ~= "function" then found[#found + 1] = "method." .. k end
      end
      local ok = pcall(rawget, h, "obj")
      local ok2 = pcall(rawset, h, "obj", 1)
      local ok3 = pcall(function() h.obj = 1 end)
      return #found, table.concat(found, ","), ok, ok2, ok3, type(h)
    """
    assert run(probe, engine) == (0, "", False, False, False, "userdata")


def test_a_host_userdata_is_not_a_file():
    engine = mani.Engine(capabilities={"io"})
    r = run("local ok, e = pcall(io.stdout.write, HOST, 'x') return ok, e, io.type(HOST)", engine, HOST=object())
    assert r == (False, "bad argument #1 to '?' (FILE* expected, got userdata)", None)


def test_popen_is_refused_even_when_io_and_os_are_granted(tmp_path):
    engine = mani.Engine(capabilities={"io", "os"})
    flag = tmp_path / "ran"
    r = run(f"return pcall(io.popen, 'touch {flag}')", engine)
    assert r == (False, "'popen' not supported") and not flag.exists()


def test_a_changed_file_metatable_stays_in_its_state():
    engine = mani.Engine(capabilities={"io"})
    a, b = engine.new_state(), engine.new_state()
    a.load_string("getmetatable(io.stdout).__index.write = nil")
    assert a.load_string("return io.stdout.write") == (None,)
    assert b.load_string("return type(io.stdout.write)") == ("function",)


@pytest.mark.parametrize("src", [
    "io.open(NAME):read('a')",
    "for l in io.lines(NAME) do end",
    "io.open(NAME):read(1 << 40)",
    "io.open(NAME):read('n')",
])
def test_reading_an_endless_stream_is_bounded(src):
    # /dev/zero never ends: only the budget or the memory limit stops a read
    engine = mani.Engine(capabilities={"io"}, max_memory=16 << 20)
    st = engine.new_state()
    st.globals["NAME"] = "/dev/zero"
    st.set_cost_budget(2_000_000)
    if "'n'" in src:  # a numeral of zeros: refused after 200 characters
        assert st.load(engine.compile("return " + src)) == (None,)
        return
    with pytest.raises((mani.MemoryLimitExceeded, mani.BudgetExceeded, mani.LuaError)) as info:
        st.load(engine.compile(src))
    assert isinstance(info.value, (mani.MemoryLimitExceeded, mani.BudgetExceeded)) or \
        "too large" in info.value.message
