-- string.pack/unpack of every option, round trips and range errors
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
local cases = {
  {"b", 1}, {"b", -1}, {"B", 255}, {"h", -2}, {"H", 65535}, {"i", 7}, {"i1", -128}, {"i2", 300}, {"i3", -5}, {"i5", 2^33}, {"i7", -1}, {"i8", math.mininteger},
  {"i9", -1}, {"i16", -2}, {"I16", 5}, {"I9", math.maxinteger}, {"j", -3}, {"J", -1}, {"T", 100}, {"l", 1}, {"L", 2},
  {">i4", 0x01020304}, {"<i4", 0x01020304}, {"=i4", 1}, {">I3", 0x0a0b0c}, {">i16", -1}, {">j", 258},
  {"f", 1.5}, {"f", 1e300}, {"f", -1e300}, {"f", 0.1}, {"d", 0.1}, {"n", -2.5}, {">d", 1.0}, {">f", 3.25},
  {"s", "hello"}, {"s1", "hi"}, {"s2", ""}, {">s2", "abc"}, {"z", "zzz"}, {"c5", "ab"}, {"c0", ""}, {"c2", "ab"},
  {"i2", 32768}, {"i2", -32769}, {"B", 256}, {"B", -1}, {"I1", -1}, {"b", 128}, {"c1", "ab"}, {"z", "a\0b"}, {"s1", string.rep("x", 256)},
  {"i17", 1}, {"i0", 1}, {"y", 1}, {"c", "a"}, {"!3i", 1}, {"!17i", 1}, {"Xi", 1}, {"X", 1}, {"Xc1", 1}, {"Xz", 1},
  {"i", 1.5}, {"i", "12"}, {"i", "x"}, {"d", "1.5"}, {"d", {}}, {"s", 12}, {"z", 1.5},
}
for _, c in ipairs(cases) do
  local ok, r = pcall(string.pack, c[1], c[2])
  if ok then
    local ok2, a, b = pcall(string.unpack, c[1], r)
    print(c[1], (type(c[2]) == "table" and "table" or tostring(c[2]):sub(1, 20)), hex(r), ok2, a and tostring(a):sub(1,30), b)
  else
    print(c[1], (type(c[2]) == "table" and "table" or tostring(c[2]):sub(1, 20)), "ERR", r)
  end
end
