"""Generators of hostile input for the fuzz tests (test_fuzz.py) and the
long-running driver (tools/fuzz.py): random bytes, token soup, programs from
a small Lua grammar, and calls of every standard-library function with
random arguments. Each is a hypothesis strategy of Lua source text, and
``run_one`` runs a source the way both expect: bounded, and failing with
``FuzzFailure`` if anything but a mani error reaches the host or a run does
not end within its budget."""

from __future__ import annotations

import time

from hypothesis import strategies as st

import mani

BUDGET = 200_000
MEMORY = 16 << 20
WALL = 20.0  # seconds: a run that takes longer did not end within its budget

# ---------------------------------------------------------------- tokens
KEYWORDS = ["and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto", "if", "in",
            "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while"]
SYMBOLS = ["+", "-", "*", "/", "//", "%", "^", "#", "&", "~", "|", "<<", ">>", "==", "~=", "<=", ">=", "<",
           ">", "=", "(", ")", "{", "}", "[", "]", "::", ";", ":", ",", ".", "..", "...", "<const>", "<close>"]
NAMES = ["x", "y", "t", "f", "s", "_ENV", "self", "string", "table", "math", "print", "pcall", "load",
         "setmetatable", "coroutine", "error"]
LITERALS = ["0", "1", "-1", "2^63", "0x7fffffffffffffff", "1e308", "0.5", "1/0", "0/0", "'a'", '"%d"',
            "[[long]]", "'\\0'", "'\\u{7FFFFFFF}'", "'\\xff'", "math.maxinteger", "math.mininteger"]

token = st.sampled_from(KEYWORDS + SYMBOLS + NAMES + LITERALS)
token_soup = st.lists(token, max_size=60).map(" ".join)
random_source = st.binary(max_size=300)

# --------------------------------------------------------------- grammar
# Expressions and statements over a few locals; loops are bounded by their
# own counters or by the budget, calls reach the whole standard library.
LOCALS = ["a", "b", "c", "t", "s", "f"]
var = st.sampled_from(LOCALS)
literal = st.sampled_from(LITERALS + ["{}", "{1, 2, 3}", "{x = 1, [2] = 'y'}", "function(...) return ... end",
                                      "string.rep('ab', 3)", "setmetatable({}, {__index = function() return 1 end})"])
BINOPS = ["+", "-", "*", "/", "//", "%", "^", "..", "==", "~=", "<", "<=", "and", "or", "&", "|", "~", "<<", ">>"]
UNOPS = ["-", "not ", "#", "~"]
LIBCALLS = ["string.format('%5.1f %s %q', {0}, {1}, {0})", "string.rep({0}, 3, {1})", "({0}):upper()",
            "string.byte({0}, 1, -1)", "table.concat({{{0}, {1}}}, ',')", "tostring({0})", "tonumber({0}, 16)",
            "select('#', {0}, {1})", "math.max({0}, {1})", "pcall(error, {0})", "utf8.char(65, {0})",
            "string.find({0}, {1})", "({0}):gsub('.', {1})", "table.unpack({{{0}, {1}}})", "rawequal({0}, {1})",
            "coroutine.wrap(function(x) coroutine.yield(x) return {1} end)({0})", "next({{}}, {0})",
            "math.tointeger({0})", "string.pack('i4', {0})", "load({0})", "#{0}", "({0})[{1}]"]


def _expr(children):
    return st.one_of(
        st.tuples(children, st.sampled_from(BINOPS), children).map(lambda p: f"({p[0]} {p[1]} {p[2]})"),
        st.tuples(st.sampled_from(UNOPS), children).map(lambda p: f"({p[0]} {p[1]})"),  # not "--1"
        st.tuples(st.sampled_from(LIBCALLS), children, children).map(lambda p: p[0].format(p[1], p[2])),
        st.tuples(children, children).map(lambda p: f"{{{p[0]}, k = {p[1]}}}"),
    )


expr = st.recursive(st.one_of(var, literal), _expr, max_leaves=12)


# openers and closers nested deeply enough that the compiler moves the inner
# part into local functions (compiler/outline.py); the loops run once
DEEP = [("if a then ", "end "), ("do local d = a ", "end "), ("for i = 1, 1 do ", "end "),
        ("while true do ", "break end "), ("repeat ", "until true "), ("for _ in pairs({1}) do ", "end "),
        ("do local x <close> = nil ", "end ")]


