-- string.find / string.match called again with the same pattern (a compiled
-- pattern is reused from then on): every call must give what the first gave
local function twice(f, ...)
  local a = table.pack(pcall(f, ...))
  local b = table.pack(pcall(f, ...))
  local out = {}
  for i = 1, a.n do out[#out + 1] = tostring(a[i]) end
  for i = 1, b.n do
    if tostring(b[i]) ~= tostring(a[i]) then out[#out + 1] = "DIFFERS" end
  end
  print(table.concat(out, " "))
end

local s = "  key = [12, -34, 5.5e3]  \"quoted \\\" text\"\n\tend"
for _, init in ipairs({1, 2, 3, 10, #s, #s + 1, #s + 2, 100, 0, -1, -5, -100}) do
  twice(string.find, s, "^[ \t\r\n]*", init)
  twice(string.find, s, '["\\]', init)
  twice(string.find, s, "%d+", init)
  twice(string.find, s, "(%a+)%s*=", init)
  twice(string.find, s, "()(%-?%d+)()", init)
  twice(string.match, s, "^-?%d+", init)
  twice(string.match, s, "%-?%d+", init)
  twice(string.match, s, "(%a+)%s*=%s*(%p)", init)
  twice(string.match, s, "()%d()", init)
  twice(string.find, s, "end", init)
  twice(string.match, s, "end", init)
  twice(string.find, s, "^", init)
  twice(string.match, s, "$", init)
end
twice(string.find, s, "%d+", 2.0)
twice(string.find, s, "%d+", "3")
twice(string.find, s, "%d+", 1.5)
twice(string.find, s, "%d+", 1, true)
twice(string.find, s, "%d+", nil)
twice(string.find, 12345, "%d+")
twice(string.find, s, 5)
twice(string.match, 123.5, "%d+", 2)
twice(string.find, s, "%d+", {})
twice(string.find, nil, "%d+")
twice(string.match, s)
twice(string.find, "", "^[ \t]*")
twice(string.match, "", ".-")
twice(string.find, "abc", "[a-", 1)
twice(string.find, "aaa", "a-b", 2)

-- through the string metatable
local t = "x = 1, y = 22, z = 333"
local pos, sum = 1, 0
while true do
  local a, b, num = t:find("(%d+)", pos)
  if not a then break end
  sum = sum + tonumber(num)
  pos = b + 1
end
print(sum, t:match("(%a) = (%d+)", 5))
