"""The Lua 5.4 lexer.

``tokenize`` turns a whole chunk into parallel lists (token types, values,
lines) in one pass.  For speed, a compiled "master" regular expression is run
with ``findall`` over windows of whole lines (about 32 KiB): it yields the
text of every common token (names, numerals, short strings with escapes,
long strings and comments of levels 0-3, operators; blanks and short
comments are skipped), which the loop then classifies.  Everything else
(long brackets of higher levels, unfinished strings, characters that are no
token, malformed input ...) goes through ``_Reader``, a character by
character reader that follows the reference lexer (``llex.c``) exactly, so
that values and error messages match reference Lua.

Token types are plain strings: the text of an operator or reserved word
(``"+"``, ``"end"``, ``"..."``), or one of ``NAME``, ``NUMBER``, ``STRING``,
``EOF``.  A character that is no Lua token is its own type (one character);
no parser can get past it, so reading stops there (an ``EOF`` follows).  A
lexical error is not raised by ``tokenize``: it becomes a final ``ERROR``
token whose value is the ``LuaSyntaxError``; the parser raises it when it
reaches that token, which is when reference Lua (which lexes on demand)
would have seen the error.

Lines: ``\\n``, ``\\r``, ``\\r\\n`` and ``\\n\\r`` each count as one line.  The
source is normalised to ``\\n`` line ends first (this is invisible: Lua turns
every line end inside long strings and after ``\\`` escapes into ``\\n`` too).
Each token records the line where it *ends* (Lua's ``linenumber`` while that
token is the current one), which is what reference Lua uses both for error
messages and for line information.
"""

from __future__ import annotations

import re
from typing import Optional, Union

from ..errors import LuaSyntaxError

__all__ = [
    "NAME", "NUMBER", "STRING", "EOF", "ERROR", "KEYWORDS", "Tokens",
    "tokenize", "str2number", "token_text",
]

NAME = "<name>"
NUMBER = "<number>"
STRING = "<string>"
EOF = "<eof>"
ERROR = "<error>"

KEYWORDS = {
    k: k
    for k in (
        "and", "break", "do", "else", "elseif", "end", "false", "for",
        "function", "goto", "if", "in", "local", "nil", "not", "or", "repeat",
        "return", "then", "true", "until", "while",
    )
}

_OPERATORS = (
    "...", "..", "==", "~=", "<=", ">=", "<<", ">>", "//", "::",
    "+", "-", "*", "/", "%", "^", "#", "&", "~", "|", "<", ">", "=",
    "(", ")", "{", "}", "[", "]", ";", ":", ",", ".",
)
# canonical (interned) token type objects for the operators
_OPS = {op: op for op in _OPERATORS}
# texts whose token type is the text itself
_FIXED = {**_OPS, **KEYWORDS}

_MAXINT = (1 << 63) - 1
_MASK64 = (1 << 64) - 1

# --------------------------------------------------------------- numerals

_DEC_INT = re.compile(r"[0-9]+\Z")
_HEX_INT = re.compile(r"0[xX]([0-9a-fA-F]+)\Z")
_DEC_FLT = re.compile(r"(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?\Z")
_HEX_FLT = re.compile(r"0[xX](?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)(?:[pP][+-]?[0-9]+)?\Z")


def decimal_integer(digits: str) -> Union[int, float]:
    """The value of a decimal integer numeral (digits only, maybe a sign):
    an int when it fits in 64 bits, else a float, as Lua's l_str2int
    decides by value. Leading zeros do not count; Python's int() refuses
    very long digit strings, and more than 19 significant digits never fit."""
    sign = digits[:1] if digits[:1] in ("+", "-") else ""
    body = digits[len(sign):].lstrip("0")
    if len(body) <= 19:
        v = int(sign + (body or "0"))
        if -_MAXINT - 1 <= v <= _MAXINT:
            return v
    return float(digits)


