"""Write the Python that mani generates for every Lua program of the test
suite and the benchmark to a directory, one ``.py`` file per program.

Used to check that a refactoring of the compiler changes no generated code:
dump before, dump after, ``diff -r`` the two directories.

    python3 tools/dump_generated.py /tmp/before
"""

from __future__ import annotations

import sys
from pathlib import Path

import mani

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("tests/lua", "bench/workloads")


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    engine = mani.Engine()
    count = 0
    for folder in SOURCES:
        for path in sorted((ROOT / folder).glob("*.lua")):
            try:
                text = engine.compile(path.read_bytes(), name=path.name).python_source
            except mani.ManiError as exc:  # programs that test compile errors
                text = f"# compile error: {exc}\n"
            target = out / folder.replace("/", "_") / (path.stem + ".py")
            target.parent.mkdir(exist_ok=True)
            target.write_text(text)
            count += 1
    print(f"{count} programs written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
