-- missing arguments are nil, extra arguments are dropped
local function three(a, b, c) return a, b, c end
print(three())
print(three(1))
print(three(1, 2, 3, 4, 5))
local function count_params(a, b) return select("#", a, b) end
print(count_params(), count_params(1, 2, 3))
local function defaults(a, b)
  a = a or "default-a"
  if b == nil then b = "default-b" end
  return a, b
end
print(defaults())
print(defaults(false, false))
print(defaults(nil, 0))
local function ret_nothing() end
local function ret_nil() return nil end
print(select("#", ret_nothing()), select("#", ret_nil()))
print(ret_nothing() == nil, ret_nil() == nil)
local t = { ret_nothing() }
local u = { ret_nil() }
print(#t, #u, next(t), next(u))
-- parameters are locals: assigning them does not affect the caller
local function mutate(x, tbl) x = x + 1; tbl.changed = true; return x end
local v, tb = 1, {}
print(mutate(v, tb), v, tb.changed)
-- a function value can be called through any expression
local ops = { add = function(a, b) return a + b end }
print(ops.add(2, 3), ops["add"](4, 5), (ops.add)(6, 7))
