-- next(t) alone (emptiness tests), and traversals going on from its key
local t = {}
print(next(t))
t.a = 1
print(next(t))
t.a = nil
print(next(t))

-- clearing a table with next
local c = {}
for i = 1, 50 do c[i] = i; c["k" .. i] = i end
local rounds = 0
while next(c) ~= nil do
  c[next(c)] = nil
  rounds = rounds + 1
end
print(rounds, next(c))

-- the first key cleared before going on from it
local d = {x = 1, y = 2, z = 3}
local k = next(d)
d[k] = nil
local rest = {}
local kk, vv = next(d, k)
while kk do rest[#rest + 1] = kk .. "=" .. vv; kk, vv = next(d, kk) end
table.sort(rest)
print(#rest, d[k], table.concat(rest, " ") == "x=1 y=2" or table.concat(rest, " ") == "x=1 z=3"
  or table.concat(rest, " ") == "y=2 z=3")

-- the first key kept: the traversal continues after it
local e = {10, 20, 30, p = 40}
local seen = {}
local a, b = next(e)
while a do seen[#seen + 1] = tostring(a) .. ":" .. b; a, b = next(e, a) end
table.sort(seen)
print(table.concat(seen, " "))

-- clearing every field during a manual traversal
local f = {}
for i = 1, 10 do f["f" .. i] = i end
local n, key = 0, next(f)
while key do
  local nk = next(f, key)
  f[key] = nil
  n = n + 1
  key = nk
end
print(n, next(f))
n, key = 0, nil
for i = 1, 10 do f[i] = i end
key = next(f)
while key do
  f[key] = nil
  n = n + 1
  key = next(f, key)
end
print(n, next(f))

-- keys of every kind, and restarting a traversal
local g = {[true] = "t", [false] = "f", [1.5] = "x", [2] = "two", s = "str"}
local order = {}
for _ = 1, 2 do
  local q = next(g)
  local parts = {}
  while q ~= nil do parts[#parts + 1] = tostring(q); q = next(g, q) end
  order[#order + 1] = #parts
end
print(order[1], order[2])
print(next({[2.0] = "a"}), next({[2.0] = "a"}, 2))
print(next({[true] = 1}), next({[true] = 1}, true))

-- next is raw: metatables do not matter
local h = setmetatable({}, {__index = {a = 1}, __pairs = function() error("no") end})
print(next(h))
h.b = 2
print(next(h))

-- errors
print(pcall(next, {}, "nokey"))
print(pcall(next, {a = 1}, "b"))
local once = {a = 1}
next(once)
print(pcall(next, once, "zz"))
print(pcall(next))
print(pcall(next, nil))
print(pcall(next, "str"))
print(pcall(pairs))
print(pcall(ipairs))
print(select("#", ipairs({})), select("#", pairs({})))
print(pcall(function() for _ in pairs(nil) do end end))
print(pcall(function() for _ in ipairs(nil) do end end))
