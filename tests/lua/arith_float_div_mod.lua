-- float floor division and modulo with negatives
local cases = { { 7.5, 2 }, { -7.5, 2 }, { 7.5, -2 }, { -7.5, -2 }, { 5.0, 3 }, { -5, 3.0 }, { 5.3, 1 }, { 0.0, 3 } }
for _, c in ipairs(cases) do
  local a, b = c[1], c[2]
  print(a, b, a // b, a % b)
end
print(1 // 0.0, -1 // 0.0, 0.0 // 0.0 ~= 0.0 // 0.0)
print(1 % 0.0 ~= 1 % 0.0, 1.0 % 0 ~= 1.0 % 0)
print(5.0 // 0, -5 // 0.0)
print(-0.0 // 1, 0.0 // -1)
print(-6.0 % 3, 6.0 % -3)
print(3 % -2.0, -3 % 2.0)
print(1e308 % 3, 2^53 % 2)
print(7 / 2, -7 / 2, 7 / -2, 1 / 3 * 3)
print(0.5 // 0.1, 0.5 % 0.1 < 0.1)
