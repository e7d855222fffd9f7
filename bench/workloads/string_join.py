"""string_join: building strings by collecting pieces and joining with str.join."""

N = 10000


def run(n):
    total = 0
    last = ""
    for i in range(1, n + 1):
        parts = []
        for j in range(1, 41):
            parts.append(f"item{i + j}")
        s = ",".join(parts)
        total += len(s)
        last = s
    return f"{total}|{last}"
