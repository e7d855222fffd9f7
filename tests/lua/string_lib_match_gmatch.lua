-- string.match and string.gmatch
print(string.match("hello world", "%w+"), string.match("hello world", "%w+", 6), string.match("hello world", "%w+", -5))
print(string.match("hello", "xyz"), string.match("hello", "", 10), string.match("hello", "", 6), string.match("hello", "()", -2))
print(string.match("hello", ".", 0), string.match("hello", ".", -100), string.match("hello", "^h", 1), string.match("hello", "^e", 2))
print(string.match(12345, "3(4)"), string.match("a1b2", "%d", 3))
local words = {}
for w in string.gmatch("The quick brown fox", "%a+") do words[#words + 1] = w end
print(#words, table.concat(words, "|"))
for k, v in string.gmatch("a=1, b=2, c=3", "(%w+)=(%w+)") do print(k, v) end
for pos, w in string.gmatch("one two", "()(%a+)") do print(pos, w) end
local parts = {}
for p in string.gmatch("a,b,,c,", "([^,]*)") do parts[#parts + 1] = "<" .. p .. ">" end
print(table.concat(parts))
parts = {}
for p in string.gmatch("abc", "") do parts[#parts + 1] = "[" .. p .. "]" end
print(#parts, table.concat(parts))
parts = {}
for p in string.gmatch("abc", "x*") do parts[#parts + 1] = "[" .. p .. "]" end
print(#parts, table.concat(parts))
parts = {}
for a in string.gmatch("^a^a", "^a") do parts[#parts + 1] = a end
print(#parts, table.concat(parts, ","))
parts = {}
for a in string.gmatch("hello world from lua", "%a+", 7) do parts[#parts + 1] = a end
print(table.concat(parts, ","))
parts = {}
for a in string.gmatch("hello world", "%a+", -5) do parts[#parts + 1] = a end
print(table.concat(parts, ","))
print(string.gmatch("abc", "b", 10)(), string.gmatch("abc", "", 4)(), select("#", string.gmatch("abc", "", 5)()))
local it = string.gmatch("a1b2c3", "%a(%d)")
print(it(), it(), it(), it(), it())
local it2 = string.gmatch("aaa", "a-")
print(it2(), it2(), it2(), it2(), it2())
local n = 0
for a, b in string.gmatch(string.rep("key=value;", 100), "(%w+)=(%w+)") do n = n + #a + #b end
print(n)
print(pcall(string.gmatch))
print(pcall(string.gmatch, "x"))
print(pcall(string.gmatch, "x", "y", "z"))
print(pcall(string.match))
print(pcall(string.match, "x", {}))
print(pcall(function() return string.match("x", "x", {}) end))
print(type(string.gmatch("", "")))
