"""Differential tests: every ``tests/lua/*.lua`` program must print exactly the
same bytes under mani as under reference Lua 5.4 (via ``lupa.lua54``).

Each program's output is the text of its ``print`` calls; an uncaught error
(at compile time or at run time) appends one line ``ERROR: <message>``.

A program that needs capabilities says so on its first line, e.g.
``-- mani: allow io os require``: mani runs it with an Engine granted them,
and both runs get a global ``TMPDIR`` (a fresh empty directory, ending in
"/") for the files it makes. Such a program's output is everything it
writes to standard output (``print`` and ``io.write`` in their order): for
reference Lua the driver's print writes to the C ``stdout`` too, and the
test catches file descriptor 1 while the program runs.
"""

from __future__ import annotations

import difflib
import locale
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

LUA_DIR = Path(__file__).parent / "lua"
PROGRAMS = sorted(LUA_DIR.glob("*.lua"))
IDS = [p.name for p in PROGRAMS]

CHUNK_NAME = "input"
COST_BUDGET = 10**9

# ---------------------------------------------------------------------------
# Reference Lua (lupa)
# ---------------------------------------------------------------------------

# Runs inside a fresh reference runtime.  It installs a ``print`` that formats
# exactly like Lua's own print (tostring of each argument, tab separated, a
# newline at the end) but appends to a buffer, then loads and runs the program
# with chunk name "=input".  All library functions it needs are captured as
# upvalues first, so programs that change globals or _ENV cannot disturb it.
_REFERENCE_DRIVER = r"""
local src, chunkname, to_stdout = ...
local tostring, select, type, load, pcall, error = tostring, select, type, load, pcall, error
local concat = table.concat
local out, n = {}, 0
local stdout = io.stdout

local function emit(s)
  if to_stdout then stdout:write(s) return end
  n = n + 1
  out[n] = s
end

-- The C print raises "'__tostring' must return a string" with the position of
-- print's caller; every other error passes through unchanged.
local BAD_TOSTRING = "'__tostring' must return a string"
local function tostring_for_print(v)
  local ok, s = pcall(tostring, v)
  if ok then return s end
  if s == BAD_TOSTRING then error(s, 3) end
  error(s, 0)
end

print = function(...)
  local k = select("#", ...)
  local parts = {}
  for i = 1, k do
    parts[i] = tostring_for_print((select(i, ...)))
  end
  emit(concat(parts, "\t", 1, k) .. "\n")
end

-- mirrors mani.LuaError.message
local function message_of(e)
  local t = type(e)
  if t == "string" then return e end
  if t == "number" then return tostring(e) end
  if t == "nil" then return "nil" end
  return "(error object is a " .. t .. " value)"
end

local fn, err = load(src, "=" .. chunkname, "t")
if not fn then
  emit("ERROR: " .. message_of(err) .. "\n")
else
  local ok, e = pcall(fn)
  if not ok then
    emit("ERROR: " .. message_of(e) .. "\n")
  end
end
return concat(out)
"""


_ALLOW = re.compile(rb"--\s*mani:\s*allow((?:\s+\w+)+)\s*$")


def capabilities_of(src: bytes) -> frozenset:
    """What a program's first line asks for (``-- mani: allow io os``)."""
    m = _ALLOW.match(src.split(b"\n", 1)[0].rstrip(b"\r"))
    return frozenset(m.group(1).decode().split()) if m else frozenset()


class _ScratchDir:
    """A fresh directory for one run of a program that makes files."""

    def __enter__(self) -> str:
        self.path = tempfile.mkdtemp(prefix="mani-diff-")
        return self.path + "/"

    def __exit__(self, *exc) -> None:
        shutil.rmtree(self.path, ignore_errors=True)


def _catch_fd1(run) -> bytes:
    """Run ``run()`` with file descriptor 1 pointing at a temporary file;
    return what was written there (reference Lua's C stdout)."""
    sys.stdout.flush()
    saved = os.dup(1)
    with tempfile.TemporaryFile() as f:
        os.dup2(f.fileno(), 1)
        try:
            run()
        finally:
            os.dup2(saved, 1)
            os.close(saved)
        f.seek(0)
        return f.read()


