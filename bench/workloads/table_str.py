"""table_str: fill and read dicts by string keys (dynamic keys and fields)."""

N = 6000


def run(n):
    keys = ["key" + str(i) for i in range(1, 101)]
    total = 0
    for r in range(1, n + 1):
        t = {}
        for i in range(100):
            t[keys[i]] = i + 1 + r
        s = 0
        for i in range(99, -1, -1):
            s += t[keys[i]]
        if t.get("missing") is None:
            s += 1
        rec = {"name": "rec", "count": 0, "weight": 1}
        for _ in range(10):
            rec["count"] += rec["weight"]
            rec["weight"] += 1
        rec["extra"] = rec["count"] * 2
        total = (total + s + rec["count"] + rec["extra"]) % 1000000007
    return total