def str2number(s: str) -> Optional[Union[int, float]]:
    """Convert the text of a Lua numeral (as the lexer reads it) to a number,
    or None when it is malformed.  Decimal integers that do not fit in 64
    bits become floats; hexadecimal integers wrap around modulo 2^64."""
    if _DEC_INT.match(s):
        return decimal_integer(s)
    m = _HEX_INT.match(s)
    if m:
        v = int(m.group(1), 16) & _MASK64
        return v - (1 << 64) if v > _MAXINT else v
    if _DEC_FLT.match(s):
        return float(s)
    if _HEX_FLT.match(s):
        try:
            return float.fromhex(s)
        except OverflowError:
            return float("inf")
    return None


# ------------------------------------------------------------- master regex

# One capturing group: ``findall`` returns the text of every token.  Blanks
# and short comments are skipped by the (atomic) prefix.  The alternatives
# only accept what reference Lua reads the same way; anything else (long
# brackets of level > 3, unfinished strings, odd characters ...) falls to
# the catch-all, which swallows the rest of the window and is then read by
# the exact character-level ``_Reader``.  ``\Z`` gives one empty text at the
# end of each window.
_TOKEN_BODY = r"""
      \n+                                             # line ends
    | [A-Za-z_][A-Za-z0-9_]*                          # name or reserved word
    | 0[xX](?:[pP][+-]?|[0-9a-fA-F.])*[A-Za-z_]?      # numeral, read greedily
    | (?:[0-9]|\.(?!0[xX])[0-9])(?:[eE][+-]?|[0-9a-fA-F.])*[A-Za-z_]?
    | "(?:[^"\\\n]++|\\z\s*+|\\(?s:.))*+"             # short strings
    | '(?:[^'\\\n]++|\\z\s*+|\\(?s:.))*+'
    | \[\[(?s:.*?)\]\] | \[=\[(?s:.*?)\]=\]           # long strings
    | \[==\[(?s:.*?)\]==\] | \[===\[(?s:.*?)\]===\]
    | --\[\[(?s:.*?)\]\] | --\[=\[(?s:.*?)\]=\]       # long comments
    | --\[==\[(?s:.*?)\]==\] | --\[===\[(?s:.*?)\]===\]
    | \.\.\.|\.\.|==|~=|<=|>=|<<|>>|//|::             # operators
    | -(?!-) | \[(?![\[=]) | \.(?![0-9])
    | [+*/%^\#&~|<>=(){}\];:,]
"""
_FAST = re.compile(
    r"(?>[ \t\f\v]*(?:--(?!\[=*\[)[^\n]*)?)(" + _TOKEN_BODY + r"| (?s:.+) | \Z )",
    re.X | re.ASCII,
)
_FULL_TOKEN = re.compile(r"(?:" + _TOKEN_BODY + r")\Z", re.X | re.ASCII)
_WINDOW = 1 << 15

_NEWLINES = re.compile(r"\r\n|\n\r|\r")
_LINE_ENDS = re.compile(r"\r\n|\n\r|\r|\n")

_HEXDIGITS = frozenset("0123456789abcdefABCDEF")
_DIGITS = frozenset("0123456789")
_ALPHA = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_")
_ALNUM = _ALPHA | _DIGITS
_SPACES = frozenset(" \t\n\v\f\r")
_SIMPLE_ESCAPES = {
    "a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t",
    "v": "\v", "\\": "\\", '"': '"', "'": "'",
}


def utf8esc(x: int) -> bytes:
    """Lua's luaO_utf8esc: UTF-8 encoding extended to 31 bits (up to six
    bytes); also utf8.char's."""
    if x < 0x80:
        return bytes((x,))
    out = []
    mfb = 0x3F  # maximum that fits in the first byte
    while True:
        out.append(0x80 | (x & 0x3F))
        x >>= 6
        mfb >>= 1
        if x <= mfb:
            break
    out.append(((~mfb << 1) & 0xFF) | x)
    out.reverse()
    return bytes(out)


