-- small algorithms with bitwise operators
local function popcount(x)
  local c = 0
  while x ~= 0 do x = x & (x - 1); c = c + 1 end
  return c
end
print(popcount(0), popcount(1), popcount(255), popcount(-1), popcount(math.mininteger))
local function tobin(x, width)
  local s = {}
  for i = width - 1, 0, -1 do s[#s + 1] = (x >> i) & 1 end
  return table.concat(s)
end
print(tobin(5, 8), tobin(-1, 8), tobin(0xA5, 8), tobin(~0xA5, 8))
local function rotl(x, n) return (x << n) | (x >> (64 - n)) end
print(rotl(1, 1), rotl(1 << 63, 1), rotl(0x0123456789ABCDEF, 8) == 0x23456789ABCDEF01)
local flags = 0
local READ, WRITE, EXEC = 1, 2, 4
flags = flags | READ | EXEC
print(flags & READ ~= 0, flags & WRITE ~= 0, flags & EXEC ~= 0)
flags = flags & ~READ
print(flags, flags ~ 7)
local h = 5381
for i = 1, 10 do h = ((h << 5) + h + i) & 0xFFFFFFFF end
print(h)
print(0x7FFFFFFFFFFFFFFF + 1 == 1 << 63, (1 << 63) - 1 == math.maxinteger)
