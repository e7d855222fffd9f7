-- load with a reader: the mode is checked on the first piece, so a reader
-- that never ends is not read on for a chunk the mode refuses
local calls = 0
local function endless() calls = calls + 1 return "x = 1 " end
print(load(endless, "=r", "b"))
print(calls)
calls = 0
local function once() calls = calls + 1 if calls == 1 then return "return 7" end end
local f = load(once, "=r", "t")
print(f(), calls)
calls = 0
print(load(function() calls = calls + 1 if calls < 3 then return "\27Lua" end end, "=r", "t"))
print(calls)
