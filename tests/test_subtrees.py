"""compiler/subtrees.py: the walk's child table covers every field that holds
nodes, and BodyNodes gives exactly what a fresh walk of a statement gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from mani.compiler.subtrees import BodyNodes, walk
from mani.errors import LuaSyntaxError
from mani.syntax import nodes as N
from mani.syntax.parser import parse
from mani.syntax.resolve import resolve

ROOT = Path(__file__).resolve().parent.parent
PROGRAMS = sorted((ROOT / "tests" / "lua").glob("*.lua")) + sorted((ROOT / "bench" / "workloads").glob("*.lua"))
# fields the resolver adds that point at declarations, not at child nodes
NOT_CHILDREN = {"scope", "var", "vars", "var_info", "param_vars", "target", "env"}


def _reflective_children(n) -> list:
    """Child nodes found by looking at every field (the walk's specification)."""
    out = []
    for name in type(n).__slots__:
        if name in NOT_CHILDREN:
            continue
        x = getattr(n, name)
        for y in x if isinstance(x, list) else [x]:
            for z in y if isinstance(y, tuple) else [y]:
                if isinstance(z, N.Node):
                    out.append(z)
    return out


def _reflective_walk(node, into_functions: bool) -> list:
    out, stack = [], [node]
    while stack:
        n = stack.pop()
        out.append(n)
        stack.extend(c for c in _reflective_children(n) if into_functions or not isinstance(c, N.Function))
    return out


def _chunk(path: Path):
    try:
        chunk = parse(path.read_bytes(), path.name)
        resolve(chunk)
    except LuaSyntaxError:
        return None
    return chunk


@pytest.mark.parametrize("path", PROGRAMS, ids=lambda p: p.name)
def test_walk_and_body_nodes_match_a_reflective_walk(path):
    chunk = _chunk(path)
    if chunk is None:
        assert path.name.startswith("err_"), f"{path.name} should compile"
        return
    everything = _reflective_walk(chunk, True)
    assert list(walk(chunk, into_functions=True)) == everything
    assert list(walk(chunk)) == _reflective_walk(chunk, False)
    body_nodes = BodyNodes(chunk)
    in_bodies = [n for nodes in body_nodes.bodies for n in nodes]
    assert len(in_bodies) == len({id(n) for n in in_bodies})
    assert {id(n) for n in in_bodies} == {id(n) for n in everything if not isinstance(n, (N.Function, N.Chunk))}
    statements = 0
    for n in in_bodies:
        if isinstance(n, (N.Block, N.Local, N.LocalFunction, N.Assign, N.CallStat, N.Do, N.While, N.Repeat,
                          N.If, N.NumericFor, N.GenericFor, N.Return, N.Break, N.Goto, N.Label)):
            statements += 1
            assert body_nodes.of(n) == _reflective_walk(n, False)
    assert statements > 0
