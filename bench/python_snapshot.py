"""Generated Python of every test and workload program, to check that a
change to the code generator keeps its output byte for byte.

    python bench/python_snapshot.py OUT               # write OUT/<program>.py
    python bench/python_snapshot.py OUT --compare REF # ...and list what differs from REF

Programs: tests/lua/*.lua, bench/workloads/*.lua and compile_speed.py's
generated source. Each file holds what ``mani compile --python`` prints (or
the compile error). Run it on the tree before a change (git stash, or a
checkout elsewhere with PYTHONPATH pointing at it) and after, then compare.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(HERE))


def programs() -> list:
    from compile_speed import make_source

    files = sorted((ROOT / "tests" / "lua").glob("*.lua")) + sorted((HERE / "workloads").glob("*.lua"))
    out = [(f"{p.parent.name}__{p.stem}", p.read_bytes()) for p in files]
    out.append(("compile_speed", make_source(10_000).encode()))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", help="directory to write the generated Python into")
    ap.add_argument("--compare", metavar="REF", help="a directory written earlier: list the files that differ")
    args = ap.parse_args(argv)

    import mani

    engine = mani.Engine()
    os.makedirs(args.out, exist_ok=True)
    names = []
    for name, src in programs():
        try:
            text = engine.compile(src, name=name).python_source
        except mani.ManiError as exc:
            text = f"error: {exc}\n"
        (Path(args.out) / f"{name}.py").write_text(text)
        names.append(name)
    print(f"{len(names)} programs written to {args.out}")
    if args.compare is None:
        return 0
    differ = []
    for name in names:
        ref = Path(args.compare) / f"{name}.py"
        new = Path(args.out) / f"{name}.py"
        if not ref.exists() or ref.read_bytes() != new.read_bytes():
            differ.append(name)
            old = ref.stat().st_size if ref.exists() else 0
            print(f"differs: {name} ({old} -> {new.stat().st_size} bytes)")
    print("identical" if not differ else f"{len(differ)} of {len(names)} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
