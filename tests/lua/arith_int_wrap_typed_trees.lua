-- integer + - * trees over typed locals wrap exactly like step-by-step Lua
-- arithmetic (mani computes such trees exactly and wraps once at the root)
local max, min = math.maxinteger, math.mininteger
local a = 9223372036854775807
local b = -9223372036854775807 - 1
print(a + 1 - 1, a * 2 - a, b - 1 + 1, -b, -(b + 0) - 1)
local x = 3037000500
print(x * x, x * x - x * x, x * x * x)
local acc = 1
for i = 1, 70 do acc = acc * 3 + i - 1 end
print(acc)
local h = 0
for i = 1, 200 do h = (h * 31 + i) * 1000003 - i end
print(h, h % 1000, h // 7)
-- the root of a tree feeding // and % is wrapped before dividing
local y = a
print((y + 1) // 2, (y + 1) % 10, (y * 2) // 3)
print(max + 1 == min, min - 1 == max, a * a, b * b, b * -1)
for i = max - 2, max do print(i, i + i, i * -i) end
