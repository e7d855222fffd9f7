-- table functions go through __index / __newindex / __len
local log = {}
local function L(...) local p = table.pack(...) for i = 1, p.n do p[i] = tostring(p[i]) end log[#log + 1] = table.concat(p, " ") end
local store = {}
local proxy = setmetatable({}, {
  __index = function(_, k) L("get", k) return store[k] end,
  __newindex = function(_, k, v) L("set", k, v) store[k] = v end,
  __len = function() L("len") return #store end,
})
table.insert(proxy, "a")
table.insert(proxy, "b")
table.insert(proxy, 1, "c")
print(table.concat(log, "; ")) log = {}
print(table.remove(proxy, 1))
print(table.concat(log, "; ")) log = {}
print(table.concat(proxy, "-"))
print(table.concat(log, "; ")) log = {}
print(table.unpack(proxy))
print(table.concat(log, "; ")) log = {}
table.move(proxy, 1, 2, 3)
print(table.concat(log, "; ")) log = {}
table.sort(proxy)
print(table.concat(log, "; ")) log = {}
print(table.concat(store, ","))

-- __len returning non-integers
local function lenis(v) return setmetatable({}, {__len = function() return v end}) end
print(pcall(table.insert, lenis("x"), 1))
print(pcall(table.insert, lenis(2.5), 1))
print(pcall(function() table.insert(lenis(2.5), 1) end))
local t3 = lenis("3")
table.insert(t3, "v")
print(rawget(t3, 4))
local t4 = lenis(2.0)
table.insert(t4, "w")
print(rawget(t4, 3))
print(table.unpack(lenis(3)))
print(pcall(table.unpack))
print(pcall(table.unpack, nil))
print(pcall(function() return table.unpack(nil) end))
print(select("#", table.unpack({}, 1, 3)))

-- errors from metamethods inside library functions
local bad = setmetatable({}, {__index = function(t, k) return {} end})
print(pcall(table.concat, bad, ",", 1, 2))
print(pcall(function() return table.concat(bad, ",", 1, 2) end))
local err = setmetatable({}, {__index = function(t, k) error("no " .. k) end})
print(pcall(table.concat, err, ",", 1, 2))
print(pcall(function() return table.unpack(err, 1, 1) end))
local ro = setmetatable({}, {__newindex = function(t, k, v) error("readonly " .. k, 2) end, __len = function() return 0 end})
print(pcall(table.insert, ro, 1))
print(pcall(function() table.insert(ro, 1) end))
-- __newindex table chain
local sink = {}
local chained = setmetatable({}, {__newindex = sink, __len = function() return 0 end, __index = sink})
table.insert(chained, "x")
print(rawget(chained, 1), sink[1])
-- string metatable has __index but no __len/__newindex
print(pcall(table.sort, "abc"))
print(pcall(table.concat, "abc"))
print(table.unpack("abc"))
print(pcall(table.concat, "abc"))
print(pcall(table.insert, "abc", 1))
