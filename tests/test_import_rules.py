"""Imports run one way: errors is a leaf; syntax -> compiler -> (names only)
runtime <- stdlib; the top-level modules (engine, state, runs, interop, ...)
tie them together. Read from the source with ``ast``, every import counts:
module level, inside functions, and under ``TYPE_CHECKING``."""

from __future__ import annotations

import ast
from pathlib import Path

import mani
from mani.compiler import runtime_names
from mani.runtime import helpers, memory, ops, values

SRC = Path(mani.__file__).parent

# layer -> the layers it may import (besides itself)
ALLOWED = {
    "errors": set(),
    "syntax": {"errors"},
    "compiler": {"errors", "syntax"},
    # runtime/values and stdlib/utf8lib share the lexer's number and escape
    # readers, which know nothing of the layers above
    "runtime": {"errors", "syntax"},
    "stdlib": {"errors", "syntax", "runtime"},
}


def _layer(module: str) -> str:
    """``mani.compiler.codegen`` -> ``compiler``; top-level modules are
    their own layer (``engine``, ``state``, ...)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "mani"


def _imports(text: str, package: list[str]) -> list[tuple[int, str]]:
    """(line, imported module) for every import of mani in ``text``, a
    module of the package ``package`` (e.g. ``["mani", "syntax"]``)."""
    found = []
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.split(".")[0] == "mani"]
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0:
                if not node.module or node.module.split(".")[0] != "mani":
                    continue
                base = node.module
            else:
                up = package[: len(package) - (node.level - 1)]
                base = ".".join(up + ([node.module] if node.module else []))
            if node.module is None or base == "mani":
                # `from . import x`, `from mani import x`: x may be a module
                found += [(node.lineno, f"{base}.{a.name}") for a in node.names]
            else:
                found.append((node.lineno, base))
    return found


def _file_imports(path: Path) -> list[tuple[int, str]]:
    return _imports(path.read_text(), list(path.relative_to(SRC.parent).parts[:-1]))


def _module_name(path: Path) -> str:
    rel = path.relative_to(SRC.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def test_imports_follow_the_layers():
    bad = []
    for path in sorted(SRC.rglob("*.py")):
        me = _module_name(path)
        layer = _layer(me)
        if layer not in ALLOWED:
            continue  # the top level may import anything
        for line, target in _file_imports(path):
            other = _layer(target)
            if other != layer and other not in ALLOWED[layer] and target != "mani":
                bad.append(f"{path.relative_to(SRC)}:{line}: {layer} imports {target}")
            if target == "mani" and layer != "mani":
                bad.append(f"{path.relative_to(SRC)}:{line}: {layer} imports the package mani")
    assert not bad, "imports against the layers:\n" + "\n".join(bad)


def test_the_rule_checker_sees_every_kind_of_import():
    text = """
import mani.state
from .. import errors
from . import nodes as N
from ..runtime.values import wrap_int
from typing import TYPE_CHECKING
if TYPE_CHECKING:
    from ..stdlib import base
def f():
    from ...mani import engine
    from mani.compiler import codegen
"""
    got = {t for _, t in _imports(text, ["mani", "syntax"])}
    assert got == {"mani.state", "mani.errors", "mani.syntax.nodes", "mani.runtime.values", "mani.stdlib",
                   "mani.engine", "mani.compiler"}


def test_compiler_knows_every_runtime_helper_name():
    # every name the runtime gives generated code, and only those
    shared = set(helpers.SHARED_HELPERS) - {"__builtins__"}
    bound = {"index", "setindex", "lookup_method", "budget_out", "tail_deep"}  # state.py
    assert runtime_names.HELPERS == shared | bound


def test_compiler_integer_limits_match_the_runtime():
    assert (runtime_names.MAXINT, runtime_names.MININT) == (values.MAXINT, values.MININT)
    assert runtime_names.CONCAT_INLINE_MAX == ops.CONCAT_INLINE_MAX
    assert runtime_names.BYTES_PER_UNIT == memory.BYTES_PER_UNIT
    for v in (0, 1, -1, values.MAXINT + 1, values.MININT - 1, 2**100 + 7, -(2**90)):
        assert runtime_names.wrap_int(v) == values.wrap_int(v)


def test_state_binds_exactly_the_helpers_the_compiler_names():
    st = mani.Engine().new_state()
    g = st._core._pyglobals if hasattr(st, "_core") else None
    if g is None:  # find the globals dict the generated code runs in
        raise AssertionError("State has no _core")
    assert runtime_names.HELPERS <= set(g)
