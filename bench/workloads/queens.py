"""queens: count all solutions of the n-queens problem by backtracking."""
import math

N = 11


def solve(n, row, cols, diag1, diag2):
    if row == n:
        return 1
    count = 0
    for c in range(n):
        d1 = row + c
        d2 = row - c + n
        if not cols[c] and not diag1[d1] and not diag2[d2]:
            cols[c] = diag1[d1] = diag2[d2] = True
            count += solve(n, row + 1, cols, diag1, diag2)
            cols[c] = diag1[d1] = diag2[d2] = False
    return count


def run(n):
    cols = [False] * (2 * n)
    diag1 = [False] * (2 * n)
    diag2 = [False] * (2 * n)
    return solve(n, 0, cols, diag1, diag2)


def scale_n(n, factor):
    # the search tree grows by roughly 5x per extra row at these sizes
    return max(4, n + round(math.log(factor) / math.log(5)))
