"""Memory per element of Lua tables against the Python equivalents.

    python bench/memory.py

Reports the bytes per element of a 1,000,000-element array table and of a
100,000-entry string-keyed table, built by a Lua script in mani, next to a
Python list and dict holding the same values. Measured with tracemalloc
(allocations made while building, minus the input values' own storage where
both sides share it).
"""

from __future__ import annotations

import gc
import os
import sys
import tracemalloc

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "src"))

ARRAY_N = 1_000_000
MAP_N = 100_000


def measure(build):
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    keep = build()
    gc.collect()
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return after - before, keep


def main() -> int:
    import mani

    st = mani.Engine().new_state()
    st.load_string("""
        function array(n) local t = {} for i = 1, n do t[i] = i end return t end
        function map(n) local t = {} for i = 1, n do t["key" .. i] = i end return t end
    """)
    array, smap = st.globals["array"], st.globals["map"]

    rows = []
    size, _ = measure(lambda: array(ARRAY_N))
    py, _ = measure(lambda: list(range(1, ARRAY_N + 1)))
    rows.append(("array table, 1,000,000 integers", size / ARRAY_N, "Python list", py / ARRAY_N))
    size, _ = measure(lambda: smap(MAP_N))
    py, _ = measure(lambda: {("key%d" % i).encode(): i for i in range(1, MAP_N + 1)})
    rows.append(("string-keyed table, 100,000 entries", size / MAP_N, "Python dict (bytes keys)", py / MAP_N))

    print(f"{'structure':40s} {'mani B/elem':>12s}   {'Python equivalent':26s} {'B/elem':>8s}")
    for name, m, pyname, p in rows:
        print(f"{name:40s} {m:12.1f}   {pyname:26s} {p:8.1f}")
    print("(both sides include the integer objects above 256 and the key strings they allocate)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
