#!/usr/bin/env python3
"""Benchmark runner for mani.

Runs each workload (bench/workloads/NAME.lua + NAME.py) under
  * mani (Lua compiled to Python; cost budget on unless --no-budget),
  * the Python twin (NAME.py),
  * reference Lua 5.4 through lupa,
  * LuaJIT (lupa.luajit21 / lupa.luajit20 or a `luajit` binary), if available,
and prints a table of the best (minimum) time of --repeat runs of `run(n)`.

Only the call of `run(n)` is timed: compiling, loading the chunk and creating
states/runtimes happen outside the timed region.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import json
import math
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import traceback

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
WORKLOAD_DIR = os.path.join(BENCH_DIR, "workloads")
REPO_DIR = os.path.dirname(BENCH_DIR)
SRC_DIR = os.path.join(REPO_DIR, "src")

# Preferred display order; any other workload pair found is appended (sorted).
ORDER = [
    "fib", "loops", "nbody", "spectral_norm", "fannkuch", "binary_trees",
    "table_int", "table_str", "string_concat", "string_join", "method_calls",
    "closures",
    "richards", "deltablue", "json", "queens", "sieve", "mandelbrot", "havlak",
    "text_patterns", "sort_comparator", "coroutine_pingpong",
]

COST_BUDGET = 10 ** 15
REL_TOL = 1e-9


# ---------------------------------------------------------------- helpers

def first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    line = text.splitlines()[0] if text else ""
    name = type(exc).__name__
    return f"{name}: {line}" if line else name


def discover() -> list[str]:
    names = set()
    for fn in os.listdir(WORKLOAD_DIR):
        base, ext = os.path.splitext(fn)
        if ext == ".lua" and os.path.exists(os.path.join(WORKLOAD_DIR, base + ".py")):
            names.add(base)
    ordered = [n for n in ORDER if n in names]
    ordered += sorted(names - set(ordered))
    return ordered


def load_py_module(name: str):
    path = os.path.join(WORKLOAD_DIR, name + ".py")
    spec = importlib.util.spec_from_file_location(f"_bench_workload_{name}", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def read_lua(name: str) -> str:
    with open(os.path.join(WORKLOAD_DIR, name + ".lua"), encoding="utf-8") as f:
        return f.read()


def scaled_n(mod, factor: float) -> int:
    n = mod.N
    if factor == 1.0:
        return n
    scale = getattr(mod, "scale_n", None)
    if scale is not None:
        return int(scale(n, factor))
    return max(1, round(n * factor))


def normalize(value):
    if isinstance(value, (tuple, list)):
        value = value[0] if value else None
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return value


def agrees(ref, got, strict: bool = True) -> bool:
    """Compare a result with the Python twin's.

    strict: the type must match too (int vs float), as for Lua 5.4.
    Non-strict (LuaJIT, which only has floats): numbers compare by value.
    """
    got = normalize(got)
    if isinstance(ref, bool) or isinstance(got, bool):
        return ref is got
    if isinstance(ref, str):
        return isinstance(got, str) and got == ref
    if isinstance(ref, int):
        if strict:
            return type(got) is int and got == ref
        return isinstance(got, (int, float)) and got == ref
    if isinstance(ref, float):
        if not isinstance(got, (int, float)):
            return False
        if strict and type(got) is not float:
            return False
        return math.isclose(got, ref, rel_tol=REL_TOL, abs_tol=0.0) or got == ref
    return got == ref


def timed(fn, *args):
    gc.collect()
    t0 = time.perf_counter()
    result = fn(*args)
    t1 = time.perf_counter()
    return t1 - t0, result


# ---------------------------------------------------------------- engines

# Every engine runs a workload once per call to ``once``; main() alternates
# the engines round by round and keeps each one's best time, so that a burst
# of load on this shared machine hits all of them rather than one.

class PythonEngine:
    def once(self, name, mod, n):
        return timed(mod.run, n)


class LupaEngine:
    def __init__(self, module_name: str):
        self.module_name = module_name
        self.module = importlib.import_module(module_name)

    def once(self, name, src, n):
        rt = self.module.LuaRuntime()
        rt.execute(src)
        fn = rt.globals().run
        if fn is None:
            raise RuntimeError("chunk did not define global function run")
        dt, result = timed(fn, n)
        return dt, normalize(result)


_LUAJIT_DRIVER = r"""
local path, n, repeat_ = arg[1], tonumber(arg[2]), tonumber(arg[3])
local best, result = math.huge, nil
for _ = 1, repeat_ do
  run = nil
  dofile(path)
  collectgarbage()
  local t0 = os.clock()
  result = run(n)
  local dt = os.clock() - t0
  if dt < best then best = dt end
