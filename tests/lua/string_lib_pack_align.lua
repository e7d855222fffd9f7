-- string.packsize and alignment with '!' and 'X'
-- alignment
for _, f in ipairs({"!bi", "!4 b i8", "!8 b d", "!2 b h b i", "! b xX i4", "b Xh", "!4 i3 Xi4 b", "bXi8", "!bXd", " < h > h = h", "i4 x i4", "!16 b j", "! b !1 i"}) do
  local ok, s = pcall(string.packsize, f)
  print(f, ok, s)
end
print(string.packsize(""), string.packsize("i4i8"), string.packsize("!i1i8"), string.packsize("c100"))
print(pcall(string.packsize, "s"), pcall(string.packsize, "z"))
print(pcall(string.packsize, "c2147483647c2147483647"))
print(pcall(string.packsize, "c2147483647"))
print(pcall(string.packsize, "c1073741824c1073741824"))
print(pcall(string.packsize, "i99999999999"))
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
for _, f in ipairs({"!bi", "!4 b i8", "!8 b d", "!2 b h b i", "b Xh", "!4 i3 Xi4 b", "bXi8", "!bXd", "!8 b Xj", "i4 x i4", "!16 b j", "! b !1 i", "!4 b Xi2 h"}) do
  local n = select(2, f:gsub("[bhijd]", ""))
  local vals = {}
  for i = 1, n do vals[i] = i end
  local ok, s = pcall(string.pack, f, table.unpack(vals))
  if ok then
    print(f, #s, hex(s), string.packsize(f) == #s, string.unpack(f, s))
  else
    print(f, s)
  end
end
print(pcall(string.pack, "!3 i4", 1))
print(pcall(string.pack, "!4 i3", 1))
print(pcall(string.pack, "Xc3", 1))
print(pcall(string.pack, "X", 1))
print(pcall(string.pack, "Xz", 1))
print(pcall(string.packsize, "!5 i8"))
print(pcall(string.packsize, "X"))
print(pcall(string.unpack, "!4 i3 Xi8", "abcdefgh"))
