-- table.sort: results, comparator call order, errors
local function show(t) local p = {} for i = 1, #t do p[i] = tostring(t[i]) end print(table.concat(p, " ")) end

local a = {5, 3, 8, 1, 9, 2, 7, 4, 6, 0}
table.sort(a) show(a)
table.sort(a, function(x, y) return x > y end) show(a)
local s = {"pear", "apple", "fig", "banana", "kiwi", "Apple", "apple2", ""}
table.sort(s) show(s)
local f = {3.5, -1.25, 2, 2.0, -0.0, 1e10, -1e10, 7}
table.sort(f) show(f)
local mixed = {3, 1.5, 2, 0.5, 1, 2.5}
table.sort(mixed) show(mixed)

-- the comparator sees exactly the reference's calls
local calls = {}
local c = {4, 2, 5, 1, 3}
table.sort(c, function(x, y) calls[#calls + 1] = x .. "<" .. y return x < y end)
print(table.concat(calls, " "))
show(c)

-- stability of equal keys follows the reference algorithm
local recs = {}
for i = 1, 40 do recs[i] = {k = i % 4, id = i} end
table.sort(recs, function(x, y) return x.k < y.k end)
local out = {}
for i = 1, #recs do out[i] = recs[i].k .. ":" .. recs[i].id end
print(table.concat(out, " "))

-- larger arrays
local big = {}
local x = 12345
for i = 1, 500 do x = (x * 1103515245 + 12345) % 2147483648 big[i] = x % 1000 end
table.sort(big)
local ok = true
for i = 2, #big do if big[i - 1] > big[i] then ok = false end end
print("sorted", ok, big[1], big[250], big[500])
table.sort(big, function(p, q) return p > q end)
print(big[1], big[500])

-- trivial sizes
local e = {} table.sort(e) print(#e)
local one = {1} table.sort(one, function() error("never") end) print(one[1])
table.sort({2, 1}, function(p, q) return p < q end)

-- errors
print(pcall(table.sort, {{}, {}}))
print(pcall(table.sort, {1, "x"}))
print(pcall(function() table.sort({3, 2, 1}, function(p, q) return p.x < q end) end))
print(pcall(function() table.sort({1, 2, 3}, 5) end))
print(pcall(function() table.sort({1, 2, 3}, {}) end))
print(pcall(table.sort, {3, 2, 1}, function(p, q) error("cmp " .. p .. q) end))
print(select("#", pcall(table.sort, {3, 2, 1}, function(p, q) error({p, q}) end)))
print(pcall(table.sort))
print(pcall(function() table.sort(setmetatable({}, {__len = function() return math.maxinteger end})) end))
print(pcall(function() table.sort(setmetatable({}, {__len = function() return 2^31 end})) end))

-- invalid order functions
local bad = {}
for i = 1, 20 do bad[i] = (i * 7) % 11 end
print(pcall(table.sort, bad, function(p, q) return true end))
local bad2 = {5, 1, 4, 2, 3, 9, 8, 7, 6, 0}
print(pcall(table.sort, bad2, function(p, q) return p <= q end))
show(bad2)
-- comparator returning non-booleans
local nb = {3, 1, 2}
table.sort(nb, function(p, q) if p > q then return nil end return 0 end)
show(nb)
-- multiple results from comparator: only the first counts
local mr = {1, 3, 2}
table.sort(mr, function(p, q) return p > q, false end)
show(mr)
-- __lt metamethods without comparator
local mt = {__lt = function(p, q) return p.v < q.v end}
local objs = {}
for i, v in ipairs({4, 1, 3, 2}) do objs[i] = setmetatable({v = v}, mt) end
table.sort(objs)
print(objs[1].v, objs[2].v, objs[3].v, objs[4].v)
-- holes: nils are compared like any value
print(pcall(table.sort, {3, nil, 1, n = 3}))
