"""Lua 5.4 patterns on byte strings, plus the argument helpers of the string
library.

A pattern is compiled once (cached) into a list of *ops*, one per pattern
item, mirroring the order in which Lua's recursive matcher (lstrlib.c's
``match``) walks the pattern. Lua reports malformed patterns lazily, only
when the matcher reaches the bad item (``string.find("", "a[")`` is nil, not
an error), so a malformed item compiles to an ``ERR`` op that raises when it
is reached. Capture bookkeeping is static (which ``(`` a ``)`` closes, whether
``%1`` refers to a closed capture), so those errors are ``ERR`` ops too.

Two matchers:

* ``_match`` -- an iterative backtracking matcher with an explicit stack of
  pending alternatives. Each stack entry stands for one level of the C
  matcher's recursion, so the "pattern too complex" limit (200 nested calls,
  MAXCCALLS) triggers exactly where Lua's does, and no Python recursion is
  involved. It counts steps and charges them to the State's meter every few
  thousand steps, so a pathological pattern stops on the budget.
* a translation to Python's ``re`` (``Compiled.rx``), used only when it is
  exactly equivalent *and* its worst case is linear in the subject (see
  ``_analyse``): ``re`` cannot be interrupted, so a pattern whose backtracking
  could blow up always goes to ``_match``. Lua quantifiers apply to single
  character classes and backtrack in the same order as a regex engine, so
  the translation itself is mechanical; the analysis proves which greedy
  quantifiers can never give characters back (emitted possessive) and that
  the failing attempts of an unanchored search do not rescan the subject.
"""

from __future__ import annotations

import re
from typing import Any, Optional

from ..runtime.context import charge
from ..runtime.ops import OpError
from . import args as _args
from .base import lib_error

MAXCAPTURES = 32
MAXCCALLS = 200
CAP_UNFINISHED = -1
CAP_POSITION = -2
CHARGE_EVERY = 4096  # matcher steps between two charges

# ------------------------------------------------------------ argument helpers


def bad_arg(n: int, fname: str, msg: str) -> OpError:
    return _args.arg_error(n, "string." + fname, msg)


def _type_err(n: int, fname: str, expected: str, args: tuple) -> OpError:
    return _args.type_error(args, n, "string." + fname, expected)


def check_str(args: tuple, n: int, fname: str) -> bytes:
    """``luaL_checklstring``: a string, or a number converted to one."""
    if len(args) >= n and args[n - 1].__class__ is bytes:
        return args[n - 1]  # the common case, without building the name
    return _args.check_string(args, n, "string." + fname)


def opt_str(args: tuple, n: int, fname: str, default: bytes) -> bytes:
    if len(args) < n or args[n - 1] is None:
        return default
    return check_str(args, n, fname)


def check_int(args: tuple, n: int, fname: str) -> int:
    """``luaL_checkinteger``."""
    return _args.check_integer(args, n, "string." + fname)


def opt_int(args: tuple, n: int, fname: str, default: int) -> int:
    if len(args) < n or args[n - 1] is None:
        return default
    return check_int(args, n, fname)


def check_num(args: tuple, n: int, fname: str) -> Any:
    """``luaL_checknumber``: an int or float (numeric strings converted)."""
    if len(args) >= n and ((c := args[n - 1].__class__) is int or c is float):
        return args[n - 1]  # the common case, without building the name
    return _args.check_number(args, n, "string." + fname)


def posrelat_start(pos: int, length: int) -> int:
    """``posrelatI``: a 1-based start position (negative counts from the end)."""
    if pos > 0:
        return pos
    if pos == 0:
        return 1
    if pos < -length:
        return 1
    return length + pos + 1


def end_pos(pos: int, length: int) -> int:
    """``getendpos``: a 1-based end position clipped to [0, length]."""
    if pos > length:
        return length
    if pos >= 0:
        return pos
    if pos < -length:
        return 0
    return length + pos + 1


# ------------------------------------------------------------ character classes

_ALL = bytes([1]) * 256


def _ctype(pred) -> bytes:
    return bytes(1 if pred(c) else 0 for c in range(256))


