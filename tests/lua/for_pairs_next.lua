-- pairs and next; results are sorted to avoid depending on traversal order
local t = { 10, 20, 30, a = "x", b = "y", [5.5] = "f" }
local items = {}
for k, v in pairs(t) do items[#items + 1] = tostring(k) .. "=" .. tostring(v) end
table.sort(items)
print(table.concat(items, " "))
print(next({}), next({}, nil))
local k, v = next({ "only" })
print(k, v, next({ "only" }, 1))
local count = 0
local key = nil
repeat
  key = next(t, key)
  if key ~= nil then count = count + 1 end
until key == nil
print("count", count)
print(pcall(next, {}, "missing"))
print(pcall(next))
print(pcall(pairs))
print(select("#", pairs(nil)))   -- pairs does not check its argument without __pairs...
print(pcall(function() for k in pairs(nil) do end end))   -- ...next does
local p1, p2, p3 = pairs(t)
print(p1 == next, p2 == t, p3)
-- modifying existing fields during traversal is allowed
local m = { a = 1, b = 2, c = 3 }
for k2 in pairs(m) do m[k2] = m[k2] * 10 end
print(m.a, m.b, m.c)
-- ipairs over a sequence is ordered
for i, val in ipairs({ "p", "q", "r" }) do print(i, val) end
