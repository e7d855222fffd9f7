"""Engine (configuration, immutable) and Program (compiled chunk, frozen)."""

from __future__ import annotations

import hashlib
import re
import marshal
import sys
import warnings
from types import CodeType
from typing import Any, Callable, Iterable, Mapping, Optional

from . import __version__
from .compiler import codegen, costs, runtime_names
from .errors import LuaSyntaxError, ProgramMismatchError
from .syntax.parser import parse
from .syntax.resolve import resolve

# Deep Lua recursion runs on Python frames; see docs/design.md ("Recursion").
MAX_PYTHON_DEPTH = 16000
if sys.getrecursionlimit() < MAX_PYTHON_DEPTH:
    sys.setrecursionlimit(MAX_PYTHON_DEPTH)


_State: Any = None  # mani.state.State, imported on first use


def chunk_display_name(name: Optional[str], source: bytes) -> str:
    """How messages name a chunk: the given name, or Lua's ``[string "..."]``."""
    if name is not None:
        return name.split("\0", 1)[0]  # (as a C string; CPython refuses NUL in names)
    from .stdlib.loadlib import chunkid

    return chunkid(source)


class Program:
    """A compiled chunk: frozen, holds no execution state, picklable."""

    __slots__ = ("name", "fingerprint", "python_source", "_code", "_costs", "_frozen")

    def __init__(self, name: str, fingerprint: str, python_source: str, code: CodeType, scope_costs: Any):
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "fingerprint", fingerprint)
        object.__setattr__(self, "python_source", python_source)
        object.__setattr__(self, "_code", code)
        object.__setattr__(self, "_costs", scope_costs)
        object.__setattr__(self, "_frozen", True)

    def __setattr__(self, key: str, value: Any) -> None:
        raise AttributeError("mani.Program is immutable")

    def __delattr__(self, key: str) -> None:
        raise AttributeError("mani.Program is immutable")

    def __reduce__(self):
        return (
            _load_program,
            (__version__, sys.version_info[:2], self.name, self.fingerprint, self.python_source,
             marshal.dumps(self._code), self._costs),
        )

    def __repr__(self) -> str:
        return f"<mani.Program {self.name!r}>"


def _load_program(version, pyver, name, fingerprint, source, code_bytes, scope_costs) -> Program:
    if version != __version__ or tuple(pyver) != sys.version_info[:2]:
        raise ProgramMismatchError(
            f"program {name!r} was compiled by mani {version} on Python {pyver[0]}.{pyver[1]}; "
            f"this is mani {__version__} on Python {sys.version_info[0]}.{sys.version_info[1]}: recompile it"
        )
    return Program(name, fingerprint, source, marshal.loads(code_bytes), scope_costs)


DEFAULT_MAX_MEMORY = 256 * 1024 * 1024


def _memory_limit(n: Any) -> Optional[int]:
    """A memory limit as given by the host: bytes (an int > 0) or None."""
    if n is None:
        return None
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"a memory limit is an int number of bytes or None, not {type(n).__name__}")
    if n <= 0:
        raise ValueError(f"a memory limit must be positive, not {n}")
    return n


