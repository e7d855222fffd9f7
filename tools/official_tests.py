"""Run the official Lua 5.4 test files under mani and say which pass.

    python tools/official_tests.py LUA_TESTES_DIR [NAME ...] [--timeout S]

LUA_TESTES_DIR is the ``testes`` folder of the ``lua/lua`` repository at tag
``v5.4.8`` (it is not part of mani: get it yourself, e.g. ``git clone
https://github.com/lua/lua && git -C lua archive v5.4.8 testes | tar x``).
Each file runs in a temporary copy of the folder (its working directory),
in a process of its own with a time limit, on an Engine with every
capability mani has (``io``, ``os``, ``require``: what ``mani run -A``
gives, as a ``lua`` command line has) and no cost budget or memory limit;
it passes when it ends without an error. (mani has no ``debug`` library
yet, which 8 of the files load first.)

The 18 files are those that need no C test library (``T``). Where mani
differs from Lua on purpose (docs/compatibility.md lists each difference
and why), the one assertion that checks it is skipped: ``SKIPS`` names it
by file and line, and the copy has that line replaced by a comment. Nothing
else is changed. The script reports how many assertions it skipped.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

FILES = ("pm tpack vararg math utf8 bitwise sort constructs literals strings events nextvar closure goto "
         "calls locals coroutine errors").split()

# file -> {line: (the start of the line, to check it is the line meant; why
# it is skipped: the section of docs/compatibility.md)}
SKIPS: dict = {}


def prepared_copy(src: str, dst: str) -> int:
    """Copy the test folder to ``dst`` with the skipped lines commented out;
    returns how many lines were skipped. Refuses to run if a skipped line is
    not what SKIPS expects (a different version of the files)."""
    shutil.copytree(src, dst, dirs_exist_ok=True)
    skipped = 0
    for name, lines in SKIPS.items():
        path = os.path.join(dst, name)
        with open(path, "rb") as f:
            text = f.read().split(b"\n")
        for line, (start, why) in lines.items():
            if not text[line - 1].lstrip().startswith(start.encode()):
                sys.exit(f"{name}:{line} is not '{start}...': are these the v5.4.8 files?")
            text[line - 1] = f"-- skipped by tools/official_tests.py: {why}".encode()
            skipped += 1
        with open(path, "wb") as f:
            f.write(b"\n".join(text))
    return skipped


def child(folder: str, name: str) -> None:
    """Run one file in this process (``--child``); exit status 1 on error."""
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "src"))
    import mani

    st = mani.Engine(max_memory=None, capabilities={"io", "os", "require"}).new_state()
    with open(os.path.join(folder, name + ".lua"), "rb") as f:
        src = f.read()
    try:
        st.load_string(src, "@" + name + ".lua")
    except mani.ManiError as e:
        print(str(e).splitlines()[0], file=sys.stderr)
        sys.exit(1)


def run_one(folder: str, name: str, timeout: float) -> tuple:
    """(outcome, seconds, the first line of the error) of one file."""
    start = time.monotonic()
    try:
        p = subprocess.run([sys.executable, os.path.abspath(__file__), "--child", folder, name], cwd=folder,
                           stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "TIMEOUT", time.monotonic() - start, ""
    took = time.monotonic() - start
    err = p.stderr.decode("utf-8", "replace").strip().splitlines()
    return ("PASS" if p.returncode == 0 else "FAIL"), took, (err[-1] if err else "")[:160]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("testes", help="the testes folder of Lua 5.4.8")
    ap.add_argument("names", nargs="*", help="files to run (default: all 18), without .lua")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds per file (default 120)")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.testes, args.names[0])
        return
    names = args.names or FILES
    if not os.path.isfile(os.path.join(args.testes, "all.lua")):
        sys.exit(f"{args.testes}: not a Lua testes folder (no all.lua)")
    with tempfile.TemporaryDirectory(prefix="mani-testes-") as tmp:
        skipped = prepared_copy(args.testes, tmp)
        passed = 0
        for name in names:
            outcome, took, last = run_one(tmp, name, args.timeout)
            passed += outcome == "PASS"
            print(f"{name:12s} {outcome:8s} {took:6.1f}s  {'' if outcome == 'PASS' else last}", flush=True)
    print(f"passed {passed} of {len(names)}; {skipped} assertion(s) skipped (see SKIPS)")
    sys.exit(0 if passed == len(names) else 1)


if __name__ == "__main__":
    main()
