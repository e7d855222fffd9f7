"""coroutine_pingpong: values passed back and forth with generator send/yield,
plus a generator pipeline."""

N = 200000


def pinger():
    total = 0
    v = yield
    while v:
        total += v
        v = yield v * 2 % 1009
    return total


def numbers(limit):
    for i in range(1, limit + 1):
        yield i


def evens(gen):
    for v in gen:
        if v % 2 == 0:
            yield v


def run(n):
    co = pinger()
    next(co)
    acc = 0
    for i in range(1, n + 1):
        r = co.send(i + acc % 7)
        acc += r
    try:
        co.send(None)
    except StopIteration as stop:
        total = stop.value
    s = 0
    for v in evens(numbers(n)):
        s += v
    return acc * 1000 + total % 1000 + s
