"""Compiling and running scripts change no process-wide state that other
threads of the host rely on."""

from __future__ import annotations

import mani


def test_compiling_leaves_the_process_garbage_collector_alone(monkeypatch):
    # other threads of the host keep their cyclic collection while a chunk
    # compiles: the compiler changes no process-wide GC state
    import gc

    calls = []
    monkeypatch.setattr(gc, "disable", lambda: calls.append("disable"))
    monkeypatch.setattr(gc, "freeze", lambda: calls.append("freeze"))
    eng = mani.Engine()
    eng.compile("local t = {}\n" + "t[#t + 1] = {1, 2, {3}}\n" * 2000)
    st = eng.new_state()
    st.load_string("return load('return 1')()")
    assert calls == []
