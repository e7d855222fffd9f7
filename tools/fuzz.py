#!/usr/bin/env python3
"""Fuzz mani for a while: the generators of tests/hostile/fuzzgen.py (random
bytes, token soup, grammar programs, library calls with random arguments,
grammar programs interrupted, closed or cancelled from another thread), run
by hypothesis in rounds of fresh seeds until the time is up.

    python tools/fuzz.py --minutes 30 [--out fuzz-failures]

Prints the inputs tried per generator, the outcomes (ok, error, syntax,
budget, memory) and every distinct failure, each shrunk by hypothesis and
saved to the output folder (nothing is written when nothing fails). Exits 1
when something failed."""

from __future__ import annotations

import argparse
import collections
import pathlib
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests" / "hostile"))

from hypothesis import HealthCheck, given, seed, settings  # noqa: E402

import fuzzgen  # noqa: E402

# name -> (strategy, run one example and return its outcome)
GENERATORS = {
    "random_bytes": (fuzzgen.random_source, fuzzgen.run_one),
    "token_soup": (fuzzgen.token_soup, fuzzgen.run_one),
    "grammar": (fuzzgen.program, fuzzgen.run_one),
    "library_calls": (fuzzgen.library_call, fuzzgen.run_one),
    "disrupted": (fuzzgen.disruption, lambda case: "disrupted:" + str(fuzzgen.run_disrupted(*case))),
}
ROUND = 300  # examples per generator and round


def fuzz_round(name: str, strategy, run_one, n: int, outcomes: collections.Counter, tried: collections.Counter):
    """One hypothesis run of ``ROUND`` examples; returns (message, source) of
    a failure (shrunk) or None."""
    failing: list = []

    @seed(n)
    @settings(max_examples=ROUND, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(strategy)
    def run(source):
        tried[name] += 1
        try:
            outcomes[run_one(source)] += 1
        except fuzzgen.FuzzFailure as exc:
            failing[:] = [str(exc), source]
            raise

    try:
        run()
    except fuzzgen.FuzzFailure:
        return tuple(failing)
    except Exception as exc:  # noqa: BLE001 - e.g. a failure hypothesis could not reproduce (flaky)
        return (f"{type(exc).__name__}: {failing[0] if failing else exc}", failing[1] if failing else b"")
    return None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--minutes", type=float, default=5.0)
    ap.add_argument("--out", default="fuzz-failures", help="folder for failing inputs")
    args = ap.parse_args()
    end = time.monotonic() + args.minutes * 60
    tried: collections.Counter = collections.Counter()
    outcomes: collections.Counter = collections.Counter()
    failures: dict = {}
    n = 0
    while time.monotonic() < end:
        for name, (strategy, run_one) in GENERATORS.items():
            if time.monotonic() >= end:
                break
            found = fuzz_round(name, strategy, run_one, n, outcomes, tried)
            if found is not None:
                message, source = found
                key = message.splitlines()[0][:200]
                if key not in failures:
                    failures[key] = (name, source)
                    out = pathlib.Path(args.out)
                    out.mkdir(exist_ok=True)
                    if isinstance(source, tuple):  # a disruption: (program, action, delay)
                        source = f"-- {source[1]} after {source[2]} s\n{source[0]}"
                    data = source if isinstance(source, bytes) else source.encode("utf-8", "surrogateescape")
                    (out / f"{name}-{len(failures)}.lua").write_bytes(data)
                    print(f"FAILURE ({name}): {key}", flush=True)
            n += 1
    print(f"inputs tried: {sum(tried.values())} ({', '.join(f'{k} {v}' for k, v in tried.items())})")
    print(f"outcomes: {dict(outcomes)}")
    print(f"distinct failures: {len(failures)}")
    for key, (name, _) in failures.items():
        print(f"  {name}: {key}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
