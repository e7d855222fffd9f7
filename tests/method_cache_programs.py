"""Random programs for the method cache: a few classes chained through
``__index``, a few objects, then a random mix of method calls and of every
kind of change that can alter what a call finds (methods defined, redefined,
deleted, raw-set or shadowed by the object; ``__index`` replaced, removed or
made a function; metatables replaced; ``__newindex`` added; table library
writes). Each program prints every call's result, so mani and reference Lua
must agree call by call. Seeded: the same seed gives the same program."""

from __future__ import annotations

import random

PRELUDE = """\
local C, log = {}, {}
local function P(...)
  local t = table.pack(...)
  for i = 1, t.n do t[i] = (tostring(t[i]):gsub("0x%x+", "X")) end
  print(table.concat(t, " ", 1, t.n))
end
"""


def program(seed: int) -> bytes:
    rng = random.Random(seed)
    ncls, nobj = rng.randint(1, 5), rng.randint(1, 4)
    lines = [PRELUDE]
    for i in range(ncls):
        lines.append(f"C[{i}] = {{}}")
        if rng.random() < 0.7:
            lines.append(f"C[{i}].__index = C[{i}]")
    for i in range(1, ncls):
        if rng.random() < 0.8:
            parent = rng.randrange(i)
            mt = f"{{__index = C[{parent}]}}" if rng.random() < 0.5 else f"C[{parent}]"
            lines.append(f"setmetatable(C[{i}], {mt})")
    for j in range(nobj):
        lines.append(f"local o{j} = setmetatable({{}}, C[{rng.randrange(ncls)}])")
    for step in range(rng.randint(5, 40)):
        lines.append(_step(rng, step, ncls, nobj))
    lines.append("P('end', #log)")
    return ("\n".join(lines) + "\n").encode()


def _step(rng: random.Random, step: int, ncls: int, nobj: int) -> str:
    c, o, m = rng.randrange(ncls), rng.randrange(nobj), rng.choice("abc")
    other = rng.randrange(ncls)
    tag = f"'{m}{c}_{step}'"
    choices = [
        (35, f"P({step}, pcall(function() return o{o}:{m}() end))"),
        (10, f"C[{c}].{m} = function(self) return {tag} end"),
        (5, f"C[{c}].{m} = nil"),
        (5, f"rawset(C[{c}], '{m}', function() return {tag} .. 'r' end)"),
        (5, f"o{o}.{m} = function() return 'own{step}' end"),
        (3, f"o{o}.{m} = nil"),
        (5, f"C[{c}].__index = C[{other}]"),
        (3, f"C[{c}].__index = nil"),
        (4, f"pcall(setmetatable, o{o}, C[{other}])"),
        (3, f"pcall(setmetatable, C[{c}], C[{other}])"),
        (2, f"pcall(setmetatable, C[{c}], nil)"),
        (3, f"C[{c}].__index = function(t, k) return function() return 'fn_' .. k .. {step} end end"),
        (3, f"for _, k in ipairs({{'a', 'b', 'c', '__index'}}) do C[{c}][k] = C[{other}][k] end"),
        (3, f"C[{c}].__newindex = function(t, k, v) log[#log + 1] = k; rawset(t, k, v) end"),
        (3, f"for i = 1, 3 do P({step}, i, pcall(function() return o{o}:{m}(), o{o}.{m} ~= nil end)) end"),
        (3, f"P({step}, #log, type(C[{c}]), rawlen(C[{c}]), rawget(C[{c}], '{m}') ~= nil)"),
        (2, f"P({step}, pcall(function() return C[{c}]:{m}() end))"),
        (2, f"do local objs, out = {{o0, o{o}}}, {{}} for i = 1, 2 do"
            f" local ok, v = pcall(function() return objs[i]:{m}() end) out[i] = tostring(v) end"
            f" P({step}, out[1], out[2]) end"),
        (2, f"table.insert(C[{c}], {step}); P({step}, #C[{c}])"),
    ]
    weights = [w for w, _ in choices]
    return rng.choices([s for _, s in choices], weights)[0]
