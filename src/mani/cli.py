"""Command line: ``mani run FILE [--budget N]``, ``mani compile --python FILE``."""

from __future__ import annotations

import argparse
import sys
from typing import Optional

from . import Engine, LuaError, LuaSyntaxError


def main(argv: Optional[list] = None) -> int:
    ap = argparse.ArgumentParser(prog="mani", description="Lua 5.4 compiled to Python")
    sub = ap.add_subparsers(dest="cmd", required=True)
    run = sub.add_parser("run", help="run a Lua script")
    run.add_argument("file")
    run.add_argument("--budget", type=int, default=None, help="cost budget (default: unlimited)")
    comp = sub.add_parser("compile", help="compile a Lua script")
    comp.add_argument("--python", action="store_true", help="print the generated Python code")
    comp.add_argument("file")
    args = ap.parse_args(argv)
    try:
        with open(args.file, "rb") as f:
            src = f.read()
    except OSError as e:
        print(f"mani: cannot open {args.file}: {e.strerror}", file=sys.stderr)
        return 1
    engine = Engine()
    try:
        prog = engine.compile(src, name=args.file)
    except LuaSyntaxError as e:
        print(f"mani: {e.message}", file=sys.stderr)
        return 1
    if args.cmd == "compile":
        if args.python:
            sys.stdout.write(prog.python_source)
        else:
            print(f"{args.file}: ok")
        return 0
    st = engine.new_state()
    if args.budget is not None:
        st.set_cost_budget(args.budget)
    try:
        st.load(prog)
    except LuaError as e:
        print(f"mani: {e.message}", file=sys.stderr)
        if e.lua_traceback:
            print(e.lua_traceback, file=sys.stderr)
        return 1
    return 0