def _fix_text(s: str) -> str:
    """Source text (latin-1 str) -> str for a message: the bytes read as
    UTF-8 (invalid bytes kept via surrogateescape, see LuaSyntaxError)."""
    try:
        return s.encode("latin-1").decode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # already a proper str
        return s


def quote(text: str) -> str:
    """How Lua's ``'%s'`` shows a token's text: cut at the first NUL."""
    return "'" + text.split("\x00", 1)[0] + "'"


def token_text(tok: str) -> str:
    """luaX_token2str for token types (not for NAME/STRING/NUMBER values)."""
    if len(tok) == 1:
        c = ord(tok)
        if 32 <= c < 127:
            return f"'{tok}'"
        return f"'<\\{c}>'"
    if tok in (EOF, NAME, STRING, NUMBER):
        return tok
    return f"'{tok}'"


class _LexError(Exception):
    def __init__(self, msg: str, line: int, near: Optional[str]):
        self.msg = msg
        self.line = line
        self.near = near  # already formatted ("<eof>", "'x'") or None


class Tokens:
    """The token lists of a chunk (see the module docstring)."""

    __slots__ = ("src", "orig", "chunkname", "types", "values", "lines", "raw", "last_line")

    def __init__(self, src: str, chunkname: str, orig: Optional[str] = None):
        self.src = src
        self.orig = orig  # the text before line ends were normalised (if they were)
        self.chunkname = chunkname
        self.types: list = []
        self.values: list = []
        self.lines: list = []
        self.raw: dict = {}  # token index -> text shown in messages (numerals, strings)
        self.last_line = 1

    # --------------------------------------------------------------- errors

    def make_error(self, msg: str, line: int, near: Optional[str]) -> LuaSyntaxError:
        text = f"{self.chunkname}:{line}: {_fix_text(msg)}"
        if near is not None:
            text += f" near {_fix_text(near)}"
        return LuaSyntaxError(text, line)

    def display(self, i: int) -> str:
        """How reference Lua shows token ``i`` in a message ("near ...")."""
        tok = self.types[i]
        if tok == NAME:
            return f"'{self.values[i]}'"
        if tok == NUMBER or tok == STRING:
            return quote(self.raw[i])
        return token_text(tok)


