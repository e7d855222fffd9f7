-- __call handlers that are themselves tables with __call
local f = function(...) return select("#", ...), ... end
for i = 1, 4 do f = setmetatable({name = "t" .. i}, {__call = f}) end
local r = table.pack(f("a", nil, "c"))
print("count", r[1])
for i = 2, r.n do local v = r[i] print(i, type(v) == "table" and v.name or v) end

-- a link without __call
local broken = setmetatable({}, {__call = setmetatable({}, {})})
print(pcall(broken))
print(pcall(function() return broken() end))
print(pcall(function() local x = broken() return x end))

-- the chain ends in a library function
local lib = setmetatable({}, {__call = setmetatable({}, {__call = select})})
print(pcall(lib, 1, 2))
local err = setmetatable({}, {__call = setmetatable({}, {__call = error})})
print(pcall(err, "x"))

-- arguments are evaluated before a broken chain fails
local log = {}
print(pcall(function() return broken(table.insert(log, "arg evaluated")) end), log[1])
