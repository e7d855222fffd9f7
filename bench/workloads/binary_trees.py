"""binary_trees: allocate and walk many short-lived binary trees."""
import math

N = 13


def make(depth):
    if depth == 0:
        return (None, None)
    depth -= 1
    return (make(depth), make(depth))


def check(tree):
    left, right = tree
    if left is not None:
        return 1 + check(left) + check(right)
    return 1


def run(n):
    mindepth = 4
    maxdepth = max(n, mindepth + 2)
    total = check(make(maxdepth + 1))
    longlived = make(maxdepth)
    for depth in range(mindepth, maxdepth + 1, 2):
        iters = 2 ** (maxdepth - depth + mindepth)
        c = 0
        for _ in range(iters):
            c += check(make(depth))
        total += c
    return total + check(longlived)


def scale_n(n, factor):
    return max(6, n + round(math.log2(factor)))