def _block(children):
    return st.one_of(
        st.tuples(st.integers(10, 60), st.sampled_from(DEEP), children).map(
            lambda p: p[1][0] * p[0] + p[2] + " " + p[1][1] * p[0]),
        st.just("if t == nil then return a end"),
        st.tuples(var, expr).map(lambda p: f"{p[0]} = {p[1]}"),
        st.tuples(var, expr, expr).map(lambda p: f"{p[0]}[{p[1]}] = {p[2]}"),
        st.tuples(expr, children, children).map(lambda p: f"if {p[0]} then {p[1]} else {p[2]} end"),
        st.tuples(st.integers(0, 20), children).map(lambda p: f"for i = 1, {p[0]} do {p[1]} end"),
        st.tuples(children).map(lambda p: f"do local n = 0 while n < 5 do n = n + 1 {p[0]} end end"),
        st.tuples(children).map(lambda p: f"pcall(function() {p[0]} end)"),
        st.tuples(expr, children).map(lambda p: f"for k, v in pairs({{{p[0]}}}) do {p[1]} end"),
        st.tuples(children).map(lambda p: f"f = function(...) {p[0]} return ... end"),
        st.tuples(children).map(lambda p: f"do local x <close> = setmetatable({{}}, {{__close = function() {p[0]} end}}) end"),
        st.tuples(children).map(lambda p: f"local co = coroutine.create(function() {p[0]} coroutine.yield() end) "
                                          f"coroutine.resume(co)"),
        expr.map(lambda e: f"print({e})"),
        st.tuples(children, children).map(lambda p: f"{p[0]} {p[1]}"),
        st.just("goto done ::done::"),
    )


program = st.recursive(
    st.tuples(var, expr).map(lambda p: f"{p[0]} = {p[1]}"), _block, max_leaves=10,
).map(lambda body: "local a, b, c, t, s, f = 1, 2.5, 'str', {}, 'abc', print\n" + body)

# ------------------------------------------------ library calls, random args
LIBRARY = {
    "": ["assert", "collectgarbage", "error", "getmetatable", "ipairs", "load", "next", "pairs", "pcall",
         "print", "rawequal", "rawget", "rawlen", "rawset", "select", "setmetatable", "tonumber", "tostring",
         "type", "xpcall"],
    "string": ["byte", "char", "find", "format", "gmatch", "gsub", "len", "lower", "match", "pack", "packsize",
               "rep", "reverse", "sub", "unpack", "upper"],
    "table": ["concat", "insert", "move", "pack", "remove", "sort", "unpack"],
    "math": ["abs", "acos", "asin", "atan", "ceil", "cos", "deg", "exp", "floor", "fmod", "log", "max", "min",
             "modf", "rad", "random", "randomseed", "sin", "sqrt", "tan", "tointeger", "type", "ult"],
    "utf8": ["char", "codepoint", "codes", "len", "offset"],
    "coroutine": ["close", "create", "isyieldable", "resume", "running", "status", "wrap", "yield"],
}
FUNCTIONS = [f"{lib}.{name}" if lib else name for lib, names in LIBRARY.items() for name in names]
ARGS = ["nil", "true", "false", "0", "1", "-1", "3", "100", "2^31", "2^53", "-0.0", "0.5", "1/0", "-1/0", "0/0",
        "math.maxinteger", "math.mininteger", "''", "'a'", "'abc'", "'%'", "'%d%s%q%5.2f%x%c%a%i'", "'[a-'",
        "'(()'", "'%b()'", "'%f[%w]'", "'.-'", "'i4'", "'<!4 s1 z j n'", "'\\xff\\xfe'", "'\\u{10FFFF}'",
        "'1e10'", "'0x10'", "'  12  '", "string.rep('x', 1000)", "{}", "{1, 2, 3}", "{3, 'a', 1}",
        "{n = 2}", "setmetatable({}, {__index = function(t, k) return k end, __len = function() return 5 end})",
        "setmetatable({}, {__lt = function() error('lt') end})", "function(...) return ... end",
        "function() error('boom') end", "function() return 1, 2, 3 end", "coroutine.create(function() end)",
        "coroutine.create(function() coroutine.yield(1) end)", "print", "string", "_G"]

arg = st.sampled_from(ARGS)
library_call = st.tuples(st.sampled_from(FUNCTIONS), st.lists(arg, max_size=5)).map(
    lambda p: f"return pcall({p[0]}, {', '.join(p[1])})" if p[1] else f"return pcall({p[0]})")


# ------------------------------------------------------------------ running
class FuzzFailure(AssertionError):
    pass


class _Quiet(mani.HostCallbacks):
    def on_print(self, source, line, message):
        pass


_ENGINE = mani.Engine(max_memory=MEMORY, max_string_size=1 << 20)


