"""spectral_norm: power method on an infinite matrix (float lists, calls)."""
import math

N = 100


def A(i, j):
    ij = i + j
    return 1.0 / (ij * (ij + 1) * 0.5 + i + 1)


def mul_Av(x, y, n):
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += A(i, j) * x[j]
        y[i] = s


def mul_Atv(x, y, n):
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += A(j, i) * x[j]
        y[i] = s


def mul_AtAv(x, y, t, n):
    mul_Av(x, t, n)
    mul_Atv(t, y, n)


def run(n):
    u = [1.0] * n
    v = [0.0] * n
    t = [0.0] * n
    for _ in range(10):
        mul_AtAv(u, v, t, n)
        mul_AtAv(v, u, t, n)
    vBv = vv = 0.0
    for ui, vi in zip(u, v):
        vBv += ui * vi
        vv += vi * vi
    return math.sqrt(vBv / vv)


def scale_n(n, factor):
    return max(2, round(n * math.sqrt(factor)))
