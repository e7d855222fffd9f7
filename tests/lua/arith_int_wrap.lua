-- integer arithmetic wraps around modulo 2^64
local max, min = math.maxinteger, math.mininteger
print(max, min)
print(max + 1 == min, max + 1)
print(min - 1 == max, min - 1)
print(-min == min, -min)
print(min // -1, min % -1)
print(max * 2, max * max, min * -1)
print(0x7fffffff * 0x7fffffff)
print(4611686018427387904 * 2)
print(4611686018427387904 * 4)
print(max + max, min + min)
print(1 << 63, (1 << 63) - 1)
print(max // 1, min // 1, max % 2, min % 2)
print(-max - 2, -max - 1 == min)
local function fact(n) local r = 1 for i = 2, n do r = r * i end return r end
print(fact(20), fact(21), fact(25))
print(123456789 * 987654321, 123456789012 * 987654321098)
