"""sieve: sieve of Eratosthenes over a list of booleans."""

N = 600000


def run(n):
    composite = [False] * (n + 1)
    i = 2
    while i * i <= n:
        if not composite[i]:
            for j in range(i * i, n + 1, i):
                composite[j] = True
        i += 1
    count = tail = 0
    for k in range(2, n + 1):
        if not composite[k]:
            count += 1
            if k > n - 1000:
                tail += k
    return count * 1000000000 + tail
