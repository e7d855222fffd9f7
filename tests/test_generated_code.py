"""The generated Python explains itself: each Lua line's first statement is
preceded by a comment quoting it, and the comments change no bytecode."""

from __future__ import annotations

from types import CodeType

import mani
from mani.compiler import codegen, runtime_names
from mani.syntax.parser import parse
from mani.syntax.resolve import resolve

SOURCE = b"""\
local function area(w, h)
  local a = w * h
  return a
end
local t = {}
for i = 1, 3 do
  t[#t + 1] = area(i, 2)
end
print(table.concat(t, ","))
"""


def _generate(src: bytes, with_source: bool) -> str:
    chunk = parse(src, "x.lua")
    resolve(chunk, runtime_names.HELPERS)
    engine = mani.Engine()
    text, _ = codegen.generate(chunk, engine._cost_model, True, src if with_source else b"")
    return text


def _code_objects(code: CodeType):
    yield code
    for c in code.co_consts:
        if isinstance(c, CodeType):
            yield from _code_objects(c)


def test_each_lua_line_is_quoted_above_its_python():
    text = mani.Engine().compile(SOURCE, name="x.lua").python_source
    comments = [ln.strip() for ln in text.splitlines() if ln.strip().startswith("# [")]
    # (a body generated twice, typed and general, quotes its lines twice)
    assert list(dict.fromkeys(comments)) == [
        "# [1] local function area(w, h)",
        "# [2] local a = w * h",
        "# [3] return a",
        "# [5] local t = {}",
        "# [6] for i = 1, 3 do",
        "# [7] t[#t + 1] = area(i, 2)",
        "# [9] print(table.concat(t, \",\"))",
    ]


def test_comments_change_no_bytecode():
    with_comments = compile(_generate(SOURCE, True), "x", "exec")
    without = compile(_generate(SOURCE, False), "x", "exec")
    a, b = list(_code_objects(with_comments)), list(_code_objects(without))
    assert len(a) == len(b) > 2
    for x, y in zip(a, b):
        assert x.co_code == y.co_code
        assert x.co_names == y.co_names and x.co_varnames == y.co_varnames


def test_long_and_odd_source_lines_stay_one_comment_line():
    # control characters, the generator's own marker characters, NUL and
    # line separators inside Lua strings and comments
    src = (b"local s = '" + b"x" * 300 + b"'\n"
           b"local u = '\x01\x02\x03\x04' -- \xe2\x80\xa8 sep \x0c\x0b\n"
           b"local z = [[a\x00b]] print(#s, #u, #z)\n"
           b"local bad = '\xff\xfe' print(#bad)\n")
    st = mani.Engine().new_state()
    out = []
    prog = st.engine.compile(src, name="odd.lua")
    text = prog.python_source
    comments = [ln.strip() for ln in text.splitlines() if ln.strip().startswith("# [")]
    assert len(comments) == 4
    assert all(len(c) <= 90 for c in comments)
    assert comments[0].endswith("...")
    assert not any(ch in text for ch in "\x00\x01\x02\x03\x04\u2028\x0b\x0c")

    class Out(mani.HostCallbacks):
        def on_print(self, source, line, message):
            out.append(message)

    st2 = st.engine.new_state(Out())
    st2.load(prog)
    assert out == ["300\t4\t3", "2"]


def test_errors_still_name_the_right_line():
    src = b"local t = nil\n\n\nlocal x = 1\nprint(t.x)\n"
    st = mani.Engine().new_state()
    try:
        st.load_string(src, name="e.lua")
    except mani.LuaError as e:
        assert e.message == "e.lua:5: attempt to index a nil value (local 't')"
    else:
        raise AssertionError("no error")