_ISALPHA = _ctype(lambda c: 65 <= c <= 90 or 97 <= c <= 122)
_ISDIGIT = _ctype(lambda c: 48 <= c <= 57)
_ISLOWER = _ctype(lambda c: 97 <= c <= 122)
_ISUPPER = _ctype(lambda c: 65 <= c <= 90)
_ISSPACE = _ctype(lambda c: 9 <= c <= 13 or c == 32)
_ISCNTRL = _ctype(lambda c: c < 32 or c == 127)
_ISPUNCT = _ctype(lambda c: 33 <= c <= 47 or 58 <= c <= 64 or 91 <= c <= 96 or 123 <= c <= 126)
_ISALNUM = _ctype(lambda c: _ISALPHA[c] or _ISDIGIT[c])
_ISXDIGIT = _ctype(lambda c: 48 <= c <= 57 or 65 <= c <= 70 or 97 <= c <= 102)
_ISGRAPH = _ctype(lambda c: 33 <= c <= 126)

_CLASSES = {
    ord("a"): _ISALPHA, ord("c"): _ISCNTRL, ord("d"): _ISDIGIT, ord("g"): _ISGRAPH,
    ord("l"): _ISLOWER, ord("p"): _ISPUNCT, ord("s"): _ISSPACE, ord("u"): _ISUPPER,
    ord("w"): _ISALNUM, ord("x"): _ISXDIGIT,
    ord("z"): _ctype(lambda c: c == 0),  # deprecated, still in 5.4
}


def _complement(t: bytes) -> bytes:
    return bytes(1 - b for b in t)


_CLASS_TABLES: dict = {}
for _cl in range(256):
    _low = _cl + 32 if 65 <= _cl <= 90 else _cl
    _t = _CLASSES.get(_low)
    if _t is None:
        _t = bytes(1 if c == _cl else 0 for c in range(256))
    elif _cl != _low:
        _t = _complement(_t)
    _CLASS_TABLES[_cl] = _t
del _cl, _low, _t


def _bracket_table(pat: bytes, p: int, ec: int) -> bytes:
    """Membership table of the set ``pat[p:ec+1]`` (``p`` at '[', ``ec`` at
    its ']'), evaluating Lua's ``matchbracketclass`` for every byte."""
    out = bytearray(256)
    sig = 1
    if pat[p + 1] == 94:  # '^'
        sig = 0
        p += 1
    items = []  # ('c', table) | ('r', lo, hi) | ('b', byte)
    while True:
        p += 1
        if p >= ec:
            break
        ch = pat[p]
        if ch == 37:  # '%'
            p += 1
            items.append(_CLASS_TABLES[pat[p]])
        elif p + 1 < len(pat) and pat[p + 1] == 45 and p + 2 < ec:  # range a-z
            p += 2
            items.append((ch, pat[p]))
        else:
            items.append(ch)
    for c in range(256):
        hit = False
        for it in items:
            if it.__class__ is int:
                if it == c:
                    hit = True
                    break
            elif it.__class__ is tuple:
                if it[0] <= c <= it[1]:
                    hit = True
                    break
            elif it[c]:
                hit = True
                break
        out[c] = sig if hit else 1 - sig
    return bytes(out)


# ------------------------------------------------------------------ compiling

# op kinds
END, SINGLE, OPT, STAR, PLUS, LAZY, OPEN, CLOSE, EOS, BAL, FRONT, BREF, ERR = range(13)
_QUANT = {63: OPT, 42: STAR, 43: PLUS, 45: LAZY}  # ? * + -


class _PatternError(Exception):
    pass


def _class_end(pat: bytes, p: int) -> int:
    n = len(pat)
    c = pat[p]
    p += 1
    if c == 37:  # '%'
        if p >= n:
            raise _PatternError("malformed pattern (ends with '%')")
        return p + 1
    if c == 91:  # '['
        if p < n and pat[p] == 94:
            p += 1
        while True:  # look for a ']'
            if p >= n:
                raise _PatternError("malformed pattern (missing ']')")
            cc = pat[p]
            p += 1
            if cc == 37 and p < n:
                p += 1  # skip escapes (e.g. '%]')
            if p < n and pat[p] == 93:
                break
        return p + 1
    return p


