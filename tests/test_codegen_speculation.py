"""Integer speculation in the generated code: which typed copies exist.

Behaviour is checked against reference Lua by
tests/lua/loop_int_speculation_general_body.lua; this checks the shape of
the code (a copy that can never run is not generated, one that can is)."""

from __future__ import annotations

import re

import pytest

import mani

# `if x.__class__ is int and y.__class__ is int:` on a line of its own: the
# entry of an integer-typed copy of a function body or of a loop
GUARD = re.compile(r"^\s*if \w+\.__class__ is int( and \w+\.__class__ is int)*:$", re.M)


def guards(src: str) -> list:
    return [m.group(0).strip() for m in GUARD.finditer(mani.Engine().compile(src).python_source)]


PARAMS_UNCHANGED = """
local function f(a, b)
  local steps = 0
  while a > 0 and b < 100 do
    a = a - 1
    b = b + a % 3
    steps = steps + 1
  end
  b = b + 1
  return a, b, steps
end
return f(5, 1)
"""

ASSIGNED_BEFORE = """
local function f(a, b)
  a = a - 1
  while a > 0 and b < 100 do
    a = a - 1
    b = b + a % 3
  end
  return a, b
end
return f(5, 1)
"""

IN_A_LOOP = """
local function f(a, b, list)
  for _, x in ipairs(list) do
    while a > 0 and b < 100 do
      a = a - 1
      b = b + x
    end
    a = a + 10
  end
  return a, b
end
return f(5, 1, {1, 2, 3})
"""

AFTER_A_LABEL = """
local function f(a, n)
  local total, passes = 0, 0
  ::top::
  local i = 0
  while i < n do
    total = total + a + i
    i = i + 1
  end
  passes = passes + 1
  if passes < 3 then
    a = a + 1
    goto top
  end
  return total
end
return f(1, 4)
"""


def test_general_body_has_no_typed_loop_copy_when_the_parameters_are_unchanged():
    # the function's check on a and b failed; the loop's would fail too
    assert guards(PARAMS_UNCHANGED) == ["if a.__class__ is int and b.__class__ is int:"]


@pytest.mark.parametrize("src", [ASSIGNED_BEFORE, IN_A_LOOP, AFTER_A_LABEL],
                         ids=["assigned before", "in a loop", "after a label"])
def test_general_body_keeps_the_typed_loop_copy_when_a_parameter_may_have_changed(src):
    found = guards(src)
    assert len(found) >= 2, found
    function_guard = found[0]
    params = set(re.findall(r"(\w+)\.__class__", function_guard))
    # a later copy in the general body bets on every speculated parameter again
    assert any(params <= set(re.findall(r"(\w+)\.__class__", g)) for g in found[1:]), found

