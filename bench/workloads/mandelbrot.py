"""mandelbrot: escape-time iteration over an n x n grid (float arithmetic)."""
import math

N = 160


def run(n):
    max_iter = 50
    inside = iters = 0
    for y in range(n):
        ci = 2.0 * y / n - 1.0
        for x in range(n):
            cr = 2.0 * x / n - 1.5
            zr = zi = 0.0
            k = 0
            while k < max_iter:
                zr2, zi2 = zr * zr, zi * zi
                if zr2 + zi2 > 4.0:
                    break
                zi = 2.0 * zr * zi + ci
                zr = zr2 - zi2 + cr
                k += 1
            if k == max_iter:
                inside += 1
            iters += k
    return inside * 10000000 + iters % 10000000


def scale_n(n, factor):
    return max(2, round(n * math.sqrt(factor)))
