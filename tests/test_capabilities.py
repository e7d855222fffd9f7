"""Capabilities (``Engine(capabilities=...)``): how a host grants io, os and
require, what each gives, and that a default Engine gives none of it.
Lua-visible behaviour is compared with reference Lua in
``tests/lua/lib_io_*.lua``, ``lib_os_capability.lua`` and
``lib_require_files.lua``; here is what only the host sees."""

from __future__ import annotations

import pytest

import mani


class Capture(mani.HostCallbacks):
    def __init__(self) -> None:
        self.out: list = []
        self.warnings: list = []

    def on_print(self, source, line, message):
        self.out.append(("print", message))

    def on_output(self, stream, data):
        self.out.append((stream, data))

    def on_warning(self, message):
        self.warnings.append(message)


def run(src: str, caps=(), callbacks=None, **kw) -> tuple:
    engine = mani.Engine(capabilities=caps, **kw)
    st = engine.new_state(callbacks)
    return st.load(engine.compile(src))


# ------------------------------------------------------------------ the API


def test_capability_names_are_checked():
    with pytest.raises(ValueError, match="unknown capability 'files'"):
        mani.Engine(capabilities={"io", "files"})
    with pytest.raises(ValueError, match="'debug' is not available"):
        mani.Engine(capabilities={"debug"})
    with pytest.raises(TypeError):
        mani.Engine(capabilities="io")  # a string is not a set of names
    assert mani.Engine().capabilities == frozenset()
    assert mani.Engine(capabilities=["os", "io"]).capabilities == {"io", "os"}


def test_capabilities_are_part_of_the_fingerprint():
    plain, io = mani.Engine(), mani.Engine(capabilities={"io"})
    assert plain.fingerprint != io.fingerprint
    assert io.fingerprint == mani.Engine(capabilities=["io"]).fingerprint
    prog = io.compile("return 1")
    with pytest.raises(mani.ProgramMismatchError):
        plain.new_state().load(prog)


def test_each_capability_gives_only_its_own_library():
    probe = "return type(io), os and type(os.remove), type(package.searchpath), type(loadfile)"
    assert run(probe) == ("nil", None, "nil", "nil")
    assert run(probe, {"io"}) == ("table", None, "nil", "nil")
    assert run(probe, {"os"}) == ("nil", "function", "nil", "nil")
    assert run(probe, {"require"}) == ("nil", None, "function", "function")


def test_a_capability_brings_its_library_even_when_libraries_leave_it_out():
    engine = mani.Engine(libraries=("base", "string"), capabilities={"io", "os"})
    assert engine.new_state().load_string("return type(io.open), type(os.getenv)") == ("function", "function")


# ---------------------------------------------------------- output routing


def test_io_write_goes_through_the_callbacks_in_order_with_print():
    cap = Capture()
    run("io.write('a', 1, 2.0) print('p') io.stdout:write('b\\n') io.stderr:write('e')", {"io"}, cap)
    assert cap.out == [("stdout", b"a"), ("stdout", b"1"), ("stdout", b"2"), ("print", "p"),
                       ("stdout", b"b\n"), ("stderr", b"e")]


def test_warn_is_off_until_switched_on():
    cap = Capture()
    run("warn('hidden') warn('@on') warn('a', 'b', 1) warn('@off') warn('gone')"
        " warn('x', '@on') warn('back')", callbacks=cap)
    assert cap.warnings == ["ab1", "back"]
    with pytest.raises(mani.LuaError, match=r"bad argument #2 to 'warn' \(string expected, got table\)"):
        run("warn('a', {})")
    with pytest.raises(mani.LuaError, match=r"bad argument #1 to 'warn' \(string expected, got no value\)"):
        run("warn()")


# --------------------------------------------------------------- os.exit


def test_os_exit_ends_the_run_not_the_host():
    engine = mani.Engine(capabilities={"os"})
    st = engine.new_state()
    for code, status in (("", 0), ("true", 0), ("false", 1), ("7", 7)):
        with pytest.raises(mani.ScriptExit) as info:
            st.load_string(f"os.exit({code})")
        assert info.value.status == status
    # pcall cannot keep the script alive, nor can a coroutine
    with pytest.raises(mani.ScriptExit):
        st.load_string("pcall(os.exit, 3) error('not reached')")
    with pytest.raises(mani.ScriptExit):
        st.load_string("coroutine.wrap(function() pcall(os.exit, 4) end)() error('not reached')")
    assert st.load_string("return 1 + 1") == (2,)  # the State is still usable


# ---------------------------------------------------- files and the meter


def test_reads_and_writes_are_charged_by_the_byte(tmp_path):
    name = str(tmp_path / "f")
    engine = mani.Engine(capabilities={"io"})

    def cost(src: str) -> int:
        st = engine.new_state(Capture())
        st.globals["NAME"] = name
        st.load(engine.compile(src))
        return st.cost_used

    small = cost("local f = io.open(NAME, 'w') f:write(string.rep('x', 10)) f:close()")
    big = cost("local f = io.open(NAME, 'w') f:write(string.rep('x', 1000000)) f:close()")
    assert big - small >= 1000000 // 64  # (rep charges as much again: a bound from below)
    read_small = cost("local f = io.open(NAME) f:read(10) f:close()")
    read_big = cost("local f = io.open(NAME) f:read('a') f:close()")
    assert read_big - read_small >= 1000000 // 64


