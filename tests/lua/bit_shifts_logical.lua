-- shifts are logical (zero-filling) and shifting by >= 64 gives 0
local function show(...) local t = {} for i = 1, select("#", ...) do t[i] = tostring((select(i, ...))) end return table.concat(t, " ") end
print(show(-8 >> 1, -8 >> 2, -8 >> 60, -8 >> 63))
print(show(1 << 63 >> 63, (1 << 63) >> 62))
for _, n in ipairs({ 0, 1, 31, 32, 33, 63, 64, 65, 127, -1, -63, -64, -65 }) do
  print(n, 1 << n, 0x8000000000000000 >> n, -1 >> n)
end
print(math.mininteger >> 0, math.mininteger << 0)
print(5 >> math.mininteger, 5 << math.mininteger, 5 >> math.maxinteger)
