"""fib: naive doubly-recursive Fibonacci (function-call overhead)."""
import math

N = 29


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def run(n):
    return fib(n)


def scale_n(n, factor):
    # work grows by the golden ratio per step of n
    return max(2, n + round(math.log(factor) / math.log(1.618)))
