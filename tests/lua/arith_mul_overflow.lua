-- multiplication and addition overflow wrap around
print(0x100000000 * 0x100000000)
print(0x100000000 * 0x80000000)
print(math.maxinteger * -1, math.mininteger * -1, math.mininteger * 2)
print(math.maxinteger * math.maxinteger, math.mininteger * math.mininteger)
print(3037000500 * 3037000500)
print(-3037000500 * 3037000500)
local x = 1
for _ = 1, 70 do x = x * 2 end
print(x)
local y = 1
for _ = 1, 63 do y = y * 2 end
print(y, y - 1)
local h = 0
for i = 1, 100 do h = h * 31 + i end
print(h)
print(math.maxinteger + math.maxinteger + 2)
print(1 - math.mininteger, -1 - math.maxinteger)
