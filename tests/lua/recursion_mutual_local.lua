-- mutual recursion with local functions
local is_even, is_odd
function is_even(n) if n == 0 then return true end return is_odd(n - 1) end
function is_odd(n) if n == 0 then return false end return is_even(n - 1) end
print(is_even(10), is_odd(10), is_even(7), is_odd(7))
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
print(fib(20))
local function ack(m, n)
  if m == 0 then return n + 1 end
  if n == 0 then return ack(m - 1, 1) end
  return ack(m - 1, ack(m, n - 1))
end
print(ack(2, 3), ack(3, 3))
local function hanoi(n, from, to, via, moves)
  if n == 0 then return moves end
  hanoi(n - 1, from, via, to, moves)
  moves[#moves + 1] = from .. to
  return hanoi(n - 1, via, to, from, moves)
end
local m = hanoi(3, "A", "C", "B", {})
print(#m, table.concat(m, " "))
-- local function f can refer to itself; local f = function cannot
local function self_ref(n) return n > 0 and self_ref(n - 1) + 1 or 0 end
print(self_ref(5))
local not_self = function(n) return n end
local ok, err = pcall(function()
  local g = function(n) if n > 0 then return g(n - 1) end return 0 end
  return g(1)
end)
print(ok, err)
