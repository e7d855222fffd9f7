-- varargs in every position
print("main chunk varargs:", select("#", ...))
local function count(...) return select("#", ...) end
local function pass(...) return ... end
print(count(), count(nil), count(nil, nil), count(1, nil, 3, nil))
print(pass(1, 2, 3))
print((pass(1, 2, 3)))
print(pass(1, 2, 3), "end")
print("start", pass(1, 2, 3))
local function first(...) local a = ...; return a end
print(first(9, 8, 7))
local function two(...) local a, b, c = ...; return a, b, c end
print(two(1))
print(two(1, 2, 3, 4))
local function tbl(...) local t = { ... }; return #t, t[1], t[#t] end
print(tbl(5, 6, 7))
local function mid(...) return ..., "x" end
print(mid(1, 2, 3))
local function fixed(a, b, ...) return a, b, count(...) end
print(fixed(1))
print(fixed(1, 2, 3, 4, 5))
local function nested(...)
  local function inner(...) return count(...) end
  return inner(..., ...)
end
print(nested(1, 2))
local function arith(...) local a, b = ...; return a + b end
print(arith(3, 4, 5))
local function sum(...)
  local s = 0
  for i = 1, select("#", ...) do s = s + (select(i, ...)) end
  return s
end
print(sum(1, 2, 3, 4, 5, 6, 7, 8, 9, 10))
print(count(pass()), count(pass(), nil), count(nil, pass()))