_LIT_TABLES = [bytes(1 if x == c else 0 for x in range(256)) for c in range(256)]
_bracket_cache: dict = {}
_LIT_SET = frozenset(_LIT_TABLES)


def _single_table(pat: bytes, p: int, ep: int) -> bytes:
    c = pat[p]
    if c == 46:  # '.'
        return _ALL
    if c == 37:
        return _CLASS_TABLES[pat[p + 1]]
    if c == 91:
        key = pat[p:ep]
        t = _bracket_cache.get(key)
        if t is None:
            t = _bracket_table(pat, p, ep - 1)
            if len(_bracket_cache) < 4096:
                _bracket_cache[key] = t
        return t
    return _LIT_TABLES[c]


class Compiled:
    """A compiled pattern. ``ops`` drive ``_match``; ``rx`` (or None) is the
    equivalent Python regex, ``rx_lb`` its variant used after the first
    attempt of an unanchored search (see ``_analyse``)."""

    __slots__ = (
        "ops", "anchored", "ncap", "poscaps", "closed", "first", "rx", "rx_lb",
        "literal", "items", "nonempty", "plain", "term", "term_rx", "quick",
    )

    def __init__(self) -> None:
        self.ops: list = []
        self.anchored = False
        self.ncap = 0
        self.poscaps: tuple = ()  # indexes of position captures
        self.closed: tuple = ()  # per capture: closed at the end of the pattern?
        self.first: Any = None  # regex finding candidate starts (slow path)
        self.rx: Any = None
        self.rx_lb: Any = None
        self.literal: Optional[bytes] = None  # pattern is this plain string
        self.items = 0
        self.nonempty = False  # every match consumes at least one byte
        self.plain = False  # no special characters: find may use bytes.find
        self.term: Any = None  # "...%.-T" patterns: table of T (see _analyse)
        self.term_rx: Any = None  # finds the last T of a subject
        # find/match's first match from a position in one call (rx.match
        # or rx.search) when nothing else is needed: an rx without rx_lb or
        # term, and not plain (find uses bytes.find for those)
        self.quick: Any = None


_cache: dict = {}  # pattern -> Compiled (a leading '^' anchors)
_cache_gm: dict = {}  # same for gmatch ('^' is an ordinary character)


def compile_pattern(pat: bytes) -> Compiled:
    """The compiled form of ``pat`` (cached)."""
    return _cached(pat, True, _cache)


def compile_gmatch(pat: bytes) -> Compiled:
    """``compile_pattern`` for gmatch, where '^' does not anchor."""
    return _cached(pat, False, _cache_gm)


def _cached(pat: bytes, anchoring: bool, cache: dict) -> Compiled:
    # The cache is shared by every State; the charge is made whether it hits
    # or not, so a run's cost never depends on what ran before it.
    charge(1 + (len(pat) >> 2))
    c = cache.get(pat)
    if c is None:
        c = _compile(pat, anchoring)
        if len(cache) >= 2048:
            cache.clear()
        cache[pat] = c
    return c


def rx_find(comp: Compiled, S: bytes, pos: int, endpos: int = -1) -> Any:
    """Regex path: the first match at or after ``pos`` (only at ``pos`` when
    anchored), as a ``re.Match``, or None. The caller charges. ``endpos``
    (from ``rx_endpos``) bounds the search for patterns ending ``.-T``."""
    rx = comp.rx
    if comp.term is not None:
        if endpos < 0:
            endpos = rx_endpos(comp, S)
        return rx.search(S, pos, endpos) if pos < endpos else None
    if comp.anchored:
        return rx.match(S, pos)
    lb = comp.rx_lb
    if lb is not None:
        m = rx.match(S, pos)
        if m is None and pos < len(S):
            m = lb.search(S, pos + 1)
        return m
    return rx.search(S, pos)


def rx_endpos(comp: Compiled, S: bytes) -> int:
    """For a pattern ending ``.-T``: just after the last T of ``S`` (no match
    can end later), 0 when there is none. Scans back from the end, so it
    costs in proportion to the tail after the last T (charged)."""
    n = len(S)
    t = comp.term
    if sum(t) == 1:
        e = S.rfind(t.index(1)) + 1
    else:
        k = 256
        while True:
            start = n - k if n > k else 0
            m = comp.term_rx.match(S, start)
            if m is not None:
                e = m.end()
                break
            if start == 0:
                e = 0
                break
            k *= 4
    charge(1 + ((n - e) >> 6))
    return e


