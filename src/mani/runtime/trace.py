"""From Python exceptions to Lua errors.

Generated functions carry their Lua description in their docstring (chunk
name, function name, and the *sites*: what Lua operation each ``col_offset``
stands for). When an exception escapes Lua code, the innermost Lua frame of
its traceback and the site at the failing instruction give everything a Lua
error message needs: ``chunk:line:`` and the name of the culprit
(``local 'x'``). Nothing of this costs time until an error happens.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from functools import lru_cache
from types import CodeType, FrameType, TracebackType
from typing import Any, Optional

from ..errors import LuaError
from .ops import OpError

_PY_TYPE_TO_LUA = {
    "NoneType": "nil", "bool": "boolean", "int": "number", "float": "number",
    "bytes": "string", "Table": "table", "Userdata": "userdata", "function": "function",
    "Coroutine": "thread",
}

# Code objects of library functions callable from Lua ("C functions" in Lua
# terms): errors they raise are positioned at their Lua caller, if any.
LIB_CODES: set = set()


_REGISTERED: set = set()  # id()s of LIB_CODES members


def register_nested(fn, *names: str) -> None:
    """Mark the functions called ``names`` that ``fn`` defines (closures a
    per-State binder makes) as library functions, once, at import: cheaper
    than decorating them on every new State."""
    from types import CodeType

    found = set()
    todo = [fn.__code__]
    while todo:
        for c in todo.pop().co_consts:
            if isinstance(c, CodeType):
                if c.co_name in names:
                    LIB_CODES.add(c)
                    _REGISTERED.add(id(c))
                    found.add(c.co_name)
                todo.append(c)
    missing = set(names) - found
    if missing:
        raise AssertionError(f"register_nested: no function {sorted(missing)} in {fn.__name__}")


def lib_function(fn):
    """Decorator: mark a Python function as a Lua library function.

    Per-State binders apply it on every new State to closures whose code
    object never changes; hashing a code object is costly (its constants
    are hashed each time), so the check is by id."""
    code = fn.__code__
    if id(code) not in _REGISTERED:
        _REGISTERED.add(id(code))
        LIB_CODES.add(code)  # code objects of functions live as long as the process
    return fn


class LuaFuncInfo:
    """What a generated function's docstring says (see codegen.finish)."""

    __slots__ = ("chunk", "name", "line", "sites", "spans", "outlined", "_runs", "_starts", "_by_line", "_tails")

    def __init__(self, chunk: str, name: str, line: int, sites: dict, spans: dict, runs: list, outlined: int = 0):
        self.chunk = chunk
        self.name = name
        self.line = line
        self.sites = sites  # site id (str) -> [kind, lua line, descriptions...]
        self.spans = spans  # site id (str) -> [python line, start col, end col]
        # > 0: a block of a Lua function moved into a Python function of its
        # own (compiler/outline.py), called by the Python function of the
        # enclosing code; the next ``outlined`` frames out are part of the
        # same Lua call
        self.outlined = outlined
        self._runs = runs  # [python line, lua line] where the Lua line changes
        self._starts = [r[0] for r in runs]
        self._by_line: Optional[dict] = None
        self._tails: Optional[tuple] = None  # (code, its tail_offsets)

    def lua_line(self, pyline: Optional[int]) -> int:
        if pyline is None or not self._runs:
            return self.line
        i = bisect_right(self._starts, pyline) - 1
        return self._runs[max(i, 0)][1]

    def site_of(self, pyline: int, col: Optional[int], end_col: Optional[int]) -> Optional[list]:
        """The innermost site whose text span contains the instruction."""
        if col is None:
            return None
        if self._by_line is None:
            by: dict = {}
            for sid, (ln, c0, c1) in self.spans.items():
                by.setdefault(ln, []).append((c1 - c0, c0, c1, sid))
            for v in by.values():
                v.sort()
            self._by_line = by
        end_col = col if end_col is None else end_col
        for _, c0, c1, sid in self._by_line.get(pyline, ()):
            if c0 <= col and end_col <= c1:
                return self.sites.get(sid)
        return None

    def tail_offsets(self, code: CodeType) -> frozenset:
        """The offsets of the instructions of ``code`` (the code this
        describes) whose innermost site is a tail call: where a frame that
        is making a tail call stands (runtime/tailcalls.py)."""
        tails = self._tails
        if tails is None or tails[0] is not code:  # (code: in case two share a docstring)
            found = set()
            for i, (line, _, col, end) in enumerate(code.co_positions()):
                if line is not None:
                    site = self.site_of(line, col, end)
                    if site is not None and site[0] == "tailcall":
                        found.add(2 * i)
            tails = self._tails = (code, frozenset(found))
        return tails[1]


