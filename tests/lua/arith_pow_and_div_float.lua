-- '^' and '/' always produce floats
print(2 ^ 2, 2 ^ 0, 0 ^ 0, 4 ^ 0.5, (-8) ^ (1 / 3) ~= (-8) ^ (1 / 3))
print(1 / 1, 10 / 5, 0 / 5, -0 / 5, 0 / -5)
print(2 ^ 62, 2 ^ 64, 10 ^ 20, 10 ^ -20)
print((-2) ^ 3, (-2) ^ 2, 2 ^ 0.5)
print(0 ^ -1, (-0.0) ^ -1)
print(9 ^ 0.5, 27 ^ (1/3))
print(1 ^ math.huge, 2 ^ math.huge, 0.5 ^ math.huge)
print(3 / 2 * 2, 3 // 2 * 2)