def rx_captures(comp: Compiled, m: Any) -> tuple:
    """The captures of a regex match (the pattern has some)."""
    g = m.groups()
    if comp.poscaps:
        g = list(g)
        for l in comp.poscaps:
            g[l] = m.start(l + 1) + 1
        return tuple(g)
    return g


def _compile(pat: bytes, anchor_ok: bool) -> Compiled:
    comp = Compiled()
    p = 0
    if anchor_ok and pat[:1] == b"^":
        comp.anchored = True
        p = 1
    n = len(pat)
    ops = comp.ops
    caps: list = []  # per capture: [is_position, closed]
    try:
        while True:
            if p >= n:
                ops.append((END,))
                break
            ch = pat[p]
            if ch == 40:  # '('
                if len(caps) >= MAXCAPTURES:
                    raise _PatternError("too many captures")
                if p + 1 < n and pat[p + 1] == 41:
                    ops.append((OPEN, len(caps), True))
                    caps.append([True, True])
                    p += 2
                else:
                    ops.append((OPEN, len(caps), False))
                    caps.append([False, False])
                    p += 1
                continue
            if ch == 41:  # ')'
                for l in range(len(caps) - 1, -1, -1):
                    if not caps[l][0] and not caps[l][1]:
                        break
                else:
                    raise _PatternError("invalid pattern capture")
                caps[l][1] = True
                ops.append((CLOSE, l))
                p += 1
                continue
            if ch == 36 and p + 1 == n:  # '$' at the end
                ops.append((EOS,))
                p += 1
                continue
            if ch == 37 and p + 1 < n:  # '%'
                nx = pat[p + 1]
                if nx == 98:  # %b
                    if p + 2 >= n - 1:
                        raise _PatternError("malformed pattern (missing arguments to '%b')")
                    ops.append((BAL, pat[p + 2], pat[p + 3]))
                    p += 4
                    continue
                if nx == 102:  # %f
                    p += 2
                    if p >= n or pat[p] != 91:
                        raise _PatternError("missing '[' after '%f' in pattern")
                    ep = _class_end(pat, p)
                    ops.append((FRONT, _bracket_table(pat, p, ep - 1)))
                    p = ep
                    continue
                if 48 <= nx <= 57:  # back reference
                    l = nx - 49
                    if l < 0 or l >= len(caps) or (not caps[l][0] and not caps[l][1]):
                        raise _PatternError(f"invalid capture index %{l + 1}")
                    ops.append((BREF, l))
                    p += 2
                    continue
            ep = _class_end(pat, p)
            tbl = _single_table(pat, p, ep)
            q = _QUANT.get(pat[ep]) if ep < n else None
            if q is None:
                ops.append((SINGLE, tbl))
                p = ep
            else:
                ops.append((q, tbl, _run_re(tbl)))
                p = ep + 1
    except _PatternError as e:
        ops.append((ERR, str(e)))
    comp.ncap = len(caps)
    comp.poscaps = tuple(i for i, c in enumerate(caps) if c[0])
    comp.closed = tuple(c[1] for c in caps)
    comp.items = len(ops)
    comp.plain = no_specials(pat)
    comp.nonempty = any(o[0] in (SINGLE, PLUS) for o in ops) and ops[-1][0] != ERR
    if not comp.anchored:
        # the first byte-consuming item (after zero-width captures): a
        # match can only start where it matches, so the slow path skips the
        # other positions (where Lua's matcher fails at once, harmlessly)
        k = 0
        while ops[k][0] == OPEN:
            k += 1
        if ops[k][0] in (SINGLE, PLUS):
            comp.first = re.compile(_re_class(ops[k][1]))
    if ops[-1][0] == END and all(o[0] == SINGLE and o[1] in _LIT_SET for o in ops[:-1]):
        comp.literal = bytes(o[1].index(1) for o in ops[:-1])
    _analyse(comp)
    rx = comp.rx
    if rx is not None and comp.rx_lb is None and comp.term is None and not comp.plain:
        comp.quick = rx.match if comp.anchored else rx.search
    return comp


