"""string_concat: building strings with + and f-strings."""

N = 20000


def run(n):
    total = 0
    last = ""
    for i in range(1, n + 1):
        s = ""
        for j in range(1, 21):
            s += f"{j},"
        s = f"<{s}{i}>"
        label = f"item-{i % 97}-x"
        total += len(s) + len(label)
        last = s
    return f"{total}|{last}"
