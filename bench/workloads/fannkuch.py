"""fannkuch: pancake flips over all permutations (integer lists).

Returns checksum * 1000 + maxflips.
"""

N = 8


def run(n):
    perm1 = list(range(n))
    perm = [0] * n
    count = [0] * n
    maxflips = checksum = permcount = 0
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1

        perm[:] = perm1
        flips = 0
        k = perm[0]
        while k != 0:
            lo, hi = 0, k
            while lo < hi:
                perm[lo], perm[hi] = perm[hi], perm[lo]
                lo += 1
                hi -= 1
            flips += 1
            k = perm[0]
        if flips > maxflips:
            maxflips = flips
        if permcount % 2 == 0:
            checksum += flips
        else:
            checksum -= flips

        # advance to the next permutation
        while True:
            if r == n:
                return checksum * 1000 + maxflips
            first = perm1[0]
            for i in range(r):
                perm1[i] = perm1[i + 1]
            perm1[r] = first
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1
        permcount += 1


def scale_n(n, factor):
    # work grows roughly by a factor of n per step
    import math
    return max(3, n + round(math.log(factor) / math.log(n + 1)))
