"""json: a small hand-written JSON encoder/decoder (objects are encoded with
sorted keys). Numbers are integers only."""
import re

N = 1500

ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t"}
UNESCAPES = {'"': '"', "\\": "\\", "/": "/", "n": "\n", "t": "\t"}
ESCAPE_RE = re.compile(r'["\\\n\t]')
SPECIAL_RE = re.compile(r'["\\]')
WS_RE = re.compile(r"[ \t\r\n]*")
INT_RE = re.compile(r"-?[0-9]+")


def encode_string(s):
    return '"' + ESCAPE_RE.sub(lambda m: ESCAPES[m.group()], s) + '"'


def encode_value(v, out):
    if isinstance(v, dict):
        out.append("{")
        for i, k in enumerate(sorted(v)):
            if i:
                out.append(",")
            out.append(encode_string(k))
            out.append(":")
            encode_value(v[k], out)
        out.append("}")
    elif isinstance(v, list):
        out.append("[")
        for i, x in enumerate(v):
            if i:
                out.append(",")
            encode_value(x, out)
        out.append("]")
    elif isinstance(v, str):
        out.append(encode_string(v))
    elif isinstance(v, bool):
        out.append("true" if v else "false")
    elif isinstance(v, int):
        out.append(str(v))
    else:
        raise TypeError(f"cannot encode {type(v).__name__}")


def encode(v):
    out = []
    encode_value(v, out)
    return "".join(out)


def skip_ws(s, i):
    return WS_RE.match(s, i).end()


def decode_string(s, i):
    # s[i] == '"'
    parts = []
    i += 1
    while True:
        m = SPECIAL_RE.search(s, i)
        if m is None:
            raise ValueError("unterminated string")
        j = m.start()
        if j > i:
            parts.append(s[i:j])
        if s[j] == '"':
            return "".join(parts), j + 1
        esc = s[j + 1]
        parts.append(UNESCAPES[esc])
        i = j + 2


def decode_value(s, i):
    i = skip_ws(s, i)
    c = s[i]
    if c == "{":
        obj = {}
        i = skip_ws(s, i + 1)
        if s[i] == "}":
            return obj, i + 1
        while True:
            key, i = decode_string(s, skip_ws(s, i))
            i = skip_ws(s, i)
            if s[i] != ":":
                raise ValueError(f"expected ':' at {i}")
            obj[key], i = decode_value(s, i + 1)
            i = skip_ws(s, i)
            c = s[i]
            if c == "}":
                return obj, i + 1
            if c != ",":
                raise ValueError(f"expected ',' or '}}' at {i}")
            i += 1
    elif c == "[":
        arr = []
        i = skip_ws(s, i + 1)
        if s[i] == "]":
            return arr, i + 1
        while True:
            v, i = decode_value(s, i)
            arr.append(v)
            i = skip_ws(s, i)
            c = s[i]
            if c == "]":
                return arr, i + 1
            if c != ",":
                raise ValueError(f"expected ',' or ']' at {i}")
            i += 1
    elif c == '"':
        return decode_string(s, i)
    elif s.startswith("true", i):
        return True, i + 4
    elif s.startswith("false", i):
        return False, i + 5
    else:
        m = INT_RE.match(s, i)
        if m is None:
            raise ValueError(f"unexpected character at {i}")
        return int(m.group()), m.end()


def decode(s):
    v, _ = decode_value(s, 0)
    return v


def make_document(n):
    items = []
    for i in range(1, n + 1):
        items.append({
            "id": i,
            "name": f"user{i}",
            "active": i % 3 == 0,
            "score": (i * 7919) % 10007 - 5000,
            "tags": [f"t{i % 5}", f"group{i % 11}", "x"],
            "note": f'said "hi"\n\tback\\slash {i}',
            "pos": {"x": i % 17, "y": i % 23, "z": 0 - i % 5},
        })
    return {"version": 1, "kind": "bench", "items": items}


def run(n):
    text = encode(make_document(n))
    doc = decode(text)
    total = 0
    for it in doc["items"]:
        total += it["id"] + it["score"] + it["pos"]["x"] * it["pos"]["y"] + len(it["note"]) + len(it["tags"])
        if it["active"]:
            total += 1
    again = encode(doc)
    same = again == text
    return f"{len(text)}:{total}:{str(same).lower()}:{text[:80]}"