class Engine:
    """Configuration shared by every thread: limits, cost model, libraries
    and host globals. Immutable after construction."""

    def __init__(
        self,
        *,
        cost_model: Optional[costs.CostModel] = None,
        libraries: Optional[tuple] = None,
        globals: Optional[Mapping[str, Any]] = None,
        max_string_size: int = 16 * 1024 * 1024,
        max_memory: Optional[int] = DEFAULT_MAX_MEMORY,
        module_loader: Optional[Callable[[str], Any]] = None,
        clock: Optional[Callable[[], float]] = None,
        entropy: Optional[Callable[[], int]] = None,
        capabilities: Iterable[str] = (),
    ):
        """Options: ``cost_model`` (weights of the meter); ``libraries``
        (names from stdlib.registry.DEFAULT_LIBRARIES); ``globals`` (host
        values and functions every State starts with); ``max_string_size``;
        ``max_memory`` (bytes each State's scripts may keep alive, default
        256 MiB, ``None``: unlimited; see ``State.set_memory_limit``);
        ``module_loader`` (name -> Lua source, a Program or None: enables
        ``require`` of host modules, ``dofile`` and ``loadfile``); ``clock``
        (seconds since the epoch: enables ``os.time/clock/date/difftime``);
        ``entropy`` (an int source for ``math.randomseed()`` without
        arguments; otherwise it is deterministic); ``capabilities``
        (what a trusted script may reach beyond the sandbox, any of
        ``"io"``, ``"os"``, ``"require"``; none by default, see
        docs/design.md, "Capabilities")."""
        from .stdlib import registry

        self._capabilities = registry.check_capabilities(capabilities)
        self._module_loader = module_loader
        self._clock = clock
        self._entropy = entropy
        self._cost_model = cost_model or costs.CostModel()
        self._libraries = tuple(registry.DEFAULT_LIBRARIES if libraries is None else libraries)
        self._max_string_size = int(max_string_size)
        self._max_memory = _memory_limit(max_memory)
        self._host_globals = dict(globals or {})
        parts = repr((__version__, self._cost_model.fingerprint(), self._libraries, self._max_string_size,
                      module_loader is not None, clock is not None, tuple(sorted(self._capabilities))))
        self._fingerprint = hashlib.sha256(parts.encode()).hexdigest()[:16]
        self._template = registry.prepare(self)
        self._frozen = True

    def __setattr__(self, key: str, value: Any) -> None:
        if getattr(self, "_frozen", False):
            raise AttributeError("mani.Engine is immutable")
        object.__setattr__(self, key, value)

    @classmethod
    def raw(cls, **kw: Any) -> "Engine":
        """An Engine whose States start with empty globals."""
        return cls(libraries=(), **kw)

    @property
    def cost_model(self) -> costs.CostModel:
        return self._cost_model

    @property
    def fingerprint(self) -> str:
        return self._fingerprint

    @property
    def capabilities(self) -> frozenset:
        """The capabilities granted to this Engine's scripts (empty: sandboxed)."""
        return self._capabilities

    @property
    def max_string_size(self) -> int:
        return self._max_string_size

    @property
    def max_memory(self) -> Optional[int]:
        return self._max_memory

    def compile(self, source: Any, name: Optional[str] = None, *, skip_shebang: bool = True) -> Program:
        """Compile a chunk. Raises ``LuaSyntaxError`` on bad input. A first
        line starting with ``#`` (a Unix ``#!`` line) and a UTF-8 BOM are
        skipped, as Lua does for files; ``skip_shebang=False`` compiles the
        text as it is, as Lua's ``load`` does for strings."""
        return _compile_program(self, source, name, metered=True, skip_shebang=skip_shebang)

    def new_state(self, callbacks: Any = None) -> "Any":
        global _State
        if _State is None:  # state.py imports this module
            from .state import State as _State
        return _State(self, callbacks)

    def analyze_cost(self, program: Program) -> costs.ScopeCost:
        """Static costs of a Program, one ScopeCost per function."""
        return program._costs


_LUA_LINE = re.compile(r"^\s*# \[(\d+)\] ", re.M)


def _lua_line(pysrc: str, pyline: Optional[int]) -> int:
    """The Lua line of a line of generated code: the ``# [N]`` comment the
    code generator writes above each Lua statement's Python."""
    if not pyline:
        return 1
    head = pysrc.split("\n", pyline)[:pyline]
    for text in reversed(head):
        m = _LUA_LINE.match(text)
        if m:
            return int(m.group(1))
    return 1


def _compile_program(engine: Engine, source: Any, name: Optional[str], metered: bool,
                     skip_shebang: bool = True) -> Program:
    """Engine.compile. ``metered=False`` generates code without any meter
    update: only for ``bench/run.py --no-meter``, which measures what
    metering costs. No public API reaches it (every run is metered)."""
    if isinstance(source, str):
        src = source.encode("utf-8", "surrogateescape")
    elif isinstance(source, (bytes, bytearray, memoryview)):
        src = bytes(source)
    else:
        raise TypeError(f"Lua source must be str or bytes, not {type(source).__name__}")
    if src.startswith(b"\x1bLua"):
        raise LuaSyntaxError(f"{chunk_display_name(name, src)}: attempt to load a binary chunk (mode is 't')", 0)
    display = chunk_display_name(name, src)
    chunk = parse(src, display, skip_shebang=skip_shebang)
    try:
        resolve(chunk, runtime_names.HELPERS)
        pysrc, scope_costs = codegen.generate(chunk, engine._cost_model, metered, src)
    except RecursionError:
        # the analyses recurse on the depth of an expression: a chain of
        # many thousand links (which reference Lua accepts) is beyond them
        raise LuaSyntaxError(f"{display}: chunk too complex for mani (expression nested too deeply)", 0) from None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # e.g. b"x"[b"y"] is legal Lua
            module = compile(pysrc, display, "exec")
    except (SyntaxError, RecursionError, MemoryError, ValueError) as exc:
        # CPython's own compiler limits (20 nested loops, ~200 nested
        # parentheses or blocks): said in Lua's terms, at the Lua line
        what = exc.msg if isinstance(exc, SyntaxError) else "nesting too deep"
        line = _lua_line(pysrc, getattr(exc, "lineno", None))
        raise LuaSyntaxError(f"{display}:{line}: chunk too complex for mani ({what})", line) from None
    outer = next(c for c in module.co_consts if isinstance(c, CodeType))
    chunk_code = next(c for c in outer.co_consts if isinstance(c, CodeType))
    return Program(display, engine._fingerprint, pysrc, chunk_code, scope_costs)
