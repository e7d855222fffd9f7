-- large constructors and multiple results expanded into big tables
local function range(n) local t = {} for i = 1, n do t[i] = i end return t end
local function unpack_rec(t, i, n) i = i or 1; n = n or #t; if i > n then return end return t[i], unpack_rec(t, i + 1, n) end
local big = { unpack_rec(range(120)) }
print(#big, big[1], big[60], big[120])
local mixed = { "a", "b", unpack_rec(range(100)) }
print(#mixed, mixed[3], mixed[102])
local literal = {
  1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
  21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40,
  41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60,
  x = "named in the middle",
  61, 62, 63, 64, 65,
}
print(#literal, literal[50], literal[51], literal[65], literal.x)
local sum = 0
for _, v in ipairs(literal) do sum = sum + v end
print(sum)
local function count(...) return select("#", ...) end
print(count(unpack_rec(range(250))))
local nested = { { { { { "deep" } } } } }
print(nested[1][1][1][1][1])
