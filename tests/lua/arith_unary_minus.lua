-- unary minus on integers, floats and strings
print(-1, -(-1), -0, -0.0, -(0.0))
print(- math.maxinteger, - math.mininteger)
print(-"2", -"2.5", -"0x10", -" 3 ")
print(pcall(function() return -"abc" end))
print(pcall(function() return -{} end))
print(pcall(function() local x; return -x end))
local x = 5
print(-x, - -x, -x * -x)
print(-2 ^ 2, (-2) ^ 2)
print(0 == -0, 0.0 == -0.0, 1 / -0.0, 1 / 0.0)
