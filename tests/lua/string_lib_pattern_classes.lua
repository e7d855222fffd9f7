-- character classes and sets, matched against every byte
local all = {}
for i = 0, 255 do all[#all + 1] = string.char(i) end
all = table.concat(all)
local function members(p)
  local out = {}
  for c in string.gmatch(all, p) do out[#out + 1] = string.byte(c) end
  local n = #out
  -- summarise as ranges
  local parts, i = {}, 1
  while i <= n do
    local j = i
    while j < n and out[j + 1] == out[j] + 1 do j = j + 1 end
    parts[#parts + 1] = i == j and tostring(out[i]) or (out[i] .. "-" .. out[j])
    i = j + 1
  end
  return n .. ": " .. table.concat(parts, ",")
end
for _, c in ipairs({"a", "c", "d", "g", "l", "p", "s", "u", "w", "x", "z"}) do
  print("%" .. c, members("%" .. c))
  print("%" .. c:upper(), members("%" .. c:upper()))
end
for _, p in ipairs({".", "[abc]", "[^abc]", "[a-f]", "[^a-f]", "[%a_]", "[%d%.]", "[%-]", "[a-]", "[-a]", "[]]", "[^]]", "[]a]",
                    "[%]]", "[%%]", "[a%-z]", "[z-a]", "[%w_%-]", "[^%s%p]", "[\0-\31]", "[^\1-\254]", "[%^]", "[^^]", "[a-c-e]", "[%a-z]",
                    "%.", "%%", "%-", "%]", "%[", "%(", "%)", "%?", "%*", "%+", "%^", "%$", "%Y", "%@", "%1x"}) do
  local ok, r = pcall(members, p)
  print(p, ok, r)
end
print(string.find("hello", "[lo]+"), string.match("x = 42;", "[%d]+"), string.match("abc123def", "%a+%d+(%a+)"))
print(string.match("  tab\tand space", "%s+()"), string.match("CamelCaseWord", "%u%l+", 2))
print(string.match("0x1F", "0[xX](%x+)"), string.match("a.b,c", "[%.,]"), string.match("a-b", "[a%-]+"))