_run_cache: dict = {}


def _run_re(tbl: bytes) -> Any:
    r = _run_cache.get(tbl)
    if r is None:
        r = _run_cache[tbl] = re.compile(_re_class(tbl) + b"*")
    return r


def _re_class(tbl: bytes) -> bytes:
    """A regex matching one byte of the table."""
    members = [c for c in range(256) if tbl[c]]
    if not members:
        return b"(?!)"
    if len(members) == 1:
        return b"\\x%02x" % members[0]
    if len(members) == 256:
        return b"[\\x00-\\xff]"
    out = [b"["]
    i = 0
    while i < len(members):
        j = i
        while j + 1 < len(members) and members[j + 1] == members[j] + 1:
            j += 1
        if j == i:
            out.append(b"\\x%02x" % members[i])
        else:
            out.append(b"\\x%02x-\\x%02x" % (members[i], members[j]))
        i = j + 1
    out.append(b"]")
    return b"".join(out)


# ---------------------------------------------------------- regex translation


_mask_cache: dict = {}


def _mask(tbl: bytes) -> int:
    """The set of a table as an int bitmask (bit c for byte c)."""
    m = _mask_cache.get(tbl)
    if m is None:
        m = 0
        for c in range(256):
            if tbl[c]:
                m |= 1 << c
        if len(_mask_cache) < 4096:
            _mask_cache[tbl] = m
    return m


RUNS = (STAR, PLUS, LAZY)
ALL_MASK = (1 << 256) - 1