def run_one(source) -> str:
    """Compile and run ``source`` (bytes or str) in a fresh bounded State.
    Returns the outcome's kind; raises FuzzFailure when the host sees
    anything but a mani error, or when the run outlives its budget."""
    state = _ENGINE.new_state(callbacks=_Quiet())
    state.set_cost_budget(BUDGET)
    state.set_deadline(WALL)
    t0 = time.monotonic()
    try:
        try:
            state.load_string(source, name="fuzz")
            outcome = "ok"
        except mani.Interrupted as exc:
            raise FuzzFailure(f"did not end within its budget in {WALL} s: {exc}") from exc
        except mani.BudgetExceeded:
            outcome = "budget"
        except mani.MemoryLimitExceeded:
            outcome = "memory"
        except mani.LuaSyntaxError:
            outcome = "syntax"
        except mani.ManiError:
            outcome = "error"
        except BaseException as exc:  # noqa: BLE001 - this is what the fuzzer looks for
            raise FuzzFailure(f"{type(exc).__name__} reached the host: {exc!r}") from exc
        # a budget is a bound: the run may finish the step that crossed it
        # (a library call charged before it works), never go on from there
        if state.cost_used > BUDGET + 50_000:
            raise FuzzFailure(f"ran to {state.cost_used} units on a budget of {BUDGET}")
        return outcome
    finally:
        try:
            state.close()
        except BaseException as exc:  # noqa: BLE001
            raise FuzzFailure(f"State.close() raised {exc!r}") from exc
        if time.monotonic() - t0 > WALL:
            raise FuzzFailure(f"took {time.monotonic() - t0:.1f} s")


# ------------------------------------------- disruption from another thread
DISRUPTIONS = ["interrupt", "close", "cancel"]


def run_disrupted(body: str, action: str, delay: float) -> str:
    """Run a grammar program in a loop on a worker thread and disrupt it from
    this one after ``delay`` seconds: interrupt it, close the State, or cancel
    a suspended run (``Execution.cancel`` from another thread). The worker
    must only ever see mani errors, end within seconds, and leave the State
    idle (usable) or closed."""
    import threading

    state = _ENGINE.new_state(callbacks=_Quiet())
    try:
        state.load_string("function body()\n" + body + "\nend\n"
                          "function forever() while true do pcall(body) end end")
    except mani.LuaSyntaxError:  # (deep nesting can pass Lua's limits)
        state.close()
        return "syntax"
    handle = state.interrupt_handle()
    seen: list = []
    started = threading.Event()
    executions: list = []

    def worker():
        try:
            started.set()
            if action == "cancel":
                state.set_cost_budget(5_000)
                ex = state.start("forever")  # suspends when the budget is used
                executions.append(ex)
                while ex.status == "suspended" and not seen:
                    time.sleep(0.001)
                    if len(executions) > 1:  # the main thread asked us to cancel it ourselves
                        ex.cancel()
                        break
                seen.append(("status", ex.status))
            else:
                state.call("forever")
                seen.append(("returned", None))
        except mani.ManiError as exc:
            seen.append(("mani", type(exc).__name__))
        except BaseException as exc:  # noqa: BLE001 - this is what the fuzzer looks for
            seen.append(("raw", repr(exc)))

    th = threading.Thread(target=worker, daemon=True)
    th.start()
    started.wait()
    time.sleep(delay)
    try:
        if action == "interrupt":
            handle.interrupt()
        elif action == "close":
            try:
                state.close()
            except mani.ManiError:
                pass  # busy: refused with a mani error, never corrupted
            handle.interrupt()
        else:
            for _ in range(200):
                if executions:
                    break
                time.sleep(0.005)
            if executions:
                try:
                    executions[0].cancel()  # another thread: a clear mani error
                except mani.ManiError:
                    pass
            executions.append(None)  # now the worker cancels it on its own thread
    except BaseException as exc:  # noqa: BLE001
        raise FuzzFailure(f"{action} from another thread raised {exc!r}") from exc
    th.join(WALL)
    if th.is_alive():
        handle.interrupt()
        th.join(5)
        raise FuzzFailure(f"the run did not end within {WALL} s of {action}")
    if any(kind == "raw" for kind, _ in seen):
        raise FuzzFailure(f"the worker saw {seen}")
    if not state.closed:  # idle and usable
        try:
            state.set_cost_budget(None)
            assert state.load_string("return 1 + 1") == (2,)
        except Exception as exc:  # noqa: BLE001
            raise FuzzFailure(f"the State was left unusable after {action}: {exc!r}") from exc
        state.close()
    return seen[0][1] if seen else "none"


disruption = st.tuples(program, st.sampled_from(DISRUPTIONS),
                       st.floats(0.0, 0.05))
