"""Walking the Lua AST, and the nodes of every function body from one walk.

The code generator's analyses (integer speculation per function and per
loop, jumps out of loops, private tables) each need the nodes below some
statement, not entering nested functions. Walking the subtree again for
each of them visited the chunk's nodes about three times over. ``walk``
visits a subtree contiguously (depth first: a node, then all of its
descendants, before anything else), so ``BodyNodes`` walks each function
body once and hands out the nodes below a statement as a slice of that
list, in the order a fresh walk would give.
"""

from __future__ import annotations

from ..syntax import nodes as N

# The child nodes of each node class in the order the walk pushes them (so
# it visits them last to first); None where an optional child is absent.
# Classes not listed have no child nodes.
CHILDREN = {
    N.Index: lambda n: (n.obj, n.key),
    N.Call: lambda n: (n.func, *n.args),
    N.MethodCall: lambda n: (n.obj, *n.args),
    N.Function: lambda n: (n.body,),
    N.TableField: lambda n: (n.key, n.value),
    N.Table: lambda n: n.fields,
    N.BinOp: lambda n: (n.left, n.right),
    N.UnOp: lambda n: (n.operand,),
    N.Paren: lambda n: (n.expr,),
    N.Block: lambda n: n.stmts,
    N.Local: lambda n: n.exprs,
    N.LocalFunction: lambda n: (n.func,),
    N.Assign: lambda n: (*n.targets, *n.exprs),
    N.CallStat: lambda n: (n.call,),
    N.Do: lambda n: (n.body,),
    N.While: lambda n: (n.cond, n.body),
    N.Repeat: lambda n: (n.body, n.cond),
    N.If: lambda n: (*[x for test in n.tests for x in test], n.orelse),
    N.NumericFor: lambda n: (n.start, n.stop, n.step, n.body),
    N.GenericFor: lambda n: (*n.exprs, n.body),
    N.Return: lambda n: n.exprs,
    N.Chunk: lambda n: (n.func,),
}

# Statements and blocks: the nodes ``BodyNodes.of`` answers for.
_STATEMENTS = {
    N.Block, N.Local, N.LocalFunction, N.Assign, N.CallStat, N.Do, N.While, N.Repeat,
    N.If, N.NumericFor, N.GenericFor, N.Return, N.Break, N.Goto, N.Label,
}


def walk(node, into_functions: bool = False):
    """Every node below ``node`` (itself included), depth first; nested
    function bodies only with ``into_functions``."""
    stack = [node]
    pop, push = stack.pop, stack.append
    Function = N.Function
    while stack:
        n = pop()
        yield n
        get = CHILDREN.get(n.__class__)
        if get is not None:
            for x in get(n):
                if x is not None and (into_functions or x.__class__ is not Function):
                    push(x)


class BodyNodes:
    """The nodes of every function body of a chunk, each body walked once.

    ``of(node)`` lists the nodes below ``node`` (itself included, nested
    functions not entered) in ``walk`` order; ``node`` must be a block or a
    statement of some function body. ``bodies`` holds one list per function
    body (together: every node of the chunk except the Function and Chunk
    nodes themselves)."""

    def __init__(self, chunk: N.Chunk):
        self.bodies: list = []
        self._where: dict = {}  # id(statement or block) -> (its body's list, start, end)
        functions = [chunk.func]
        while functions:
            self._walk_body(functions.pop().body, functions)

    def _walk_body(self, body: N.Block, functions: list) -> None:
        """``walk(body)``, recording where each statement's subtree ends and
        collecting the nested functions instead of entering them."""
        nodes: list = []
        where = self._where
        stack: list = [body]
        pop, push, append = stack.pop, stack.append, nodes.append
        children = CHILDREN
        statements = _STATEMENTS
        Function = N.Function
        while stack:
            n = pop()
            cls = n.__class__
            if cls is int:  # the subtree of the statement at index n is complete
                where[id(nodes[n])] = (nodes, n, len(nodes))
                continue
            if cls in statements:
                push(len(nodes))  # popped once the statement's subtree is walked
            append(n)
            get = children.get(cls)
            if get is None:
                continue
            for x in get(n):
                if x is None:
                    continue
                if x.__class__ is Function:
                    functions.append(x)
                else:
                    push(x)
        self.bodies.append(nodes)

    def of(self, node) -> list:
        nodes, start, end = self._where[id(node)]
        return nodes[start:end]
