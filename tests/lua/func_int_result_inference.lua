-- local functions whose integer arguments give integer results (mani types
-- such calls statically); results must still wrap and mix with floats
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
print(fib(20), math.type(fib(10)), fib(1.0), math.type(fib(1.0)), fib(5.0))
local function big(n) if n == 0 then return math.maxinteger end return big(n - 1) + 1 end
print(big(3), big(0))
local function half(n) return n // 2 end
print(half(7), half(7.0), half(-7))
local function tri(n) if n <= 0 then return 0 end return n + tri(n - 1) end
print(tri(100), tri(100.5))
local function ack(m, n)
  if m == 0 then return n + 1 end
  if n == 0 then return ack(m - 1, 1) end
  return ack(m - 1, ack(m, n - 1))
end
print(ack(2, 3), ack(2, 3.0))
local function sq(x) return x * x end
print(sq(3037000500), sq(2.5), pcall(sq, "3"), pcall(sq, {}))
-- result types other than integers: tables, floats, strings
local function node(d) if d == 0 then return {} end return { node(d - 1), node(d - 1) } end
local function count(t) if t[1] then return 1 + count(t[1]) + count(t[2]) end return 1 end
print(count(node(6)), type(node(0)))
local function ratio(i, j) return 1.0 / (i + j) end
print(ratio(1, 3), ratio(1, 3) * 4, math.type(ratio(2, 2)))
local function label(n) if n > 0 then return "n" .. n end return "zero" end
print(label(3) .. label(0), #label(12))
