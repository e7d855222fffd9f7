-- string.byte and string.char
print(string.byte("A"), string.byte("ABC", 2), string.byte("ABC", -1), string.byte("ABC", 1, 3))
print(string.byte("ABC", 0), string.byte("ABC", 0, 1), string.byte("ABC", 2, 10), string.byte("ABC", -10, 1))
print(select("#", string.byte("")), select("#", string.byte("abc", 4)), select("#", string.byte("abc", 3, 1)))
print(select("#", string.byte("abcdef", 1, -1)), string.byte("\0\255", 1, 2))
print(string.byte("abc", 2.0), string.byte("abc", "3"), string.byte(123, 2))
print(string.char(), string.char(72, 105), string.char(0, 255):byte(1, 2))
print(string.char("65", 66.0, "0x43"))
local t = {}
for i = 1, 100 do t[i] = 32 + i % 90 end
local s = string.char(table.unpack(t))
print(#s, s:sub(1, 20), string.byte(s, 50))
-- round trip of every byte
local ok = true
for i = 0, 255 do
  if string.byte(string.char(i)) ~= i then ok = false end
end
print("round trip", ok)
print(pcall(string.char, 256))
print(pcall(string.char, -1))
print(pcall(string.char, 65, 1e10))
print(pcall(string.char, 65.5))
print(pcall(string.char, "x"))
print(pcall(string.char, 65, nil))
print(pcall(string.char, {}))
print(pcall(string.byte))
print(pcall(string.byte, "abc", 1.5))
print(pcall(string.byte, "abc", 1, {}))
print(pcall(function() return string.char(97, 98, 300) end))
print(pcall(function() return string.byte("x", nil, "y") end))
