"""Compile speed: Lua lines per second on a generated source.

    python bench/compile_speed.py [--lines N] [--repeat K]

The source is a deterministic mix of what scripts contain: local functions
with arithmetic, loops, conditionals, table constructors and field access,
string operations, method definitions and calls (each group in a ``do``
block: a chunk may have at most 200 locals). The time of each phase of
``Engine.compile`` is reported too (parse, resolve, generate, Python compile).
"""

from __future__ import annotations

import argparse
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "src"))

FUNCTION = """\
do
local function f{i}(a, b, t)
  local s = 0
  for k = 1, #t do
    s = s + t[k] * a - b
  end
  if s > {i} then
    s = s - a * 2
  elseif s < -{i} then
    s = -s
  else
    s = s + 1
  end
  local r = {{ x = a, y = b, n = s, tag = "f{i}" }}
  r.x = r.x + r.y * 0.5
  while a > 0 and b < 100 do
    a = a - 1
    b = b + a % 3
  end
  local name = "item" .. {i} .. ":" .. tostring(s)
  return r, name, string.len(name)
end
local Obj{i} = {{}}
Obj{i}.__index = Obj{i}
function Obj{i}.new(v)
  return setmetatable({{ v = v, count = 0 }}, Obj{i})
end
function Obj{i}:step(d)
  self.count = self.count + 1
  self.v = self.v + d
  return self.v
end
end
"""


def make_source(lines: int) -> str:
    per = FUNCTION.count("\n")
    parts = []
    for i in range((lines + per - 1) // per):
        parts.append(FUNCTION.format(i=i))
    return "".join(parts)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lines", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)

    import mani
    from mani.compiler import codegen, runtime_names
    from mani.syntax.parser import parse
    from mani.syntax.resolve import resolve

    src = make_source(args.lines)
    nlines = src.count("\n")
    engine = mani.Engine()
    best = float("inf")
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        engine.compile(src, name="generated.lua")
        best = min(best, time.perf_counter() - t0)
    print(f"compile: {nlines} lines in {best:.3f} s = {nlines / best:,.0f} lines/s (best of {args.repeat})")

    # phases, once (same steps as Engine.compile)
    t0 = time.perf_counter()
    chunk = parse(src.encode(), "generated.lua")
    t1 = time.perf_counter()
    resolve(chunk, runtime_names.HELPERS)
    t2 = time.perf_counter()
    pysrc, _ = codegen.generate(chunk, engine._cost_model, True, src.encode())
    t3 = time.perf_counter()
    compile(pysrc, "generated.lua", "exec")
    t4 = time.perf_counter()
    print(f"phases: parse {t1 - t0:.3f} s, resolve {t2 - t1:.3f} s, generate {t3 - t2:.3f} s, "
          f"Python compile {t4 - t3:.3f} s ({pysrc.count(chr(10)):,} Python lines, {len(pysrc) / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
