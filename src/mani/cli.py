"""Command line: ``mani run [OPTIONS] FILE|- [ARGS...]``, ``mani compile --python FILE``.

``mani run`` is sandboxed unless told otherwise, as a default Engine is:
``--allow-io``, ``--allow-os``, ``--allow-require`` grant one capability
each, ``-A``/``--allow-all`` all of them (what a ``lua`` command line gives).
The script gets its arguments as ``...`` and in Lua's ``arg`` table. mani's
options may stand before or after the script name; after ``--`` everything
goes to the script.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any, Optional

from . import Engine, HostCallbacks, Interrupted, LuaError, LuaSyntaxError, ScriptExit

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
        self.on_output("stdout", (message + "\n").encode("utf-8", "surrogateescape"))

    def on_output(self, stream: str, data: bytes) -> None:
        """print and io.write both come here, so they stay in order."""
        if self.broken:
            return
        out = sys.stdout if stream == "stdout" else sys.stderr
        try:
            out.buffer.write(data)
            if stream == "stderr":
                out.buffer.flush()
        except BrokenPipeError:
            self.broken = True
            self.handle.interrupt()

    def on_flush(self, stream: str) -> None:
        try:
            (sys.stdout if stream == "stdout" else sys.stderr).buffer.flush()
        except BrokenPipeError:
            self.broken = True
            self.handle.interrupt()

    def on_warning(self, message: str) -> None:
        self.on_output("stderr", f"Lua warning: {message}\n".encode("utf-8", "surrogateescape"))


def _flush_quietly() -> None:
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_stdout()


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


# flag -> the capability it grants
ALLOW_FLAGS = {"allow_io": "io", "allow_os": "os", "allow_require": "require"}


def _run_parser() -> argparse.ArgumentParser:
    run = argparse.ArgumentParser(prog="mani run", description="run a Lua script (sandboxed unless allowed more)")
    run.add_argument("file", help="the script; - reads it from standard input")
    run.add_argument("args", nargs="*", help="the script's arguments (... and arg[1], arg[2], ...)")
    run.add_argument("--budget", type=_count, default=None, help="cost budget (default: unlimited)")
    run.add_argument("--memory", type=_count, default=None, metavar="MIB",
                     help="memory limit in MiB (default: the Engine's, 256; 0: unlimited)")
    run.add_argument("--allow-io", action="store_true", help="the io library: files and standard streams")
    run.add_argument("--allow-os", action="store_true",
                     help="the whole os library: environment, commands, files, the real clock, os.exit")
    run.add_argument("--allow-require", action="store_true",
                     help="require, dofile and loadfile of Lua files on disk (package.path)")
    run.add_argument("-A", "--allow-all", action="store_true", help="all of the above, as the lua command has")
    run.add_argument("--allow-debug", action="store_true", help=argparse.SUPPRESS)
    return run


def _parse_run(argv: list) -> argparse.Namespace:
    """``mani run``'s arguments: options anywhere before ``--`` (earlier
    versions took them after the script), the rest for the script."""
    run = _run_parser()
    ns = run.parse_intermixed_args(argv)
    if ns.allow_debug:
        run.error("--allow-debug: the debug library is not available in mani yet")
    return ns


def _capabilities(ns: argparse.Namespace) -> set:
    if ns.allow_all:
        return set(ALLOW_FLAGS.values())
    return {cap for flag, cap in ALLOW_FLAGS.items() if getattr(ns, flag)}


def _options(ns: argparse.Namespace) -> list:
    """mani's options of this run, as a command line spells them."""
    out = []
    for name in ("budget", "memory"):
        if getattr(ns, name) is not None:
            out += [f"--{name}", str(getattr(ns, name))]
    if ns.allow_all:
        out.append("--allow-all")
    out += [f"--{flag.replace('_', '-')}" for flag in ALLOW_FLAGS if getattr(ns, flag)]
    return out


def _arg_table(st: Any, ns: argparse.Namespace) -> None:
    """Lua's ``arg``: the script at 0, its arguments from 1, the command
    line before the script at negative indices ("mani", "run", options)."""
    before = ["mani", "run"] + _options(ns)
    table: dict = {i - len(before): v for i, v in enumerate(before)}
    table[0] = ns.file
    table.update({i + 1: v for i, v in enumerate(ns.args)})
    st.globals["arg"] = st.table_from(table)


def _read_script(name: str) -> Optional[bytes]:
    try:
        if name == "-":
            return sys.stdin.buffer.read()
        with open(name, "rb") as f:
            return f.read()
    except OSError as e:
        print(f"mani: cannot open {name}: {e.strerror}", file=sys.stderr)
        return None


def main(argv: Optional[list] = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["run"]:
        return _run(argv[1:])
    ap = argparse.ArgumentParser(prog="mani", description="Lua 5.4 compiled to Python")
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("run", help="run a Lua script (mani run --help)", add_help=False)
    comp = sub.add_parser("compile", help="compile a Lua script")
    comp.add_argument("--python", action="store_true", help="print the generated Python code")
    comp.add_argument("file")
    args = ap.parse_args(argv)
    src = _read_script(args.file)
    if src is None:
        return 1
    try:
        prog = Engine().compile(src, name=args.file)
    except LuaSyntaxError as e:
        print(f"mani: {e.message}", file=sys.stderr)
        return 1
    if args.python:
        sys.stdout.write(prog.python_source)
    else:
        print(f"{args.file}: ok")
    return 0


def _run(argv: list) -> int:
    args = _parse_run(argv)
    src = _read_script(args.file)
    if src is None:
        return 1
    memory: Any = {} if args.memory is None else {"max_memory": args.memory << 20 if args.memory else None}
    engine = Engine(capabilities=_capabilities(args), **memory)
    chunkname = "stdin" if args.file == "-" else args.file
    try:
        prog = engine.compile(src, name=chunkname)
    except LuaSyntaxError as e:
        print(f"mani: {e.message}", file=sys.stderr)
        return 1
    console = _Console()
    st = engine.new_state(console)
    console.handle = st.interrupt_handle()
    if args.budget is not None:
        st.set_cost_budget(args.budget)
    _arg_table(st, args)
    try:
        st.load(prog, *args.args)
    except ScriptExit as e:  # os.exit: the script's exit status is ours
        _flush_quietly()
        return e.status & 0xFF  # (what a shell sees of C's exit status)
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
