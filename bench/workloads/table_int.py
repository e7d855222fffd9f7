"""table_int: fill and read lists (dense integer keys) and dicts (sparse ones)."""

N = 100000


def run(n):
    t = []
    for i in range(1, n + 1):
        t.append(i * 7 % 1000)
    s = 0
    for rnd in range(1, 6):
        for i in range(n):
            s += t[i]
        for i in range(n - 1, -1, -1):
            t[i] = (t[i] + rnd) % 1000
    s += len(t)

    # sparse integer keys: a dict
    h = {}
    m = n * 3
    for i in range(1, n + 1):
        h[i * 37 % m] = i
    for i in range(1, n + 1, 2):
        v = h.get(i * 37 % m)
        if v is not None:
            s += v
        if i * 5 in h:
            s += 1
    return s
