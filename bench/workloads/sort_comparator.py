"""sort_comparator: list.sort with key functions on records and numbers."""

N = 20000


def lcg(seed):
    return seed * 16807 % 2147483647


def run(n):
    records = []
    seed = 42
    for i in range(1, n + 1):
        seed = lcg(seed)
        records.append({"key": seed % 1000, "id": i, "name": "r" + str(seed % 97)})
    records.sort(key=lambda r: (r["key"], r["id"]))
    checksum = 0
    for r in records:
        checksum = (checksum * 31 + r["id"]) % 1000000007

    nums = []
    for _ in range(n):
        seed = lcg(seed)
        nums.append(seed % 100000)
    nums.sort(reverse=True)
    for i in range(0, n, 7):
        checksum = (checksum + nums[i] * (i + 1)) % 1000000007

    names = [f"{r['name']}-{r['id']}" for r in records]
    names.sort(key=lambda s: (len(s), s))
    return f"{checksum}:{names[0]}:{names[-1]}"