def _analyse(comp: Compiled) -> None:
    """Decide whether the pattern may run on ``re`` and translate it.

    Atoms are the non-capture ops. For a quantified class X, FIRST is the
    union of the classes the rest of the pattern could consume first (up to
    the first non-nullable atom; frontier sets count too). When X and FIRST
    are disjoint the quantifier can never usefully give back (or, for '-',
    take more) characters, so it behaves like a possessive ``X*+``: its
    walk is deterministic.

    Linear worst case:
    * anchored: one attempt; deterministic quantifiers anywhere; at most one
      backtracking '*', '+' or '-', followed only by fixed-width atoms;
    * unanchored: no backtracking '*', '+', '-'. A deterministic run X must
      start at the beginning of an X-run in every attempt, so that failing
      attempts never rescan: it is the first atom (the search then skips
      positions preceded by an X byte: attempts there end where the attempt
      at the run start did, ``rx_lb``), or it is the last atom (walked only
      by the successful attempt), or the atom before it is a non-optional
      class disjoint from X (or a frontier whose set contains X).
    In both, at most 3 '?' atoms (each may double the attempts reaching the
    rest of the pattern) and no backtracking '?' before a run.

    One more unanchored shape: fixed atoms, then '.-' (or '.*', '.+'), then
    one class T, e.g. ``"(.-)"``. An attempt fails only when no T follows
    it, so searching only up to the last T of the subject (``rx_endpos``)
    leaves failing attempts a bounded walk.
    """
    ops = comp.ops
    if any(o[0] in (ERR, BREF, BAL) for o in ops) or not all(comp.closed):
        return
    atoms = [o for o in ops if o[0] in (SINGLE, OPT, STAR, PLUS, LAZY, FRONT, EOS)]
    if sum(1 for a in atoms if a[0] == OPT) > 3:
        return
    na = len(atoms)
    masks = [_mask(a[1]) if a[0] != EOS else 0 for a in atoms]
    # right-to-left: FIRST of each suffix, whether it can end the pattern
    # consuming nothing, whether a frontier or '$' lies on that way
    first = [0] * (na + 1)
    reach = [True] * (na + 1)
    block = [False] * (na + 1)
    run_after = [False] * (na + 1)
    for j in range(na - 1, -1, -1):
        k = atoms[j][0]
        run_after[j] = run_after[j + 1] or k in RUNS
        if k == EOS:
            first[j], reach[j], block[j] = first[j + 1], reach[j + 1], True
        elif k == FRONT:
            first[j], reach[j], block[j] = masks[j] | first[j + 1], reach[j + 1], True
        elif k == SINGLE or k == PLUS:
            first[j], reach[j], block[j] = masks[j], False, False
        else:
            first[j], reach[j], block[j] = masks[j] | first[j + 1], reach[j + 1], block[j + 1]
    det = [False] * na  # quantifier proven deterministic
    for i in range(na):
        k = atoms[i][0]
        if k in (OPT, STAR, PLUS, LAZY):
            disj = not (masks[i] & first[i + 1])
            if k == LAZY:
                det[i] = disj and not (reach[i + 1] and not block[i + 1])
            else:
                det[i] = disj
    lookbehind = None
    term = None
    if (
        not comp.anchored
        and na >= 2
        and atoms[-1][0] == SINGLE
        and atoms[-2][0] in RUNS
        and not det[na - 2]
        and masks[na - 2] == ALL_MASK
        and all(a[0] in (SINGLE, FRONT) or (a[0] == OPT and det[i]) for i, a in enumerate(atoms[:-2]))
    ):
        # "<fixed prefix>.-T" (or ".*T", ".+T"): an attempt succeeds at the
        # first (or last) T after it, so searching only up to the last T
        # in the subject (``endpos``) makes failing attempts short
        term = atoms[-1][1]
    elif comp.anchored:
        seen_bt = False
        for i in range(na):
            k = atoms[i][0]
            if k in RUNS:
                if seen_bt:
                    return
                if not det[i]:
                    seen_bt = True
            elif k == OPT and not det[i] and run_after[i + 1]:
                return
    else:
        for i in range(na):
            k = atoms[i][0]
            if k == OPT:
                if not det[i] and run_after[i + 1]:
                    return
                continue
            if k not in RUNS:
                continue
            if not det[i]:
                return
            if i == 0:
                if not (reach[1] and not block[1]):
                    lookbehind = atoms[0][1]
                continue
            if i == na - 1:
                continue
            pk = atoms[i - 1][0]
            if (pk == SINGLE or pk == PLUS) and not (masks[i - 1] & masks[i]):
                continue
            if pk == FRONT and not (masks[i] & ~masks[i - 1]):
                continue
            return
    # translate
    parts = []
    ai = 0
    for o in ops:
        k = o[0]
        if k == OPEN:
            parts.append(b"()" if o[2] else b"(")
            continue
        if k == CLOSE:
            if not comp.closed[o[1]] or o[1] in comp.poscaps:
                continue
            parts.append(b")")
            continue
        if k == END:
            break
        if k == EOS:
            parts.append(b"\\Z")
            ai += 1
            continue
        if k == FRONT:
            t = o[1]
            cls = _re_class(t)
            if t[0]:
                # '\0' is in the set: Lua sees '\0' before the subject (so
                # the frontier never holds at the start) and after it
                parts.append(b"(?<=" + _re_class(_complement(t)) + b")(?=" + cls + b"|\\Z)")
            else:
                parts.append(b"(?<!" + cls + b")(?=" + cls + b")")
            ai += 1
            continue
        cls = _re_class(o[1])
        d = det[ai]
        if k == SINGLE:
            parts.append(cls)
        elif k == OPT:
            parts.append(cls + (b"?+" if d else b"?"))
        elif k == STAR:
            parts.append(cls + (b"*+" if d else b"*"))
        elif k == PLUS:
            parts.append(cls + (b"++" if d else b"+"))
        else:  # LAZY
            parts.append(cls + (b"*+" if d else b"*?"))
        ai += 1
    src = b"".join(parts)
    try:
        comp.rx = re.compile(src)
        if term is not None:
            comp.term = term
            comp.term_rx = re.compile(b"[\\x00-\\xff]*" + _re_class(term))
        if lookbehind is not None:
            comp.rx_lb = re.compile(b"(?<!" + _re_class(lookbehind) + b")" + src)
    except re.error:  # pragma: no cover - translation is always valid
        comp.rx = comp.rx_lb = None


# ---------------------------------------------------------------- the matcher


