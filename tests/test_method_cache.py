"""The method cache (runtime.methods) seen from the host: writes the host
makes to a class table must reach the next method call, and a class table
is still an ordinary table for the embedding API."""

from __future__ import annotations

import pytest

import mani
from method_cache_programs import program
from test_differential import run_mani, run_reference

CLASSES = """
Base = {}
Base.__index = Base
function Base:name() return "base" end
Derived = setmetatable({}, { __index = Base })
Derived.__index = Derived
obj = setmetatable({}, Derived)
function call() return obj:name() end
"""


def loaded():
    engine = mani.Engine()
    st = engine.new_state()
    st.load(engine.compile(CLASSES, name="classes.lua"))
    return st


def test_host_writes_to_a_class_table_reach_the_next_call():
    st = loaded()
    assert st.call("call") == ("base",)  # cached through Derived and Base
    derived = st.globals["Derived"]
    derived["name"] = st.call("load", "return 'host'")[0]
    assert st.call("call") == ("host",)
    del derived["name"]
    assert st.call("call") == ("base",)
    st.globals["Base"]["name"] = st.call("load", "return 'host base'")[0]
    assert st.call("call") == ("host base",)


def test_a_class_table_crosses_to_the_host_as_a_table():
    st = loaded()
    st.call("call")
    base = st.globals["Base"]
    assert isinstance(base, mani.LuaTable)
    assert set(base) == {"__index", "name"}
    assert isinstance(st.globals["Derived"].metatable, mani.LuaTable)
    assert st.call("type", base) == ("table",)


@pytest.mark.parametrize("seed", range(16))
def test_random_class_programs_agree_with_reference(seed):
    # generated programs mixing calls with every change that can alter them
    # (tests/method_cache_programs.py); 1,200 more seeds were run by hand
    src = program(seed)
    assert run_mani(src) == run_reference(src), src.decode()
