"""What the compiler knows of the runtime, declared on the compiler's side.

The generated code calls runtime helpers by name (its Python globals, set up
per State from ``runtime/helpers.py`` plus the few bound to the State) and
relies on Lua's 64-bit integer range. The compiler imports nothing from the
runtime, so both are declared here; ``tests/test_import_rules.py`` checks
that they agree with the runtime's.
"""

from __future__ import annotations

# Lua integers are 64-bit two's complement
MAXINT = 0x7FFFFFFFFFFFFFFF
MININT = -0x8000000000000000


def wrap_int(v: int) -> int:
    """``v`` wrapped to a 64-bit integer (constant folding does what the
    runtime's arithmetic does)."""
    return ((v + 0x8000000000000000) & 0xFFFFFFFFFFFFFFFF) - 0x8000000000000000


# concatenations with a longer result go through concat_big (runtime/ops.py)
CONCAT_INLINE_MAX = 256

# what inline code may keep alive per cost unit (runtime/memory.py); the
# static costs make every statement pay for it (compiler/costs.py)
BYTES_PER_UNIT = 256


# every global name generated code may read; no Lua local may take one
HELPERS = frozenset({
    # shared by every State (runtime/helpers.py SHARED_HELPERS)
    "int", "float", "bytes", "bool", "tuple", "BaseException", "len", "range",
    "Table", "ClassTable", "Userdata", "wrap_int", "INF", "NAN",
    "first", "call_n", "mv", "adjust",
    "arith_add", "arith_sub", "arith_mul", "arith_div", "arith_idiv", "arith_mod", "arith_pow", "arith_unm",
    "float_pow", "fdiv", "bit_and", "bit_or", "bit_xor", "bit_shl", "bit_shr", "bit_not",
    "eq", "lt", "le", "concat", "concat_n", "concat_big", "length",
    "forrange", "forin", "forin_abort", "chunks",
    "table_nn", "table_clean", "table_new", "table_seq",
    "check_close", "close_var", "close_var_err", "FALL", "JUMP",
    # bound to each State (state.py)
    "index", "setindex", "lookup_method", "budget_out", "tail_deep",
})