def state_reading_zeros(tmp_path, size: int, **kw) -> tuple:
    """An Engine granted io and a State whose global NAME is a file of
    ``size`` zero bytes (sparse: nothing is written)."""
    big = tmp_path / "big"
    with open(big, "wb") as f:
        f.truncate(size)
    engine = mani.Engine(capabilities={"io"}, **kw)
    st = engine.new_state()
    st.globals["NAME"] = str(big)
    return engine, st


def test_a_huge_read_meets_the_memory_limit(tmp_path):
    engine, st = state_reading_zeros(tmp_path, 64 << 20, max_memory=8 << 20, max_string_size=1 << 30)
    with pytest.raises(mani.MemoryLimitExceeded):
        st.load(engine.compile("local s = io.open(NAME):read('a') return #s"))
    with pytest.raises(mani.MemoryLimitExceeded):
        st.load(engine.compile("local s = io.open(NAME):read(1 << 40) return #s"))
    with pytest.raises(mani.MemoryLimitExceeded):
        st.load(engine.compile("local t = {} for l in io.lines(NAME, 1 << 20) do t[#t + 1] = l end"))


def test_a_huge_read_meets_the_budget(tmp_path):
    engine, st = state_reading_zeros(tmp_path, 16 << 20)
    st.set_cost_budget(10_000)
    with pytest.raises(mani.BudgetExceeded):
        st.load(engine.compile("io.open(NAME):read('a')"))


def test_a_read_beyond_the_string_size_limit_is_refused(tmp_path):
    engine, st = state_reading_zeros(tmp_path, 4 << 20, max_string_size=1 << 20)
    assert st.load(engine.compile("return pcall(io.open(NAME).read, io.open(NAME), 'a')")) == (
        False, "resulting string too large")


def test_a_state_has_a_bounded_number_of_open_files(tmp_path):
    from mani.stdlib.iolib import MAX_OPEN_FILES

    engine = mani.Engine(capabilities={"io"})
    st = engine.new_state()
    st.globals["NAME"] = str(tmp_path / "f")
    r = st.load(engine.compile(
        "local keep = {} for i = 1, 1000 do local f, msg, code = io.open(NAME, 'w')"
        " if not f then return #keep, msg:sub(-19), code end keep[i] = f end"))
    assert r[0] == MAX_OPEN_FILES and r[1:] == ("Too many open files", 24)


def test_closing_a_state_closes_its_files(tmp_path):
    engine = mani.Engine(capabilities={"io"})
    st = engine.new_state()
    st.globals["NAME"] = str(tmp_path / "f")
    st.load(engine.compile("F = io.open(NAME, 'w') F:write('kept in the buffer')"))
    handle = st.globals["F"]  # the host's view of the userdata
    lf = handle.obj if hasattr(handle, "obj") else handle
    st.close()
    assert (tmp_path / "f").read_bytes() == b"kept in the buffer"
    assert lf.closed and lf.stream.closed


def test_require_finds_files_on_package_path(tmp_path):
    (tmp_path / "util.lua").write_text("return {answer = 42}")
    engine = mani.Engine(capabilities={"require"})
    st = engine.new_state()
    st.globals["DIR"] = str(tmp_path) + "/"
    assert st.load(engine.compile("package.path = DIR .. '?.lua' return require('util').answer")) == (42,)


def test_package_path_comes_from_the_environment(monkeypatch):
    from mani.stdlib.packagelib import DEFAULT_PATH

    monkeypatch.delenv("LUA_PATH_5_4", raising=False)
    monkeypatch.setenv("LUA_PATH", "/a/?.lua;;/b/?.lua")
    assert run("return package.path", {"require"}) == ("/a/?.lua;" + DEFAULT_PATH.decode() + ";/b/?.lua",)
    monkeypatch.setenv("LUA_PATH_5_4", "/c/?.lua")
    assert run("return package.path", {"require"}) == ("/c/?.lua",)
    monkeypatch.delenv("LUA_PATH_5_4")
    monkeypatch.delenv("LUA_PATH")
    assert run("return package.path", {"require"}) == (DEFAULT_PATH.decode(),)
    assert run("return package.path") == ("",)  # sandboxed: no path, no environment read


def test_host_loader_comes_before_files(tmp_path):
    (tmp_path / "m.lua").write_text("return 'from the file'")
    engine = mani.Engine(capabilities={"require"}, module_loader=lambda n: "return 'from the host'" if n == "m" else None)
    st = engine.new_state()
    st.globals["DIR"] = str(tmp_path) + "/"
    assert st.load(engine.compile("package.path = DIR .. '?.lua' return (require('m'))")) == ("from the host",)
    msg = st.load(engine.compile("return select(2, pcall(require, 'zz'))"))[0]
    assert "no module 'zz' in the host loader" in msg and f"no file '{tmp_path}/zz.lua'" in msg


def test_os_time_uses_the_host_clock_when_given():
    engine = mani.Engine(capabilities={"os"}, clock=lambda: 86400.0 * 365)
    assert engine.new_state().load_string("return os.time(), os.date('%Y-%m-%d %H:%M %Z')") == (
        31536000, "1971-01-01 00:00 UTC")
