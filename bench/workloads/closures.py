"""closures: creating and calling closures, counters with shared nonlocals."""

N = 40000


def make_counter(step):
    count = 0

    def counter():
        nonlocal count
        count += step
        return count

    return counter


def make_pair():
    value = 0

    def inc(d):
        nonlocal value
        value += d

    def get():
        return value

    return inc, get


def compose(f, g):
    def h(x):
        return f(g(x))

    return h


def apply_n(f, k, x):
    for _ in range(k):
        x = f(x)
    return x


def run(n):
    total = 0
    inc, get = make_pair()
    for i in range(1, n + 1):
        c = make_counter(i % 5 + 1)
        c()
        c()
        total += c()
        add = lambda x: x + i
        dbl = lambda x: x * 2
        h = compose(add, dbl)
        total += h(i % 100)
        total += apply_n(lambda x: (x * 3 + i) % 1009, 5, i)
        inc(i % 7)
        total = (total + get()) % 1000000007
    return total
