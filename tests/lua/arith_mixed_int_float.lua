-- mixing integers and floats converts to float
print(1 + 1.0, 1 - 1.0, 2 * 1.0, 1.0 * 0)
print(math.maxinteger + 0.0, math.maxinteger + 1.0)
print(math.maxinteger + 0.0 == 2 ^ 63)
print(math.mininteger + 0.0, math.mininteger + 0.0 == -2 ^ 63)
print(9007199254740993 + 0.0)
print(10 // 3, 10.0 // 3, 10 // 3.0, 10 % 3.0)
print(2^53 + 1, 2^53 + 1 == 2^53)
print(3 + -0.0, 0 + -0.0, -0.0 + 0)
print(1e15 + 1, 1e15 + 1 == 1000000000000001)
local i, f = 7, 7.0
print(i == f, i + f, i * f, i // f, i % f)