class _Reader:
    """Character-level reader for one token, mirroring llex.c.  ``buf`` is
    Lua's token buffer (what error messages show)."""

    __slots__ = ("src", "pos", "line", "n", "buf", "toks")

    def __init__(self, src: str, pos: int, line: int, toks: Tokens):
        self.src = src
        self.pos = pos
        self.line = line
        self.n = len(src)
        self.buf: list = []
        self.toks = toks

    @property
    def buf_text(self) -> str:
        return "".join(self.buf)

    def cur(self) -> str:
        p = self.pos
        return self.src[p] if p < self.n else ""

    def error(self, msg: str, near_kind: Optional[str]):
        if near_kind == "eof":
            near = "<eof>"
        elif near_kind == "buf":
            near = quote("".join(self.buf))
        else:
            near = None
        raise _LexError(msg, self.line, near)

    def save_and_next(self) -> None:
        self.buf.append(self.src[self.pos])
        self.pos += 1

    # ------------------------------------------------------------------ main

    def token(self):
        """Skip blanks/comments and read one token.  Returns (type, value,
        start); ``self.pos``/``self.line`` are left after the token."""
        src = self.src
        n = self.n
        while True:
            p = self.pos
            if p >= n:
                return EOF, None, p
            c = src[p]
            if c == "\n":
                self.line += 1
                self.pos = p + 1
            elif c in " \t\f\v":
                self.pos = p + 1
            elif c == "-":
                if src.startswith("--", p):
                    self.pos = p + 2
                    if self.cur() == "[":
                        self.buf = []
                        sep = self.skip_sep()
                        if sep >= 2:
                            self.read_long_string(sep, False)
                            continue
                    e = src.find("\n", self.pos)
                    self.pos = n if e < 0 else e
                else:
                    self.pos = p + 1
                    return "-", None, p
            elif c == "[":
                self.buf = []
                sep = self.skip_sep()
                if sep >= 2:
                    value = self.read_long_string(sep, True)
                    return STRING, value, p
                if sep == 0:
                    self.error("invalid long string delimiter", "buf")
                return "[", None, p
            elif c == '"' or c == "'":
                self.buf = []
                value = self.read_string(c)
                return STRING, value, p
            elif c == ".":
                if src.startswith("...", p):
                    self.pos = p + 3
                    return "...", None, p
                if src.startswith("..", p):
                    self.pos = p + 2
                    return "..", None, p
                if p + 1 < n and src[p + 1] in _DIGITS:
                    self.buf = []
                    return NUMBER, self.read_numeral(), p
                self.pos = p + 1
                return ".", None, p
            elif c in _DIGITS:
                self.buf = []
                return NUMBER, self.read_numeral(), p
            elif c in _ALPHA:
                e = p + 1
                while e < n and src[e] in _ALNUM:
                    e += 1
                word = src[p:e]
                self.pos = e
                self.buf = [word]
                kw = KEYWORDS.get(word)
                if kw is not None:
                    return kw, None, p
                return NAME, word, p
            else:
                two = src[p:p + 2]
                op = _OPS.get(two) if len(two) == 2 else None
                if op is not None and op not in ("..", "..."):
                    self.pos = p + 2
                    return op, None, p
                self.pos = p + 1
                op = _OPS.get(c)
                return (op if op is not None else c), None, p

    # --------------------------------------------------------------- numerals

    def read_numeral(self):
        src = self.src
        n = self.n
        expo = "Ee"
        first = src[self.pos]
        if first == ".":
            self.save_and_next()
            first = src[self.pos]
        self.save_and_next()
        if first == "0" and self.cur() in ("x", "X") and self.cur():
            self.save_and_next()
            expo = "Pp"
        while self.pos < n:
            c = src[self.pos]
            if c in expo:
                self.save_and_next()
                if self.cur() in ("+", "-") and self.cur():
                    self.save_and_next()
            elif c in _HEXDIGITS or c == ".":
                self.save_and_next()
            else:
                break
        if self.pos < n and src[self.pos] in _ALPHA:
            self.save_and_next()  # numeral touching a letter: force an error
        text = "".join(self.buf)
        v = str2number(text)
        if v is None:
            self.error("malformed number", "buf")
        return v

    # ---------------------------------------------------------- long strings

    def skip_sep(self) -> int:
        src = self.src
        s = src[self.pos]
        self.save_and_next()
        count = 0
        while self.pos < self.n and src[self.pos] == "=":
            self.save_and_next()
            count += 1
        if self.pos < self.n and src[self.pos] == s:
            return count + 2
        return 1 if count == 0 else 0

    def read_long_string(self, sep: int, is_string: bool):
        """At the second '[' of an opening long bracket of level sep-2."""
        src = self.src
        start_line = self.line
        self.save_and_next()  # 2nd '['
        if self.pos < self.n and src[self.pos] == "\n":
            self.pos += 1
            self.line += 1
        close = "]" + "=" * (sep - 2) + "]"
        e = src.find(close, self.pos)
        if e < 0:
            self.line += src.count("\n", self.pos)
            self.pos = self.n
            what = "string" if is_string else "comment"
            self.error(f"unfinished long {what} (starting at line {start_line})", "eof")
        content = src[self.pos:e]
        self.line += content.count("\n")
        self.pos = e + len(close)
        if is_string:
            self.buf.append(content)
            self.buf.append(close)
            return content.encode("latin-1")
        return None

    # --------------------------------------------------------- short strings

    def esccheck(self, ok: bool, msg: str) -> None:
        if not ok:
            if self.pos < self.n:
                self.save_and_next()  # add current to buffer for error message
                if self.buf[-1] == "\n" and self.toks.orig is not None:
                    # show the line end as it was in the source ('\r' ...)
                    for k, m in enumerate(_LINE_ENDS.finditer(self.toks.orig), 1):
                        if k == self.line:
                            self.buf[-1] = m.group()[0]
                            break
            self.error(msg, "buf")

    def gethexa(self) -> int:
        self.save_and_next()
        c = self.cur()
        self.esccheck(c != "" and c in _HEXDIGITS, "hexadecimal digit expected")
        return int(c, 16)

    def read_string(self, delim: str) -> bytes:
        src = self.src
        n = self.n
        buf = self.buf
        self.save_and_next()  # keep delimiter (for error messages)
        while True:
            if self.pos >= n:
                self.error("unfinished string", "eof")
            c = src[self.pos]
            if c == delim:
                break
            if c == "\n":
                self.error("unfinished string", "buf")
            if c != "\\":
                # copy a run of ordinary characters at once
                e = self.pos + 1
                while e < n and src[e] not in (delim, "\\", "\n"):
                    e += 1
                buf.append(src[self.pos:e])
                self.pos = e
                continue
            self.save_and_next()  # keep '\\' for error messages
            c = self.cur()
            if c in _SIMPLE_ESCAPES and c:
                self.pos += 1
                buf[-1] = _SIMPLE_ESCAPES[c]  # replaces the saved '\\'
            elif c == "x":
                r = self.gethexa()
                r = (r << 4) + self.gethexa()
                del buf[-3:]  # '\\', 'x' and the first digit
                self.pos += 1
                buf.append(chr(r))
            elif c == "u":
                self.read_utf8esc()
            elif c == "\n":
                self.pos += 1
                self.line += 1
                buf[-1] = "\n"
            elif c == "":
                continue  # will raise "unfinished string" next loop
            elif c == "z":
                buf.pop()  # remove '\\'
                self.pos += 1
                while self.pos < n and src[self.pos] in _SPACES:
                    if src[self.pos] == "\n":
                        self.line += 1
                    self.pos += 1
            else:
                self.esccheck(c in _DIGITS, "invalid escape sequence")
                r = 0
                i = 0
                while i < 3 and self.pos < n and src[self.pos] in _DIGITS:
                    r = 10 * r + ord(src[self.pos]) - 48
                    self.save_and_next()
                    i += 1
                self.esccheck(r <= 255, "decimal escape too large")
                del buf[-(i + 1):]  # the digits and the '\\'
                buf.append(chr(r))
        self.save_and_next()  # the closing delimiter
        text = "".join(buf)
        self.buf = [text]
        return text[1:-1].encode("latin-1")

    def read_utf8esc(self) -> None:
        buf = self.buf
        i = 4  # chars to be removed: '\\', 'u', '{', and first digit
        self.save_and_next()  # skip 'u'
        self.esccheck(self.cur() == "{", "missing '{'")
        r = self.gethexa()  # must have at least one digit
        while True:
            self.save_and_next()
            c = self.cur()
            if not (c and c in _HEXDIGITS):
                break
            i += 1
            self.esccheck(r <= (0x7FFFFFFF >> 4), "UTF-8 value too large")
            r = (r << 4) + int(c, 16)
        self.esccheck(self.cur() == "}", "missing '}'")
        self.pos += 1  # skip '}'
        del buf[-i:]
        buf.append(utf8esc(r).decode("latin-1"))  # the buffer holds bytes as latin-1


