-- utf8.codes and utf8.offset
local s = "aé€😀z"
for p, c in utf8.codes(s) do print(p, c) end
for p, c in utf8.codes("") do print("never") end
for p, c in utf8.codes("\xed\xa0\x80", true) do print("lax", p, c) end
print(pcall(function() for p, c in utf8.codes("a\xffb") do print(p, c) end end))
print(pcall(function() for p, c in utf8.codes("\xed\xa0\x80") do print(p, c) end end))
print(pcall(function() for p, c in utf8.codes("ab\xe2\x82") do print(p, c) end end))
print(pcall(function() for p, c in utf8.codes("a\xc3\xa9\xa9") do print(p, c) end end))
print(pcall(utf8.codes, "\x80"))
print(pcall(function() return utf8.codes("\x80abc") end))
print(pcall(utf8.codes))
local f, st, init = utf8.codes("xy")
print(type(f), st, init)
print(f("xy", 0))
print(f("xy", 1))
print(f("xy", 2))
print(f("xy", -1))
print(pcall(f, nil, 0))

print(utf8.offset("abc", 1), utf8.offset("abc", 3), utf8.offset("abc", 4), utf8.offset("abc", 5))
print(utf8.offset(s, 1), utf8.offset(s, 2), utf8.offset(s, 3), utf8.offset(s, 4), utf8.offset(s, 5), utf8.offset(s, 6), utf8.offset(s, 7))
print(utf8.offset(s, -1), utf8.offset(s, -2), utf8.offset(s, -5), utf8.offset(s, -6))
print(utf8.offset(s, 0, 3), utf8.offset(s, 0, 5), utf8.offset(s, 0, 1), utf8.offset(s, 0, #s + 1))
print(utf8.offset(s, 2, 2), utf8.offset(s, -1, 4), utf8.offset(s, 1, -1))
print(pcall(utf8.offset, s, 1, 3))
print(pcall(function() return utf8.offset(s, 1, 3) end))
print(pcall(utf8.offset, "abc", 1, 5))
print(pcall(utf8.offset, "abc", 1, 0))
print(pcall(utf8.offset, "abc", 1, -5))
print(pcall(utf8.offset, "abc"))
print(pcall(utf8.offset, "abc", 1.5))
print(utf8.offset("", 1), utf8.offset("", -1), utf8.offset("", 0))
-- round trip through char and codes
local cps = {}
for _, c in utf8.codes(utf8.char(1, 127, 128, 2047, 2048, 65535, 65536, 1114111)) do cps[#cps + 1] = c end
print(table.concat(cps, ","))
print(pcall(function() for a, b in utf8.codes("xy"), 5, 0 do end end))
print(pcall(function() for a in table.insert do end end))
-- long runs of continuation bytes
local c = {}
for i = 1, 200 do c[i] = "\x80" end
local cont = table.concat(c)
local s1 = "a" .. cont .. "b" .. cont
print(utf8.offset(s1, 2), utf8.offset(s1, 3), utf8.offset(s1, -1), utf8.offset(s1, -2), utf8.offset(s1, 0, 150), utf8.offset(s1, 0, 202))
print(utf8.offset(s1, 1, 202), utf8.offset(s1, -1, 202))
print(pcall(utf8.offset, s1, 1, 100))
local f = utf8.codes(s1, true)
print(pcall(f, s1, 1))
print(pcall(f, s1, 0))
