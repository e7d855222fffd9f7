-- utf8 round trips over many code points
local codes = {}
local c = 0
while c <= 0x10FFFF do
  codes[#codes + 1] = c
  c = c * 3 + 1
end
codes[#codes + 1] = 0xD7FF
codes[#codes + 1] = 0xE000
codes[#codes + 1] = 0xFFFD
codes[#codes + 1] = 0x10FFFF
local s = utf8.char(table.unpack(codes))
print(#codes, #s, utf8.len(s))
local back = {utf8.codepoint(s, 1, -1)}
local same = #back == #codes
for i = 1, #codes do if back[i] ~= codes[i] then same = false end end
print(same)
local n, sum = 0, 0
for p, cp in utf8.codes(s) do n = n + 1 sum = sum + cp + p end
print(n, sum)
-- offsets walk forward and backward consistently
local pos = {}
for i = 1, utf8.len(s) do pos[i] = utf8.offset(s, i) end
local ok = true
for i = 1, #pos do
  if utf8.offset(s, -(#pos - i + 1)) ~= pos[i] then ok = false end
  if utf8.codepoint(s, pos[i]) ~= codes[i] then ok = false end
end
print(ok, utf8.offset(s, #pos + 1), utf8.offset(s, #pos + 2))
-- lengths by byte positions
local l = {}
for i = 1, #s + 1, 5 do l[#l + 1] = tostring(utf8.len(s, i)) end
print(table.concat(l, " "))
-- charpattern matches one sequence (checked without string functions)
print(#utf8.charpattern)