def run_reference(src: bytes) -> bytes:
    """Run ``src`` under reference Lua 5.4; return everything it printed."""
    import lupa.lua54 as L

    if src.startswith(b"#"):
        # Like the stand-alone interpreter loading a file (luaL_loadfilex):
        # skip a first line starting with '#' (e.g. "#!/usr/bin/lua"), keeping
        # its newline so that line numbers stay the same.
        nl = src.find(b"\n")
        src = b"" if nl < 0 else src[nl:]
    lua = L.LuaRuntime(encoding=None)  # bytes in, bytes out
    driver = lua.execute("return function(...) " + _REFERENCE_DRIVER + " end")
    if not capabilities_of(src):
        result = driver(src, CHUNK_NAME.encode(), False)
        assert isinstance(result, bytes)
        return result
    # os.setlocale in reference Lua changes this process's C locale (and
    # with it the encoding Python reads files in): put it back afterwards
    saved_locale = locale.setlocale(locale.LC_ALL)
    try:
        with _ScratchDir() as tmp:
            lua.globals()[b"TMPDIR"] = tmp.encode()
            return _catch_fd1(lambda: driver(src, CHUNK_NAME.encode(), True))
    finally:
        locale.setlocale(locale.LC_ALL, saved_locale)


# ---------------------------------------------------------------------------
# mani
# ---------------------------------------------------------------------------


def run_mani(src: bytes) -> bytes:
    """Run ``src`` under mani; return everything it printed."""
    import mani

    class Capture(mani.HostCallbacks):
        def __init__(self) -> None:
            self.out: list[str] = []

        def on_print(self, source, line, message):  # one print call, no newline
            self.out.append(message + "\n")

        def on_output(self, stream, data):  # io.stdout / io.stderr
            if stream == "stdout":
                self.out.append(data.decode("utf-8", "surrogateescape"))

    caps = capabilities_of(src)
    engine = mani.Engine(capabilities=caps)
    cap = Capture()
    with _ScratchDir() as tmp:
        st = engine.new_state(callbacks=cap)
        st.set_cost_budget(COST_BUDGET)
        if caps:
            st.globals["TMPDIR"] = tmp
        try:
            prog = engine.compile(src, name=CHUNK_NAME)
            st.load(prog)  # runs the chunk
        except mani.LuaError as e:  # includes mani.LuaSyntaxError
            cap.out.append(f"ERROR: {e.message}\n")
        st.close()  # (closes the files it left open, before the directory goes)
    return "".join(cap.out).encode("utf-8", "surrogateescape")


# ---------------------------------------------------------------------------
# Tests
# ---------------------------------------------------------------------------

_reference_cache: dict[Path, bytes] = {}


def reference_output(path: Path) -> bytes:
    if path not in _reference_cache:
        _reference_cache[path] = run_reference(path.read_bytes())
    return _reference_cache[path]


def _diff(expected: bytes, actual: bytes) -> str:
    lines = difflib.unified_diff(
        expected.decode("utf-8", "replace").splitlines(keepends=True),
        actual.decode("utf-8", "replace").splitlines(keepends=True),
        fromfile="reference Lua 5.4",
        tofile="mani",
    )
    return "".join(lines)


def test_corpus_present():
    assert len(PROGRAMS) >= 170


@pytest.mark.parametrize("path", PROGRAMS, ids=IDS)
def test_reference_output_nonempty(path: Path):
    assert reference_output(path).strip(), f"{path.name} prints nothing under reference Lua"


@pytest.mark.parametrize("path", PROGRAMS, ids=IDS)
def test_differential(path: Path):
    expected = reference_output(path)
    actual = run_mani(path.read_bytes())
    if actual != expected:
        pytest.fail(
            f"{path.name}: output differs from reference Lua\n" + _diff(expected, actual),
            pytrace=False,
        )
