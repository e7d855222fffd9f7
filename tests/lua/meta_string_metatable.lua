-- strings have a metatable whose __index is the string table
print(("x"):rep(3), ("abc"):upper(), ("hello"):sub(2, 4), ("A"):byte())
local s = "value"
print(s:len(), #s, s:rep(2, "-"))
print(("%d items"):format(3))
local mt = getmetatable("")
print(mt.__index == string, rawequal(mt.__index, string))
-- indexing a string with a non-method key returns nil
print(("abc").nonexistent, s.len == string.len)
print(pcall(function() return ("abc"):nonexistent() end))
-- string arithmetic metamethods
print("10" + 5, "3" * "4", -"2", "2" ^ 2, "7" // 2, "7" % 3, "1" / 4)
print(mt.__add ~= nil, mt.__concat)
print(pcall(function() local t = "x"; return t.y.z end))
