-- len, sub, upper, lower, reverse: byte semantics
print(string.len(""), string.len("abc"), string.len("\0\0\0"), #"hello")
print(string.len(123), string.len(1.5), string.len(-0.0))
print(string.upper("Hello, World! 123"), string.lower("Hello, World! 123"))
print(string.upper("\xe0\xe9\xff"), string.lower("\xc0\xc9") == "\xc0\xc9")
print(string.reverse(""), string.reverse("a"), string.reverse("abc"), string.reverse("a\0b"))
print(string.upper(12), string.lower(1e100), string.reverse(123))
local s = "hello world"
print(string.sub(s, 1, 5), string.sub(s, 7), string.sub(s, -5), string.sub(s, -5, -3))
print(string.sub(s, 0), string.sub(s, 0, 0), string.sub(s, 100), string.sub(s, 5, 4), string.sub(s, -100, 2))
print(string.sub(s, 3, -3), string.sub(s, 11, 11), string.sub(s, 12, 12), string.sub(s, -1, -1))
print(string.sub(s, math.mininteger, math.maxinteger), string.sub(s, math.maxinteger), string.sub(s, 2, math.mininteger))
print(string.sub(s, 2.0, 4.0), string.sub(s, "2", "4"), string.sub("", 1, 1), string.sub("", 0, -1))
print(s:sub(1, 1), s:upper(), s:len(), s:reverse(), ("x"):upper())
-- all byte values survive
local all = {}
for i = 0, 255 do all[#all + 1] = string.char(i) end
local bytes = table.concat(all)
print(#bytes, bytes:upper():byte(98), bytes:lower():byte(66), bytes:reverse():byte(1), bytes:sub(65, 70))
-- errors
print(pcall(string.len))
print(pcall(string.len, {}))
print(pcall(string.len, nil))
print(pcall(string.sub))
print(pcall(string.sub, "x"))
print(pcall(string.sub, "x", "a"))
print(pcall(string.sub, "x", 1.5))
print(pcall(string.sub, "x", 1, 2^63))
print(pcall(string.upper, true))
print(pcall(string.reverse))
print(pcall(function() return string.lower({}) end))
print(pcall(function() return string.sub("abc", {}) end))
