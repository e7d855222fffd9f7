-- table.sort without a comparator: arrays of one kind are sorted directly,
-- anything else goes through the reference algorithm with '<'
local function show(t) local p = {} for i = 1, #t do p[i] = tostring(t[i]) end print(table.concat(p, " ")) end
local function try(t) local ok, e = pcall(table.sort, t) if ok then show(t) else print(e) end end

try({"b", "a", "c", "a", "", "B"})
try({5, 3, 5, -1, math.maxinteger, math.mininteger, 0})
try({2.5, -1.5, 1e300, -1e300, 0.5, 2.5})
try({2.5, 0.0, -0.0, 1.5})
try({2.5, -0.0, 1.5, 0.0})
try({1, 2.5, 0, -3.0, 2})
try({3, "2", 1})
try({"x", 1})
try({1, true})
try({{}, {}})
try({print, print})
try({"only"})
try({2, 1})
local nan = 0 / 0
local withnan = {3.0, nan, 1.0}
print(pcall(table.sort, withnan))
-- a table with other keys, sorted in its sequence part
local t = {"z", "y", "x", n = 3, [0] = "w", name = "t"}
table.sort(t)
print(t[0], t[1], t[2], t[3], t.n, t.name)
-- a proxy: the reads and writes go through its metamethods
local store = {4, 2, 3, 1}
local log = {}
local proxy = setmetatable({}, {
  __index = function(_, i) log[#log + 1] = "r" .. i return store[i] end,
  __newindex = function(_, i, v) log[#log + 1] = "w" .. i store[i] = v end,
  __len = function() return #store end,
})
table.sort(proxy)
print(table.concat(store, " "), #log)
-- a metatable without __index: still sorted like a plain array
local withmt = setmetatable({3, 1, 2}, {__tostring = function() return "T" end})
table.sort(withmt)
show(withmt)
-- the strings' order is bytewise
try({"\xff", "\x00", "a\x00", "a", "\x7f"})
local many = {}
for i = 1, 300 do many[i] = tostring((i * 7919) % 1009) end
table.sort(many)
print(many[1], many[150], many[300])
