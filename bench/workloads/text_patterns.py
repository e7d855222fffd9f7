"""text_patterns: regular expressions over generated text
(finditer, sub, str.find, match) mirroring the Lua patterns."""
import re

N = 3000

WORDS = [
    "alpha", "beta", "gamma", "delta", "lorem", "ipsum", "dolor", "sit", "amet",
    "x", "key", "value", "mani", "lua", "python", "pattern",
]

WORD_RE = re.compile(r"[A-Za-z]+")
KV_RE = re.compile(r"([A-Za-z]+)=([0-9]+)")
DIGITS_RE = re.compile(r"[0-9]+")
SWAP_RE = re.compile(r"([A-Za-z]+)=([^\s]+)")
FIRST_RE = re.compile(r"line ([0-9]+): ([A-Za-z]+)")


def make_text(lines):
    out = []
    seed = 7
    for i in range(1, lines + 1):
        parts = []
        for _ in range(12):
            seed = seed * 16807 % 2147483647
            w = WORDS[seed % len(WORDS)]
            if seed % 5 == 0:
                parts.append(f"{w}={seed % 1000}")
            else:
                parts.append(w)
        out.append(f"line {i}: {' '.join(parts)}.")
    return "\n".join(out)


def run(n):
    text = make_text(n)

    words = 0
    for _ in WORD_RE.finditer(text):
        words += 1

    kvsum = 0
    for m in KV_RE.finditer(text):
        kvsum += len(m.group(1)) * int(m.group(2))

    replaced, nrep = DIGITS_RE.subn(lambda m: f"<{len(m.group())}>", text)
    swapped, nswap = SWAP_RE.subn(r"\2:\1", replaced)

    found = 0
    pos = 0
    while True:
        s = text.find("mani", pos)
        if s < 0:
            break
        found += 1
        pos = s + 4
    first_line = FIRST_RE.match(text).group(1)
    upper = swapped[:40].upper()

    return f"{words}:{kvsum}:{nrep}:{nswap}:{found}:{len(swapped)}:{first_line}:{upper}"
