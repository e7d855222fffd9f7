"""Command line: ``mani run FILE [--budget N] [--memory MIB]``, ``mani compile --python FILE``."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any, Optional

from . import Engine, HostCallbacks, Interrupted, LuaError, LuaSyntaxError

# the exit status of a program killed by SIGPIPE, as a shell reports it
# (what reference ``lua`` gets when the reader of its output goes away)
EXIT_BROKEN_PIPE = 128 + 13


class _Console(HostCallbacks):
    """print goes to standard output. When the reader of a pipe goes away
    (``mani run x.lua | head -1``), the run is interrupted and the rest of
    its output dropped: not a Lua error the script could catch."""

    def __init__(self) -> None:
        self.handle: Any = None  # the State's interrupt handle
        self.broken = False

    def on_print(self, source: str, line: int, message: str) -> None:
        if self.broken:
            return
        try:
            sys.stdout.write(message + "\n")
        except BrokenPipeError:
            self.broken = True
            self.handle.interrupt()


def _quiet_stdout() -> None:
    """Point standard output at /dev/null, so that flushing what is left
    at exit does not raise BrokenPipeError again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _count(text: str) -> int:
    """A non-negative whole number on the command line (argparse reports a
    bad one as a usage error, not a traceback)."""
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError(f"must not be negative: {n}")
    return n


def main(argv: Optional[list] = None) -> int:
    ap = argparse.ArgumentParser(prog="mani", description="Lua 5.4 compiled to Python")
    sub = ap.add_subparsers(dest="cmd", required=True)
    run = sub.add_parser("run", help="run a Lua script")
    run.add_argument("file")
    run.add_argument("--budget", type=_count, default=None, help="cost budget (default: unlimited)")
    run.add_argument("--memory", type=_count, default=None, metavar="MIB",
                     help="memory limit in MiB (default: the Engine's, 256; 0: unlimited)")
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
    if getattr(args, "memory", None) is not None:
        engine = Engine(max_memory=args.memory << 20 if args.memory else None)
    else:
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
    console = _Console()
    st = engine.new_state(console)
    console.handle = st.interrupt_handle()
    if args.budget is not None:
        st.set_cost_budget(args.budget)
    try:
        st.load(prog)
    except Interrupted:
        if console.broken:
            _quiet_stdout()
            return EXIT_BROKEN_PIPE
        raise
    except LuaError as e:
        print(f"mani: {e.message}", file=sys.stderr)
        if e.lua_traceback:
            print(e.lua_traceback, file=sys.stderr)
        return 1
    if console.broken:  # (the script ended before a check point saw it)
        _quiet_stdout()
        return EXIT_BROKEN_PIPE
    return 0