@lru_cache(maxsize=4096)
def _parse_doc(doc: str) -> LuaFuncInfo:
    return LuaFuncInfo(*json.loads(doc[1:]))


def lua_info(code: CodeType) -> Optional[LuaFuncInfo]:
    """The Lua description of a generated function's code, or None."""
    consts = code.co_consts
    if consts:
        d = consts[0]
        if d.__class__ is str and d.startswith("\x00"):
            return _parse_doc(d)
    return None


def site_at(code: CodeType, lasti: int) -> Optional[list]:
    """The Lua operation at instruction offset ``lasti`` of generated code."""
    info = lua_info(code)
    if info is None or lasti < 0:
        return None
    for i, pos in enumerate(code.co_positions()):
        if i == lasti // 2:
            return info.site_of(pos[0], pos[2], pos[3])
    return None


def current_line(code: CodeType, pyline: Optional[int], lasti: int) -> int:
    """The Lua line generated code is at: the line of the operation being
    executed when it is a site, else the line of the statement."""
    info = lua_info(code)
    if info is None:
        return 0
    site = site_at(code, lasti)
    return site[1] if site else info.lua_line(pyline)


def lua_line(frame: Any) -> int:
    """The Lua line a frame of generated code is at."""
    return current_line(frame.f_code, frame.f_lineno, frame.f_lasti)


def where(frame: Optional[FrameType]) -> str:
    """``chunk:line:`` for a Lua frame; '' for anything else."""
    if frame is None:
        return ""
    info = lua_info(frame.f_code)
    if info is None:
        return ""
    return f"{info.chunk}:{lua_line(frame)}: "


def _frames(tb: Optional[TracebackType]) -> list:
    out = []
    while tb is not None:
        out.append(tb)
        tb = tb.tb_next
    return out


def error_value(exc: BaseException) -> Any:
    """The Lua error value an exception stands for (computing message and
    position the first time)."""
    if isinstance(exc, LuaError):
        return exc.lua_value
    cached = getattr(exc, "_lua_value", _MISSING)
    if cached is not _MISSING:
        return cached
    value = _compute_value(exc)
    try:
        exc._lua_value = value  # type: ignore[attr-defined]
    except AttributeError:
        pass
    return value


_MISSING = object()


def _compute_value(exc: BaseException) -> Any:
    tbs = _frames(exc.__traceback__)
    lua_idx = None
    for i in range(len(tbs) - 1, -1, -1):
        if lua_info(tbs[i].tb_frame.f_code) is not None:
            lua_idx = i
            break
    if lua_idx is None:
        return _message_for(exc, None, None).encode("utf-8", "replace")
    tb = tbs[lua_idx]
    after = tbs[lua_idx + 1:]
    nlib = sum(1 for t in after if t.tb_frame.f_code in LIB_CODES)
    site = site_at(tb.tb_frame.f_code, tb.tb_lasti)
    info = lua_info(tb.tb_frame.f_code)
    assert info is not None
    pos = f"{info.chunk}:{site[1] if site else info.lua_line(tb.tb_lineno)}: "
    if nlib >= 2 or nlib == 1 and not getattr(exc, "lib", True) or getattr(exc, "nopos", False):
        # raised inside a library function ("C function"): Lua gives no
        # position, except for luaL_error-style errors about the call itself
        pos = ""
    msg = _message_for(exc, site, after)
    return (pos + msg).encode("utf-8", "surrogateescape")


