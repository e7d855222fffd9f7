"""Calls of direct local functions are charged by the caller
(compiler/callcharge.py): the totals must be those of charging at the
callee's entry, and every recursion must still exhaust the budget."""

import pytest

import mani

# Each program defines local functions and returns a result. Appending
# ESCAPE makes every one of them escape as a value, so none is direct and
# each charges its own entry: the reference for the totals.
PROGRAMS = {
    "fib": """
        local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
        return fib(15)""",
    "trees": """
        local function make(d) if d == 0 then return {} end d = d - 1 return {make(d), make(d)} end
        local function check(t) local l = t[1] if l then return 1 + check(l) + check(t[2]) end return 1 end
        local s = 0
        for i = 1, 20 do s = s + check(make(i % 6)) end
        return s""",
    "mutual": """
        local function even(n)
          local function odd(m) if m == 0 then return false end return even(m - 1) end
          if n == 0 then return true end
          return odd(n - 1)
        end
        return even(101), even(64)""",
    "conditional calls": """
        local function f(x) return x + 1 end
        local function g(x) return x * 2 end
        local function h(x) return x - 1 end
        local a, n = 0, 0
        for i = 1, 30 do
          a = (i % 3 == 0) and f(a) or g(i)          -- f, g: conditional operands
          if i % 5 == 0 then a = h(a)                -- in a branch: before the statement
          elseif h(i) > 20 then n = n + 1 end        -- an elseif condition
        end
        local k = 0
        while f(k) < 10 do k = f(k) end              -- a loop condition
        repeat k = h(k) until h(k) < 0               -- an until condition
        return a, n, k""",
    "after exits": """
        local function f(x) return x + 1 end
        local t = 0
        for i = 1, 40 do
          if i % 7 == 0 then break end
          t = f(t)
        end
        local i = 0
        while true do
          i = f(i)
          if i > 25 then break end
          t = f(t) + f(i)
        end
        local function early(n) if n > 3 then return n end return f(n) + early(n + 1) end
        return t, early(0)""",
    "labels": """
        local function f(x) return x + 1 end
        local n = 0
        ::again::
        n = f(n)
        if n < 10 then goto again end
        for i = 1, 5 do
          n = f(n)
          if i % 2 == 0 then goto continue end
          n = f(n) + 1
          ::continue::
        end
        return n""",
    "varargs and many args": """
        local function v(...) return select("#", ...) end
        local function many(a, b, c, d, e, f, g) return a + g end
        local s = 0
        for i = 1, 10 do s = s + v(i, i, i) + many(1, 2, 3, 4, 5, 6, i, 8, 9) + v() end
        return s""",
    "nested direct functions": """
        local function outer(n)
          local function inner(k) return k * 2 end
          local s = 0
          for i = 1, n do s = s + inner(i) end
          return s
        end
        local r = 0
        for i = 1, 10 do r = r + outer(i) end
        return r""",
}

ESCAPE = "\nlocal _ = {fib, make, check, even, f, g, h, early, v, many, outer}\n"
# the same statement charge (a constructor of as many items), no function escapes
NO_ESCAPE = "\nlocal _ = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}\n"


def run(src, budget=None):
    st = mani.Engine().new_state()
    if budget is not None:
        st.set_cost_budget(budget)
    return st.load_string(src), st.cost_used


def with_escape(src, escape=ESCAPE):
    # before the final return
    head, _, tail = src.rpartition("return ")
    return head + escape + "return " + tail


@pytest.mark.parametrize("name", list(PROGRAMS))
def test_totals_equal_charging_at_the_callee(name):
    src = PROGRAMS[name]
    direct, cost = run(with_escape(src, NO_ESCAPE))
    ref, ref_cost = run(with_escape(src))
    assert direct == ref
    assert cost == ref_cost


@pytest.mark.parametrize("name", list(PROGRAMS))
def test_a_budget_of_the_total_is_enough_and_one_less_is_not(name):
    src = PROGRAMS[name]
    _, total = run(src)
    run(src, total)
    with pytest.raises(mani.BudgetExceeded):
        run(src, total - 1)


# recursions whose calls are not tail calls: the stack grows
RECURSIONS = {
    "direct": "local function f(n) return 1 + f(n + 1) end return f(1)",
    "leaf test first": "local function f(n) if n < 0 then return 0 end return f(n + 1) + 1 end return f(1)",
    "mutual": """
        local function a(n)
          local function b(m) return a(m + 1) end
          return b(n) + 1
        end
        return a(1)""",
}
# proper tail calls: Lua runs them in constant space, for ever
TAIL_RECURSIONS = {
    "tail": "local function f(n) return f(n + 1) end return f(1)",
    "in a branch": "local function f(n) if n >= 0 then return f(n + 1) end return 0 end return f(1)",
    "from a for loop": """
        local function f(n) if n < 0 then return 0 end return f(n + 1) end
        local s = 0
        for i = 1, 10 do s = s + f(i) end
        return s""",
    "from a while loop": """
        local function f(n) return f(n + 1) end
        local i = 0
        while i < 10 do i = i + f(i) end
        return i""",
}


@pytest.mark.parametrize("name", list(RECURSIONS) + list(TAIL_RECURSIONS))
def test_recursion_exhausts_the_budget(name):
    with pytest.raises(mani.BudgetExceeded):
        run({**RECURSIONS, **TAIL_RECURSIONS}[name], 3000)


@pytest.mark.parametrize("name", list(TAIL_RECURSIONS))
def test_tail_recursion_runs_until_the_budget_ends_it(name):
    # far more calls than the Python stack has room for (16,000 frames)
    with pytest.raises(mani.BudgetExceeded):
        run(TAIL_RECURSIONS[name], 1_000_000)


@pytest.mark.parametrize("name", list(RECURSIONS))
def test_recursion_without_a_budget_is_a_stack_overflow(name):
    (ok, msg), _ = run(f"return pcall(load([[{RECURSIONS[name]}]]))")
    assert ok is False and "stack overflow" in msg


def test_the_leaves_of_a_recursion_run_no_check():
    # what the optimisation is for: fib's entry has no check, the check
    # before its recursive calls charges both callees
    prog = mani.Engine().compile(PROGRAMS["fib"])
    body = prog.python_source.split("def lua_fib(")[1].split("\n            fib = ")[0]
    lines = [ln.strip() for ln in body.splitlines() if not ln.strip().startswith("#")]  # not the source comments
    # the def's parameters, docstring, nonlocal, then the body at once
    assert lines[2] == "nonlocal _B" and lines[3].startswith("if n.__class__ is int")
    assert lines[4] == "if n < 2:" and lines[5] == "return n"
    assert sum("_B := _B - 8" in ln for ln in lines) == 2  # one per body (int, general)
