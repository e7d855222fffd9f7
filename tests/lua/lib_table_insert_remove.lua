-- table.insert / table.remove: positions, shifting, errors
local function show(t, n)
  local parts = {}
  for i = 1, n or #t do parts[#parts + 1] = tostring(t[i]) end
  print("{" .. table.concat(parts, ",") .. "}", #t)
end

local t = {}
table.insert(t, "a")
table.insert(t, "b")
table.insert(t, 1, "c")
table.insert(t, 2, "d")
table.insert(t, #t + 1, "e")
show(t)
print(table.remove(t), table.remove(t, 1), table.remove(t, 2))
show(t)
print(table.remove(t, #t + 1))
print(table.remove({}), table.remove({}, 0), select('#', table.remove({})))
local z = {[0] = "zero"}
print(table.remove(z, 0), z[0])
local e = {}
print(table.remove(e, #e), table.remove(e, #e + 1))
table.insert(t, 1, nil)
show(t, 3)
local n = {1, 2, 3}
table.insert(n, 2.0, "x")
show(n)
table.insert(n, "4", "y")
show(n)

print(pcall(table.insert, {}, 1, 2, 3))
print(pcall(table.insert, {}))
print(pcall(table.insert, {}, 5, 2))
print(pcall(table.insert, {}, 0, 2))
print(pcall(table.insert, {}, 1.5, 2))
print(pcall(table.insert, {}, "x", 2))
print(pcall(table.insert, nil, 2))
print(pcall(table.insert, 1, 2))
print(pcall(table.insert, "abc", 2))
print(pcall(function() table.insert(nil, 2) end))
print(pcall(function() local ins = table.insert; ins(nil, 2) end))
print(pcall(function() local t = {insert = table.insert}; t.insert(2) end))
print(pcall(function() table.insert({}, 1, 2, 3) end))
print(pcall(function() table.insert({1, 2}, 5, 0) end))
print(pcall(function() table.remove({}, 5) end))
print(pcall(function() table.remove({1, 2, 3}, -1) end))
print(pcall(function() table.remove({1, 2, 3}, 7) end))
print(pcall(function() return table.remove({1, 2, 3}, 4) end))
print(pcall(function() table.remove() end))
print(pcall(function() table.remove({}, {}) end))

-- big shifts
local big = {}
for i = 1, 1000 do big[i] = i end
for i = 1, 10 do table.insert(big, 1, -i) end
print(#big, big[1], big[10], big[11], big[1010])
for i = 1, 10 do table.remove(big, 1) end
print(#big, big[1], big[1000])
