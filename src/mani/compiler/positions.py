"""Sites and source positions: how a runtime error finds its Lua operation.

A *site* is a Lua operation that can fail (index, call, arithmetic, compare,
concat, length, for). ``SiteMarks.site`` registers one in the current
function and ``mark`` wraps its Python text in control-character markers;
``finish`` strips the markers from the finished text, recording each site's
column span on its Python line, and writes every function's docstring: its
sites, their spans and a run-length map from Python lines to Lua lines.
``runtime/trace.py`` reads them back when an exception leaves generated code,
so error reporting costs nothing until an error happens.
"""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from .codegen import CodeGen


class SiteMarks:
    """Registers sites and marks their Python text (read back by ``finish``). (A mixin of ``codegen.CodeGen``.)"""

    def site(self, kind: str, line: int, *descs) -> int:
        self.last_site = sid = self.last_site + 1
        self.fn.sites[sid] = [kind, line, *descs]
        return sid

    def mark(self, sid: int, code: str) -> str:
        # control characters never occur in generated code otherwise (string
        # constants are written with repr); see finish()
        return f"\x01{sid}\x02{code}\x03"


def _strip_marks(text: str, pyline: int, spans_of: dict) -> str:
    """``text`` without its site markers (``\\x01<id>\\x02`` opens a site,
    ``\\x03`` closes the innermost open one); records each site's span.
    (Splitting on the marker characters runs at C speed; a regular
    expression scanning every line character by character took most of
    finish's time.)"""
    pieces = text.split("\x01")
    parts = [pieces[0]]
    col = len(pieces[0])  # column in the clean text
    stack = []  # (site id, start column) of the open sites
    for piece in pieces[1:]:
        j = piece.index("\x02")
        stack.append((int(piece[:j]), col))
        rest = piece[j + 1:]
        if "\x03" in rest:
            *closed, rest = rest.split("\x03")
            for seg in closed:  # each is followed by the end of a site
                parts.append(seg)
                col += len(seg)
                sid, start = stack.pop()
                spans_of[sid] = (pyline, start, col)
        parts.append(rest)
        col += len(rest)
    return "".join(parts)


def finish(gen: CodeGen) -> str:
    """Strip the site markers from the generated text and write each
    function's docstring: its sites, the column span of each site on its
    Python line, and a run-length map from Python lines to Lua lines. The
    error translator (runtime/trace.py) reads them back."""
    lines = gen.lines
    linemap = gen.linemap
    spans_of: dict = {}  # site id -> (pyline, start col, end col)
    clean = []
    for i, text in enumerate(lines):
        if "\x01" in text:
            text = _strip_marks(text, i + 1, spans_of)
        clean.append(text)
    # each function's body: its docstring line and every line after it that
    # is blank or indented at least as deeply (one pass, a stack of the
    # functions still open)
    bodies = []  # [docstring line, end line (exclusive)]
    open_ = []  # [indent width, body] of the functions still open, innermost last
    for i, text in enumerate(clean):
        s = text.lstrip(" ")
        if not s or s.isspace():
            continue
        width = len(text) - len(s)
        while open_ and width < open_[-1][0]:
            open_.pop()[1][1] = i
        if s[0] == "\x04":
            body = [i, len(clean)]
            bodies.append(body)
            open_.append((width, body))
    # the Python lines where the Lua line changes (a function's run-length
    # map is its first line plus those inside its body)
    changes = [ln for ln in range(1, len(linemap)) if linemap[ln] != linemap[ln - 1]]
    for first, end in bodies:
        text = clean[first]
        s = text.lstrip(" ")
        chunk, name, line, sites, outlined = gen.docs[int(s[1:])]
        indent = text[: len(text) - len(s)]
        # the def is on the line before: lines first - 1 .. end are the body
        runs = [[first, linemap[first - 1]]]
        runs += [[ln + 1, linemap[ln]] for ln in changes[bisect_right(changes, first - 1):bisect_left(changes, end)]]
        spans = {k: spans_of[k] for k in sites if k in spans_of}
        info = [chunk, name, line, sites, spans, runs]
        if outlined:  # a block of the Lua function, moved out (outline.py)
            info.append(outlined)
        clean[first] = indent + repr("\x00" + json.dumps(info, separators=(",", ":")))
    return "\n".join(clean) + "\n"
