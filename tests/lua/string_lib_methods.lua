-- library functions through the string metatable (method calls)
local s = "Hello, World"
print(s:len(), s:upper(), s:lower(), s:reverse(), s:sub(1, 5), s:byte(1), s:rep(2, "|"))
print(s:find("World"), s:find("o", 6), s:match("(%a+), (%a+)"), s:gsub("o", "0"))
print(("%d-%s"):format(7, "x"), ("abc"):rep(0), ("x"):byte())
for w in s:gmatch("%a+") do print(w) end
print(("i4"):pack(7):len(), ("i4"):packsize(), ("<i2"):unpack("\1\2"))
local mt = getmetatable("")
print(type(mt), mt.__index == string, rawequal(mt.__index, string))
-- a script can add to its own string table
function string.shout(x) return x:upper() .. "!" end
print(("hey"):shout())
string.shout = nil
print(pcall(function() return ("hey"):shout() end))
-- numbers are not strings for methods, but library functions accept them
print(string.upper(12), string.rep(3, 3), string.len(1e15), string.format("%s", 0.1))
print(pcall(function() local n = 5; return n:rep(2) end))
-- the library table is an ordinary table
local names = {}
for k in pairs(string) do if k ~= "dump" then names[#names + 1] = k end end
table.sort(names)
print(table.concat(names, " "))
