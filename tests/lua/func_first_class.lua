-- functions as values: higher-order functions, tables of functions
local function map(t, f) local r = {} for i, v in ipairs(t) do r[i] = f(v) end return r end
local function filter(t, p) local r = {} for _, v in ipairs(t) do if p(v) then r[#r + 1] = v end end return r end
local function reduce(t, f, acc) for _, v in ipairs(t) do acc = f(acc, v) end return acc end
local nums = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }
local squares = map(nums, function(x) return x * x end)
print(table.concat(squares, " "))
local evens = filter(nums, function(x) return x % 2 == 0 end)
print(table.concat(evens, " "))
print(reduce(nums, function(a, b) return a + b end, 0), reduce(nums, function(a, b) return a > b and a or b end, 0))
local function compose(...)
  local fs = { ... }
  return function(x)
    for i = #fs, 1, -1 do x = fs[i](x) end
    return x
  end
end
local f = compose(function(x) return x + 1 end, function(x) return x * 10 end)
print(f(1), f(5))
local function curry(fn, a) return function(...) return fn(a, ...) end end
local add3 = curry(function(a, b, c) return a + b + c end, 1)
print(add3(2, 3))
local dispatch = {
  ["+"] = function(a, b) return a + b end,
  ["-"] = function(a, b) return a - b end,
  ["*"] = function(a, b) return a * b end,
}
for _, op in ipairs({ "+", "-", "*" }) do print(op, dispatch[op](6, 3)) end
print(type(print), type(function() end), print == print)
local a = function() end
local b = a
print(a == b)