# ---------------------------------------------------------------- tokenize


def tokenize(source: Union[bytes, str], chunkname: str, skip_shebang: bool = False) -> Tokens:
    """Read a whole chunk.  ``source`` is bytes (a latin-1 ``str`` is also
    accepted).  With ``skip_shebang`` a UTF-8 BOM and a first line starting
    with ``#`` are skipped (as ``luaL_loadfile`` does), keeping line numbers."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        src = bytes(source).decode("latin-1")
    else:
        src = source
    if skip_shebang:
        # like luaL_loadfile: skip a UTF-8 BOM, then a first line starting
        # with '#' (up to its '\n', which is kept so line numbers stay right)
        if src.startswith("\xef\xbb\xbf"):
            src = src[3:]
        if src.startswith("#"):
            e = src.find("\n")
            src = "" if e < 0 else src[e:]
    orig = None
    if "\r" in src:
        orig = src
        src = _NEWLINES.sub("\n", src)
    toks = Tokens(src, chunkname, orig)
    types = toks.types
    values = toks.values
    lines = toks.lines
    raw = toks.raw
    t_append = types.append
    v_append = values.append
    l_append = lines.append
    findall = _FAST.findall
    fixed = _FIXED
    name_start = _ALPHA
    n = len(src)
    pos = 0
    line = 1
    while True:
        # a window of whole lines (tokens that do not fit go to the _Reader)
        end = src.find("\n", pos + _WINDOW) + 1 if pos + _WINDOW < n else 0
        if end <= 0:
            end = n
        texts = findall(src, pos, end)
        texts.pop()  # the empty match at the window end
        slow = None
        if texts and not _FULL_TOKEN.match(texts[-1]):
            slow = end - len(texts.pop())  # where the catch-all started
        for text in texts:
            tok = fixed.get(text)
            if tok is not None:
                t_append(tok)
                v_append(None)
                l_append(line)
                continue
            c = text[0]
            if c in name_start:
                t_append(NAME)
                v_append(text)
                l_append(line)
            elif c == "\n":
                line += len(text)
            elif c == '"' or c == "'":
                if "\\" in text:
                    r = _Reader(text, 0, line, toks)
                    try:
                        value = r.read_string(c)
                    except _LexError as e:
                        t_append(ERROR)
                        v_append(toks.make_error(e.msg, e.line, e.near))
                        l_append(e.line)
                        toks.last_line = e.line
                        return toks
                    line = r.line
                    text = r.buf_text
                else:
                    value = text[1:-1].encode("latin-1")
                raw[len(types)] = text
                t_append(STRING)
                v_append(value)
                l_append(line)
            elif c == "[":
                level = text.index("[", 1) + 1
                body = text[level:-level]
                nl = body.count("\n")
                if nl:
                    line += nl
                    if body[0] == "\n":
                        body = body[1:]
                        text = text[:level] + text[level + 1:]
                raw[len(types)] = text
                t_append(STRING)
                v_append(body.encode("latin-1"))
                l_append(line)
            elif c == "-":  # long comment
                line += text.count("\n")
            else:  # numeral
                if text.isdigit():
                    v = decimal_integer(text)
                else:
                    v = str2number(text)
                    if v is None:
                        t_append(ERROR)
                        v_append(toks.make_error("malformed number", line, quote(text)))
                        l_append(line)
                        toks.last_line = line
                        return toks
                raw[len(types)] = text
                t_append(NUMBER)
                v_append(v)
                l_append(line)
        if slow is not None:
            r = _Reader(src, slow, line, toks)
            try:
                tok, value, start = r.token()
            except _LexError as e:
                t_append(ERROR)
                v_append(toks.make_error(e.msg, e.line, e.near))
                l_append(e.line)
                toks.last_line = e.line
                return toks
            line = r.line
            if tok == STRING or tok == NUMBER:
                raw[len(types)] = r.buf_text
            t_append(tok)
            v_append(value)
            l_append(line)
            if tok is EOF:
                break
            if len(tok) == 1 and tok not in _OPS:
                # a character that is no Lua token: the parser stops there
                t_append(EOF)
                v_append(None)
                l_append(line)
                break
            pos = r.pos
            continue
        pos = end
        if pos >= n:
            t_append(EOF)
            v_append(None)
            l_append(line)
            break
    toks.last_line = line
    return toks