def _describe(site: Optional[list], idx: Optional[int]) -> str:
    if site is None or idx is None:
        return ""
    descs = site[2:]
    if idx < len(descs) and descs[idx]:
        return f" ({descs[idx]})"
    return ""


def _message_for(exc: BaseException, site: Optional[list], after: Optional[list]) -> str:
    kind = site[0] if site else None
    if isinstance(exc, OpError):
        culprit = exc.culprit
        if kind in ("call", "tailcall") and exc.msg.startswith("attempt to call"):
            culprit = 0
        if kind in ("arith", "bitwise", "concat", "index", "len", "call", "tailcall") and culprit is not None and _raised_here(after):
            desc = _describe(site, culprit)
            if exc.msg == "number has no integer representation":
                return "number" + desc + " has no integer representation"
            return exc.msg + desc
        return exc.msg
    if isinstance(exc, TypeError):
        text = str(exc)
        direct = not after  # raised by the Lua frame itself
        if direct and "not callable" in text:
            tname = _py_type_of(text)
            return f"attempt to call a {tname} value" + _describe(site, 0)
        if direct and ("not subscriptable" in text or "does not support item assignment" in text):
            tname = _py_type_of(text)
            return f"attempt to index a {tname} value" + _describe(site, 0)
        return text
    if isinstance(exc, RecursionError):
        return "stack overflow"
    if isinstance(exc, MemoryError):
        return "not enough memory"
    if isinstance(exc, ZeroDivisionError):
        return "attempt to perform 'n//0'"
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


def _raised_here(after: Optional[list]) -> bool:
    """True when the OpError comes from a helper the Lua frame called
    directly (not from inside a library function)."""
    if not after:
        return True
    return not any(t.tb_frame.f_code in LIB_CODES for t in after)


def _py_type_of(text: str) -> str:
    # "'NoneType' object is not callable"
    if text.startswith("'"):
        name = text[1:text.index("'", 1)]
        return _PY_TYPE_TO_LUA.get(name, "userdata")
    return "userdata"


def to_lua_error(exc: BaseException) -> LuaError:
    """A LuaError for any exception that escaped Lua code."""
    if isinstance(exc, LuaError):
        if exc.lua_traceback is None:
            exc.lua_traceback = lua_traceback(exc.__traceback__)
        return exc
    err = LuaError(error_value(exc), lua_traceback(exc.__traceback__))
    return err


def lua_traceback(tb: Optional[TracebackType]) -> str:
    lines = ["stack traceback:"]
    frames = _frames(tb)
    skip = 0
    # a Lua function that called a Lua function by a tail call: Lua reuses
    # its frame, and shows one "(...tail calls...)" for a run of them
    # (mani drops them only from long chains; see runtime/tailcalls.py)
    callee_is_lua = in_tails = False
    callee: Optional[LuaFuncInfo] = None
    for t in reversed(frames):
        if skip:  # the enclosing code of an outlined block: the same Lua call
            skip -= 1
            continue
        code = t.tb_frame.f_code
        info = lua_info(code)
        if info is None:
            if code in LIB_CODES:
                lines.append(f"\t[C]: in function '{code.co_name.removeprefix('lua_')}'")
                callee_is_lua = in_tails = False
            continue
        skip = info.outlined
        if callee_is_lua and t.tb_lasti in info.tail_offsets(code):
            if not in_tails:
                if callee is not None:  # whose name Lua does not know either
                    lines[-1] = lines[-1].rsplit(" in ", 1)[0] + f" in function <{callee.chunk}:{callee.line}>"
                lines.append("\t(...tail calls...)")
                in_tails = True
            continue
        callee_is_lua, in_tails, callee = True, False, info
        fname = "main chunk" if info.line == 0 else f"function '{info.name}'"  # (no function starts at line 0)
        lines.append(f"\t{info.chunk}:{current_line(t.tb_frame.f_code, t.tb_lineno, t.tb_lasti)}: in {fname}")
    lines.append("\t[C]: in ?")
    return "\n".join(lines)


