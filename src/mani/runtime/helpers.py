"""The names generated code refers to (its Python globals).

Every State gets a copy of ``SHARED_HELPERS`` plus the few helpers bound to
it (``index``, ``setindex``, ``budget_out``); see State.__init__.
"""

from __future__ import annotations

import math

from . import loops, ops, values

class _Marker:
    """A value no Lua code can see: what a block moved into a function of
    its own (compiler/outline.py) returns when it ends without a return
    (FALL), or with (JUMP, k) when it leaves by its k-th break or goto."""

    __slots__ = ("name",)

    def __init__(self, name: str):
        self.name = name

    def __repr__(self) -> str:
        return self.name


SHARED_HELPERS = {
    "__builtins__": {"len": len, "range": range},
    "int": int,
    "float": float,
    "bytes": bytes,
    "bool": bool,
    "tuple": tuple,
    "BaseException": BaseException,
    "Table": values.Table,
    "ClassTable": values.ClassTable,
    "Userdata": values.Userdata,
    "wrap_int": values.wrap_int,
    "INF": math.inf,
    "NAN": math.nan,
    "first": ops.first,
    "call_n": ops.call_n,
    "mv": ops.mv,
    "arith_add": ops.arith_add,
    "arith_sub": ops.arith_sub,
    "arith_mul": ops.arith_mul,
    "arith_div": ops.arith_div,
    "arith_idiv": ops.arith_idiv,
    "arith_mod": ops.arith_mod,
    "arith_pow": ops.arith_pow,
    "arith_unm": ops.arith_unm,
    "float_pow": ops.float_pow,
    "fdiv": ops.fdiv,
    "FALL": _Marker("FALL"),
    "JUMP": _Marker("JUMP"),
    "bit_and": ops.bit_and,
    "bit_or": ops.bit_or,
    "bit_xor": ops.bit_xor,
    "bit_shl": ops.bit_shl,
    "bit_shr": ops.bit_shr,
    "bit_not": ops.bit_not,
    "eq": ops.eq,
    "lt": ops.lt,
    "le": ops.le,
    "concat": ops.concat,
    "concat_n": ops.concat_n,
    "concat_big": ops.concat_big,
    "length": ops.length,
    "len": len,
    "range": range,
    "forrange": loops.forrange,
    "forin": loops.forin,
    "forin_abort": loops.forin_abort,
    "chunks": loops.chunks,
    "table_nn": loops.table_nn,
    "table_clean": loops.table_clean,
    "table_new": loops.table_new,
    "table_seq": loops.table_seq,
    "adjust": loops.adjust,
    "check_close": loops.check_close,
    "close_var": loops.close_var,
    "close_var_err": loops.close_var_err,
}
