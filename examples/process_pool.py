"""A process pool whose workers build the Engine once and run many requests
(run: python examples/process_pool.py). Prints throughput with 1 and 2
workers: the ratio shows how the work scales across processes.

The Program is compiled once in the parent and pickled to the workers.
"""

from __future__ import annotations

import pickle
import time
from concurrent.futures import ProcessPoolExecutor

import mani

SCRIPT = """
function work(seed)
  local x, acc = seed, 0
  for i = 1, 20000 do
    x = (x * 1103515245 + 12345) % 2147483648
    acc = acc + x % 1000
  end
  return acc
end
"""

_state = None


def _init(program_bytes: bytes) -> None:
    global _state
    engine = mani.Engine()
    _state = engine.new_state()
    _state.load(pickle.loads(program_bytes))


def _run(seed: int) -> int:
    _state.set_cost_budget(10_000_000)
    (r,) = _state.call("work", seed)
    return r


def throughput(workers: int, requests: int = 64) -> float:
    program_bytes = pickle.dumps(mani.Engine().compile(SCRIPT, name="work.lua"))
    with ProcessPoolExecutor(workers, initializer=_init, initargs=(program_bytes,)) as ex:
        list(ex.map(_run, range(workers)))  # warm up every worker
        t0 = time.perf_counter()
        results = list(ex.map(_run, range(requests)))
        dt = time.perf_counter() - t0
    assert len(results) == requests
    return requests / dt


if __name__ == "__main__":
    one = throughput(1)
    two = throughput(2)
    print(f"1 worker: {one:.1f} req/s   2 workers: {two:.1f} req/s   ratio {two / one:.2f}")
