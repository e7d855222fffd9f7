-- string.find: plain searches, init handling
local s = "hello world, hello moon"
print(string.find(s, "hello"), string.find(s, "hello", 2), string.find(s, "hello", -10), string.find(s, "xyz"))
print(string.find(s, "o w"), string.find(s, "moon", 1, true), string.find(s, "."), string.find(s, ".", 1, true))
print(string.find(s, ", ", 1, true), string.find("a+b", "+", 1, true), string.find("a+b", "+"))
print(string.find("a.b", "."), string.find("a.b", ".", 1, true), string.find("a.b", "%."), string.find("(x)", "(", 1, true))
print(string.find("abc", ""), string.find("abc", "", 2), string.find("abc", "", 3), string.find("abc", "", 4), string.find("abc", "", 5))
print(string.find("abc", "", -1), string.find("abc", "", -10), string.find("abc", "", 0), string.find("", ""), string.find("", "", 2))
print(string.find("abc", "c", 3), string.find("abc", "c", 4), string.find("abc", "a", -3), string.find("abc", "a", -2))
print(string.find("abc", "b", 1, false), string.find("abc", "b", 1, nil), string.find("a^b", "^b", 1, true), string.find("a^b", "^b"))
print(string.find("x]y", "]"), string.find("a)b", ")"), string.find("a$b", "$b"), string.find("a$", "$"))
print(string.find(12345, 34), string.find(1.25, ".", 1, true), string.find("a\0b", "\0"), string.find("a\0b", "%z"))
print(string.find(s, "o", 5), string.find(s, "o", 6), string.find(s, "o", 100), string.find(s, "o", math.mininteger))
print(string.find("aaa", "aa", 2), string.find("aaa", "aa", 3))
local count, pos = 0, 1
while true do
  local a, b = string.find(s, "o", pos, true)
  if not a then break end
  count = count + 1
  pos = b + 1
end
print("count", count)
print(pcall(string.find))
print(pcall(string.find, "x"))
print(pcall(string.find, "x", "y", "z"))
print(pcall(string.find, {}, "y"))
print(pcall(function() return string.find("abc", "b", 1.5) end))
