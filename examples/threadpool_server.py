"""A thread pool serving requests with one Engine, one Program and pooled
States (run: python examples/threadpool_server.py).

Each request borrows a State from the pool, calls the script's handler with
its own budget, and returns the State. The Engine and the Program are shared
by every thread; a State is used by one thread at a time.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import mani

SCRIPT = """
local function score(words)
  local total = 0
  for i = 1, #words do
    local w = words[i]
    total = total + #w * i
  end
  return total
end

function handle(request)
  local words = {}
  for i = 1, request.n do words[i] = request.word .. i end
  return { id = request.id, score = score(words) }
end
"""

engine = mani.Engine()
program = engine.compile(SCRIPT, name="handler.lua")


def make_pool(size: int = 4) -> mani.StatePool:
    return mani.StatePool(engine, size, setup=lambda st: st.load(program), budget=1_000_000)


def expected_score(word: str, n: int) -> int:
    return sum(len(f"{word}{i}") * i for i in range(1, n + 1))


def serve(pool: mani.StatePool, request: dict) -> dict:
    with pool.acquire() as st:
        (reply,) = st.call("handle", st.table_from(request))
        return reply.to_dict()


def main(requests: int = 200, workers: int = 8) -> list:
    pool = make_pool(4)
    reqs = [{"id": i, "word": f"w{i % 7}", "n": 10 + i % 13} for i in range(requests)]
    with ThreadPoolExecutor(workers) as ex:
        replies = list(ex.map(lambda r: serve(pool, r), reqs))
    for req, rep in zip(reqs, replies):
        assert rep == {"id": req["id"], "score": expected_score(req["word"], req["n"])}, (req, rep)
    return replies


if __name__ == "__main__":
    out = main()
    print(f"served {len(out)} requests, all correct")
