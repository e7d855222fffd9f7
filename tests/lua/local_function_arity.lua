-- Calls to local functions with more arguments than the spare ones: extra
-- arguments are dropped, missing ones are nil, varargs keep them all.
local function five(a, b, c, d, e) return a, b, c, d, e end
print(five(1, 2, 3, 4, 5))
print(five(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11))
print(five(1))

local function one(a) return a end
print(one(1, 2, 3, 4, 5, 6, 7, 8))

local function va(a, ...) return a, select("#", ...), ... end
print(va(1, 2, 3, 4, 5, 6, 7, 8, 9, 10))
print(va(table.unpack({ 1, 2, 3, 4, 5, 6, 7 })))

local function many() return 1, 2, 3, 4, 5, 6, 7, 8, 9 end
print(five(0, many()))
print(one(many()))

-- recursion with five parameters
local function sum(n, acc, x, y, z)
  if n == 0 then return acc + x + y + z end
  return sum(n - 1, acc + n, x, y, z)
end
print(sum(10, 0, 1, 2, 3))