class MatchState:
    """Per-search state of the slow matcher (compiled patterns are shared
    between threads, so nothing per-search lives in ``Compiled``)."""

    __slots__ = ("S", "n", "ops", "ci", "cl", "steps")

    def __init__(self, S: bytes, ops: list) -> None:
        self.S = S
        self.n = len(S)
        self.ops = ops
        self.ci = [0] * MAXCAPTURES
        self.cl = [0] * MAXCAPTURES
        self.steps = 0


F_MARK, F_OPT, F_MAX, F_MIN = range(4)


def _too_complex() -> OpError:
    return lib_error("pattern too complex")


def _match(ms: MatchState, s: int) -> int:
    """Match the pattern at ``s``; the end of the match or -1."""
    S = ms.S
    n = ms.n
    ops = ms.ops
    ci = ms.ci
    cl = ms.cl
    steps = ms.steps
    stack: list = []
    push = stack.append
    pop = stack.pop
    LIMIT = MAXCCALLS - 1
    i = 0
    try:
        while True:
            steps += 1
            if steps > CHARGE_EVERY:
                charge(steps)
                steps = 0
            op = ops[i]
            k = op[0]
            # ---- forward: every success path 'continue's; failures fall through
            if k == SINGLE:
                if s < n and op[1][S[s]]:
                    s += 1
                    i += 1
                    continue
            elif k == END:
                return s
            elif k == STAR or k == PLUS:
                tbl = op[1]
                if k == PLUS:
                    if not (s < n and tbl[S[s]]):
                        pass  # fail
                    else:
                        s += 1
                        k = STAR
                if k == STAR:
                    if len(stack) >= LIMIT:
                        raise _too_complex()
                    cnt = op[2].match(S, s).end() - s
                    steps += cnt >> 4
                    nop = ops[i + 1]
                    if nop[0] == SINGLE:
                        t2 = nop[1]
                        while cnt >= 0 and not (s + cnt < n and t2[S[s + cnt]]):
                            cnt -= 1
                            steps += 1
                        if cnt < 0:
                            cnt = None
                    elif nop[0] == END:
                        return s + cnt
                    if cnt is not None:
                        push((F_MAX, s, cnt, i + 1))
                        s += cnt
                        i += 1
                        continue
            elif k == OPEN:
                if len(stack) >= LIMIT:
                    raise _too_complex()
                l = op[1]
                ci[l] = s
                cl[l] = CAP_POSITION if op[2] else CAP_UNFINISHED
                push(None)
                i += 1
                continue
            elif k == CLOSE:
                if len(stack) >= LIMIT:
                    raise _too_complex()
                l = op[1]
                cl[l] = s - ci[l]
                push(None)
                i += 1
                continue
            elif k == OPT:
                if s < n and op[1][S[s]]:
                    if len(stack) >= LIMIT:
                        raise _too_complex()
                    push((F_OPT, s, i + 1))
                    s += 1
                i += 1
                continue
            elif k == LAZY:
                if len(stack) >= LIMIT:
                    raise _too_complex()
                push((F_MIN, s, i))
                i += 1
                continue
            elif k == EOS:
                if s == n:
                    return s
            elif k == FRONT:
                tbl = op[1]
                prev = S[s - 1] if s > 0 else 0
                cur = S[s] if s < n else 0
                if not tbl[prev] and tbl[cur]:
                    i += 1
                    continue
            elif k == BAL:
                if s < n and S[s] == op[1]:
                    b, e = op[1], op[2]
                    cont = 1
                    j = s + 1
                    found = -1
                    while j < n:
                        c = S[j]
                        if c == e:
                            cont -= 1
                            if cont == 0:
                                found = j + 1
                                break
                        elif c == b:
                            cont += 1
                        j += 1
                    steps += (j - s) >> 2
                    if found >= 0:
                        s = found
                        i += 1
                        continue
            elif k == BREF:
                l = op[1]
                ln = cl[l]
                if ln >= 0:
                    st = ci[l]
                    if S.startswith(S[st:st + ln], s):
                        s += ln
                        i += 1
                        continue
            elif k == ERR:
                raise lib_error(op[1])
            # ---- failure: resume the innermost pending alternative
            while True:
                if not stack:
                    return -1
                fr = pop()
                if fr is None:
                    continue
                t = fr[0]
                steps += 1
                if t == F_MAX:
                    base, cnt, inext = fr[1], fr[2] - 1, fr[3]
                    if cnt < 0:
                        continue
                    nop = ops[inext]
                    if nop[0] == SINGLE:
                        t2 = nop[1]
                        while cnt >= 0 and not (base + cnt < n and t2[S[base + cnt]]):
                            cnt -= 1
                            steps += 1
                        if cnt < 0:
                            continue
                    push((F_MAX, base, cnt, inext))
                    s = base + cnt
                    i = inext
                    break
                if t == F_OPT:
                    s = fr[1]
                    i = fr[2]
                    break
                # F_MIN
                s0 = fr[1]
                iop = fr[2]
                if s0 < n and ops[iop][1][S[s0]]:
                    s0 += 1
                    push((F_MIN, s0, iop))
                    s = s0
                    i = iop + 1
                    break
    finally:
        ms.steps = steps