end
if type(result) == "number" then
  io.write(string.format("%.17g\n", best), "number\n", string.format("%.17g", result))
else
  io.write(string.format("%.17g\n", best), "string\n", tostring(result))
end
"""


class LuajitBinaryEngine:
    """Fallback: a `luajit` executable (timed with os.clock, i.e. CPU time)."""

    def __init__(self, exe: str):
        self.exe = exe
        fd, self.driver = tempfile.mkstemp(suffix=".lua", prefix="mani_bench_")
        with os.fdopen(fd, "w") as f:
            f.write(_LUAJIT_DRIVER)

    def once(self, name, src, n):
        path = os.path.join(WORKLOAD_DIR, name + ".lua")
        proc = subprocess.run([self.exe, self.driver, path, str(n), "1"],
                              capture_output=True, text=True)
        if proc.returncode != 0:
            raise RuntimeError((proc.stderr or proc.stdout).strip() or "luajit failed")
        best, kind, value = proc.stdout.split("\n", 2)
        return float(best), (float(value) if kind == "number" else value)


def find_luajit():
    for modname in ("lupa.luajit21", "lupa.luajit20"):
        try:
            return LupaEngine(modname), modname
        except Exception:
            pass
    exe = shutil.which("luajit")
    if exe:
        return LuajitBinaryEngine(exe), exe
    return None, None


class ManiEngine:
    def __init__(self, budget: bool, meter: bool = True, memory_limit: bool = True):
        # Prefer the in-repo sources (src/ layout) over any installed copy.
        if os.path.isdir(os.path.join(SRC_DIR, "mani")) and SRC_DIR not in sys.path:
            sys.path.insert(0, SRC_DIR)
        import mani  # noqa: may raise ImportError

        self.mani = mani
        self.budget = budget
        # (the default memory limit, or none: --no-memory-limit measures
        # what memory accounting costs)
        kw = {} if memory_limit else {"max_memory": None}
        self.engine = mani.Engine(**kw)  # AttributeError if the package is a stub
        self.programs = {}
        self.compile = self.engine.compile
        if not meter:
            # the private switch that leaves every meter update out of the
            # generated code, to measure what metering costs (not public:
            # every run through the API is metered)
            from mani.engine import _compile_program

            self.compile = lambda src, name: _compile_program(self.engine, src, name, metered=False)

    def once(self, name, src, n):
        prog = self.programs.get(name)
        if prog is None:
            prog = self.programs[name] = self.compile(src, name=name + ".lua")
        st = self.engine.new_state()
        if self.budget:
            st.set_cost_budget(COST_BUDGET)
        st.load(prog)
        dt, result = timed(st.call, "run", n)
        return dt, normalize(result)


# ---------------------------------------------------------------- main

def fmt_time(t):
    return "-" if t is None else f"{t:.4f}"


def fmt_ratio(a, b):
    if a is None or b is None or b <= 0:
        return "-"
    return f"{a / b:.2f}"


def geomean(values):
    values = [v for v in values if v and v > 0]
    if not values:
        return None
    return math.exp(sum(math.log(v) for v in values) / len(values))


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Run the mani benchmark workloads (mani vs Python vs Lua 5.4 via lupa).")
    ap.add_argument("names", nargs="*", metavar="NAME",
                    help="workloads to run (default: all in bench/workloads)")
    ap.add_argument("--repeat", type=int, default=3, metavar="K",
                    help="runs per implementation; the minimum time is reported (default 3)")
    ap.add_argument("--scale", type=float, default=1.0, metavar="F",
                    help="scale each workload's default n by F (default 1.0)")
    ap.add_argument("--no-budget", action="store_true",
                    help="run mani without a cost budget (the code still meters)")
    ap.add_argument("--no-meter", action="store_true",
                    help="compile mani's code without meter updates, to measure what metering costs")
    ap.add_argument("--no-memory-limit", action="store_true",
                    help="run mani without its per-State memory limit, to measure what accounting costs")
    ap.add_argument("--json", metavar="FILE", help="also write the results as JSON to FILE")
    ap.add_argument("--list", action="store_true", help="list workloads and default n, then exit")
    ap.add_argument("--no-lua", action="store_true", help="skip the lupa Lua 5.4 / LuaJIT columns")
    ap.add_argument("--no-mani", action="store_true", help="skip mani")
    args = ap.parse_args(argv)
    if args.repeat < 1:
        ap.error("--repeat must be >= 1")
    if args.scale <= 0:
        ap.error("--scale must be > 0")

    available = discover()
    names = args.names or available
    unknown = [n for n in names if n not in available]
    if unknown:
        ap.error(f"unknown workload(s): {', '.join(unknown)}; available: {', '.join(available)}")

    if args.list:
        for name in names:
            mod = load_py_module(name)
            print(f"{name:20s} n={scaled_n(mod, args.scale)}")
        return 0

    notes = []
    mani_engine = None
    if not args.no_mani:
        try:
            mani_engine = ManiEngine(budget=not args.no_budget, meter=not args.no_meter,
                                     memory_limit=not args.no_memory_limit)
        except Exception as exc:  # ImportError, AttributeError on a stub, ...
            notes.append(f"mani unavailable: {first_line(exc)}")
    lua_engine = jit_engine = None
    jit_label = None
    if not args.no_lua:
        try:
            lua_engine = LupaEngine("lupa.lua54")
        except Exception as exc:
            notes.append(f"lupa.lua54 unavailable: {first_line(exc)}")
        jit_engine, jit_label = find_luajit()
    py_engine = PythonEngine()

    cols = [("workload", 20), ("n", 8), ("mani s", 9), ("python s", 9), ("lua54 s", 9)]
    if jit_engine:
        cols.append(("luajit s", 9))
    cols += [("mani/py", 8), ("lua/py", 7)]
    if jit_engine:
        cols.append(("jit/py", 7))
    cols += [("agree", 22), ("notes", 0)]

    def row(cells):
        out = []
        for (title, width), cell in zip(cols, cells):
            out.append(str(cell).ljust(width) if width else str(cell))
        return "  ".join(out).rstrip()

    print(f"mani benchmarks: repeat={args.repeat} scale={args.scale} "
          f"budget={'off' if args.no_budget else 'on'}"
          + ("  meter=off" if args.no_meter else "")
          + ("  memory-limit=off" if args.no_memory_limit else "")
          + f"  python {platform.python_version()}"
          + (f"  luajit via {jit_label}" if jit_engine else ""))
    for note in notes:
        print(note)
    print(row([c[0] for c in cols]))
    print(row(["-" * (w or 5) for _, w in cols]))
    sys.stdout.flush()

    results = []
    for name in names:
        rec = {"workload": name}
        row_notes = []
        try:
            mod = load_py_module(name)
            src = read_lua(name)
            n = scaled_n(mod, args.scale)
        except Exception as exc:
            print(row([name, "-", "-", "-", "-"] + ["-"] * (len(cols) - 6)
                      + [f"python error: {first_line(exc)}"]))
            rec["error"] = first_line(exc)
            results.append(rec)
            continue
        rec["n"] = n

        # engine label -> [best time, result, error]; rounds alternate engines
        runs = {"python": [math.inf, None, None]}
        engines = {"python": (py_engine, mod)}
        for label, engine in (("mani", mani_engine), ("lua54", lua_engine), ("luajit", jit_engine)):
            if engine is not None:
                runs[label] = [math.inf, None, None]
                engines[label] = (engine, src)
        for _ in range(args.repeat):
            for label, (engine, code) in engines.items():
                if runs[label][2] is not None:
                    continue
                try:
                    t, res = engine.once(name, code, n)
                except Exception as exc:
                    runs[label][2] = exc
                    if os.environ.get("MANI_BENCH_TRACEBACK"):
                        traceback.print_exc()
                    continue
                runs[label][0] = min(runs[label][0], t)
                runs[label][1] = res

        py_t, py_res, py_exc = runs["python"]
        if py_exc is not None:
            py_t = py_res = None
            row_notes.append(f"python error: {first_line(py_exc)}")
        rec["python_s"] = py_t
        rec["result"] = py_res

        def outcome(label, strict):
            if label not in runs:
                return None, None, "-"
            t, res, exc = runs[label]
            if exc is not None:
                row_notes.append(("error" if label == "mani" else f"{label} error")
                                 + f": {first_line(exc)}")
                return None, None, "n/a"
            if py_t is None:
                return t, res, "?"
            ok = agrees(py_res, res, strict=strict)
            if not ok:
                row_notes.append(f"{label} result {res!r:.60} != python {py_res!r:.60}")
            return t, res, ("ok" if ok else "DIFF")

        mani_t, mani_res, mani_ok = outcome("mani", True)
        lua_t, lua_res, lua_ok = outcome("lua54", True)
        jit_t, jit_res, jit_ok = outcome("luajit", False)

        rec.update(mani_s=mani_t, lua54_s=lua_t, mani_ok=mani_ok, lua54_ok=lua_ok,
                   mani_over_python=(mani_t / py_t) if mani_t and py_t else None,
                   lua54_over_python=(lua_t / py_t) if lua_t and py_t else None)
        if jit_engine:
            rec.update(luajit_s=jit_t, luajit_ok=jit_ok,
                       luajit_over_python=(jit_t / py_t) if jit_t and py_t else None)
        rec["notes"] = row_notes
        results.append(rec)

        mani_cell = fmt_time(mani_t) if mani_engine is None or mani_t is not None else "n/a"
        lua_cell = fmt_time(lua_t) if lua_engine is None or lua_t is not None else "n/a"
        cells = [name, n, mani_cell, fmt_time(py_t), lua_cell]
        if jit_engine:
            cells.append(fmt_time(jit_t) if jit_t is not None else "n/a")
        cells += [fmt_ratio(mani_t, py_t), fmt_ratio(lua_t, py_t)]
        if jit_engine:
            cells.append(fmt_ratio(jit_t, py_t))
        agree = f"mani={mani_ok} lua={lua_ok}"
        if jit_engine:
            agree += f" jit={jit_ok}"
        cells += [agree, "; ".join(row_notes)]
        print(row(cells))
        sys.stdout.flush()

    ran = [r for r in results if r.get("mani_over_python")]
    wrong = [r for r in ran if r.get("mani_ok") == "DIFF"]
    # a fast wrong answer must not improve the score: mismatches are left out
    gm = geomean([r["mani_over_python"] for r in ran if r not in wrong])
    gm_lua = geomean([r.get("lua54_over_python") for r in results])
    print()
    extra = f"   (lua54/python: {gm_lua:.2f})" if gm_lua else ""
    warn = f" ({len(wrong)} with wrong results left out)" if wrong else ""
    if gm is None:
        print(f"geomean mani/python: n/a (no workload ran under mani){warn}{extra}")
    else:
        print(f"geomean mani/python: {gm:.2f} over {len(ran) - len(wrong)} workload(s)"
              f"{warn}{extra}")

    if args.json:
        meta = {
            "repeat": args.repeat, "scale": args.scale, "budget": not args.no_budget,
            "memory_limit": not args.no_memory_limit,
            "python": platform.python_version(), "platform": platform.platform(),
            "luajit": jit_label, "notes": notes,
            "geomean_mani_over_python": gm, "geomean_lua54_over_python": gm_lua,
        }
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"meta": meta, "results": results}, f, indent=2, default=repr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
