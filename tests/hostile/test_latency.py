"""Interrupts and deadlines take effect within a fraction of a second during
library calls that do a lot of work in one call: each such loop has check
points (``context.poll``) or works in pieces between charges.

Each script would run for many seconds (most for ever); the deadline is 0.2 s
and the test allows a generous 2 s for the run to stop, so a loaded machine
does not make it fail, while a library loop without check points (which ran
3-13 s before) does."""

from __future__ import annotations

import time

import pytest

import mani

# name -> (setup, run without end); the deadline covers only the second
SCRIPTS = {
    # lax mode decodes in Python, character by character
    "utf8_len_lax": ("s = string.rep('\\u{20AC}', 6000000)", "while true do utf8.len(s, 1, -1, true) end"),
    "utf8_len": ("s = string.rep('\\u{20AC}', 6000000)", "while true do utf8.len(s) end"),
    "utf8_codepoint_lax": ("s = string.rep('\\u{20AC}', 330000)", "while true do utf8.codepoint(s, 1, -1, true) end"),
    "utf8_offset": ("s = string.rep('a', 15000000)", "while true do utf8.offset(s, 15000000) end"),
    "utf8_offset_back": ("s = string.rep('\\u{20AC}', 5000000)", "while true do utf8.offset(s, -5000000) end"),
    "tonumber_base": ("s = string.rep('7', 2000000)", "while true do tonumber(s, 36) end"),
    "sort_default": ("t = {} for i = 1, 3000000 do t[i] = (i * 7919) % 1000003 end",
                     "while true do table.sort(t) t[1], t[#t] = t[#t], t[1] end"),
    "sort_strings": ("t = {} for i = 1, 600000 do t[i] = tostring((i * 7919) % 1000003) end",
                     "while true do table.sort(t) t[1], t[#t] = t[#t], t[1] end"),
    "index_chain": ("t = {} for i = 1, 1990 do t = setmetatable({}, {__index = t}) end",
                    "while true do local _ = t.missing end"),
    "gsub": ("s = string.rep('ab', 4000000)", "while true do s:gsub('a', 'c') end"),
    "find": ("s = string.rep('a', 4000000)", "while true do s:find('.-b') end"),
    "rep_concat": ("t = {}", "while true do t[#t % 8 + 1] = string.rep('x', 8000000) .. 'y' end"),
}


@pytest.mark.parametrize("name", list(SCRIPTS))
def test_deadline_stops_library_work_quickly(name):
    setup, forever = SCRIPTS[name]
    st = mani.Engine(max_memory=None, max_string_size=1 << 28).new_state()
    st.load_string(setup)
    st.set_deadline(0.2)
    t0 = time.monotonic()
    with pytest.raises(mani.Interrupted):
        st.load_string(forever)
    assert time.monotonic() - t0 < 2.0
