-- NaN and infinities
local nan = 0 / 0
print(0 / 0)       -- reference Lua on Linux prints -nan
print(-(0 / 0))    -- and this prints nan
print(nan ~= nan, nan == nan, nan < nan, nan > 0, nan <= nan)
print(1 / 0, -1 / 0, 1 / 0 - 1 / 0 ~= 1 / 0 - 1 / 0)
print(math.huge, -math.huge, math.huge == 1 / 0)
print(math.huge > math.maxinteger, -math.huge < math.mininteger)
print(1 / math.huge, -1 / math.huge)
print(math.huge + 1 == math.huge, math.huge * 0 ~= math.huge * 0)
print(0.0 / 0.0 ~= 0.0 / 0.0)
local t = {}
print(pcall(function() t[nan] = 1 end))
print(t[nan])
print(rawget(t, nan))
print(math.huge // 1, -math.huge // 1, 5 // math.huge, -5 // math.huge)
print(5 % math.huge, -5 % math.huge, 5 % -math.huge)
print(math.huge % 2 ~= math.huge % 2)
print(1e308 * 10, -1e308 * 10)
print(2^1024, 2^-1080)
