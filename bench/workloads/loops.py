"""loops: nested numeric for loops with integer arithmetic."""

N = 10000


def run(n):
    total = 0
    for i in range(1, n + 1):
        acc = i
        for j in range(1, 101):
            acc = (acc * 31 + j) % 65521
        for k in range(10, 0, -1):
            acc = acc + k * (i % k) - (acc % 3)
        w = 0
        while w < 5:
            acc = acc + w * 7
            w += 1
        total = (total + acc) % 1000000007
    return total
