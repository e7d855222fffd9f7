-- integer/float comparisons are exact, even beyond 2^53
local big = 9007199254740993          -- 2^53 + 1, an integer
print(big == 2 ^ 53, big > 2 ^ 53, big - 1 == 2 ^ 53)
print(2 ^ 53 == 2 ^ 53 + 1)           -- float arithmetic rounds
print(9007199254740992 == 9007199254740993)
print(math.maxinteger < 2 ^ 63, math.maxinteger <= 2 ^ 63, math.maxinteger == 2 ^ 63)
print(math.maxinteger + 0.0 == 2 ^ 63)
print(math.mininteger == -2 ^ 63, math.mininteger < -2 ^ 63, math.mininteger <= -2 ^ 63)
print(math.maxinteger > 9.2233720368547e18, math.maxinteger < 9.3e18)
print(1 == 1.0, 1 < 1.5, 2 > 1.5, -1 < -0.5, 0 == -0.0)
print(1 < 0 / 0, 1 > 0 / 0, 1 == 0 / 0, math.maxinteger < math.huge, math.mininteger > -math.huge)
print(2 ^ 63 > math.maxinteger, -(2 ^ 63) >= math.mininteger)
print(9007199254740993 < 9007199254740992.0, 9007199254740993 > 9007199254740992.0)
print(4611686018427387905 == 4611686018427387904.0)
local t = {}
t[2 ^ 53] = "float key"
print(t[9007199254740992], t[9007199254740993])
