-- integer floor division and modulo (result has the sign of the divisor)
local pairs_ = { { 7, 3 }, { -7, 3 }, { 7, -3 }, { -7, -3 }, { 6, 3 }, { -6, 3 }, { 0, 5 }, { 1, -1 } }
for _, p in ipairs(pairs_) do
  local a, b = p[1], p[2]
  print(a, b, a // b, a % b, a == (a // b) * b + a % b)
end
print(math.mininteger // -1, math.mininteger % -1)
print(math.maxinteger // -1, math.maxinteger % -1)
print(math.mininteger // 1, math.mininteger % math.maxinteger)
print(5 // 2 * 2 + 5 % 2)
print(-1 // 2, -1 % 2, 1 // -2, 1 % -2)
print(3 % math.mininteger, -3 % math.mininteger, 3 % math.maxinteger)