# -------------------------------------------------------------- searching


class Search:
    """One search session over a subject: ``search(pos)`` finds the next
    match at or after ``pos`` (only at ``pos`` when anchored) and returns its
    start, or -1; ``end`` and ``captures()`` describe it then."""

    __slots__ = ("comp", "S", "n", "end", "m", "ms", "anchored", "endpos")

    def __init__(self, comp: Compiled, S: bytes) -> None:
        self.comp = comp
        self.S = S
        self.n = len(S)
        self.end = 0
        self.m: Any = None
        self.anchored = comp.anchored
        self.ms = MatchState(S, comp.ops) if comp.rx is None else None
        self.endpos = rx_endpos(comp, S) if comp.term is not None else -1

    def search(self, pos: int) -> int:
        comp = self.comp
        rx = comp.rx
        S = self.S
        if rx is not None:
            m = rx_find(comp, S, pos, self.endpos)
            if m is None:
                charge(1 + ((self.n - pos) * comp.items >> 7))
                return -1
            self.m = m
            e = self.end = m.end()
            charge(1 + ((e - pos) * comp.items >> 7))
            return m.start()
        ms = self.ms
        n = self.n
        first = comp.first
        s1 = pos
        try:
            while True:
                if first is not None:
                    fm = first.search(S, s1)
                    if fm is None:
                        # the first item needs a byte: no match can start later
                        ms.steps += (n - s1) >> 6
                        return -1
                    ms.steps += (fm.start() - s1) >> 6
                    s1 = fm.start()
                e = _match(ms, s1)
                if e >= 0:
                    self.end = e
                    return s1
                s1 += 1
                if self.anchored or s1 > n:
                    return -1
        finally:
            charge(ms.steps + 1)
            ms.steps = 0

    def captures(self, start: int, whole: bool) -> tuple:
        """The captures of the last match (``push_captures``): the whole match
        when the pattern has none and ``whole`` is set."""
        comp = self.comp
        ncap = comp.ncap
        if ncap == 0:
            return (self.S[start:self.end],) if whole else ()
        if comp.rx is not None:
            return rx_captures(comp, self.m)
        return tuple([self.capture(l, start) for l in range(ncap)])

    def capture(self, l: int, start: int) -> Any:
        """Capture ``l`` (0-based) of the last match; with no captures, index
        0 is the whole match (``get_onecapture``)."""
        comp = self.comp
        if l >= comp.ncap:
            if l != 0:
                raise lib_error(f"invalid capture index %{l + 1}")
            return self.S[start:self.end]
        if comp.rx is not None:
            m = self.m
            if l in comp.poscaps:
                return m.start(l + 1) + 1
            return m.group(l + 1)
        ms = self.ms
        ln = ms.cl[l]
        if ln == CAP_POSITION:
            return ms.ci[l] + 1
        if ln == CAP_UNFINISHED or not comp.closed[l]:
            raise lib_error("unfinished capture")
        st = ms.ci[l]
        return self.S[st:st + ln]

    def first_capture(self, start: int) -> Any:
        return self.capture(0, start)


SPECIALS = re.compile(rb"[\^$*+?.(\[%-]")


def no_specials(p: bytes) -> bool:
    return SPECIALS.search(p) is None
