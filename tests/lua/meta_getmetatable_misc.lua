-- miscellaneous metatable behaviour
local mt = {}
local t = setmetatable({}, mt)
-- metamethods added after setmetatable are still seen
mt.__index = function(_, k) return k .. "!" end
print(t.late)
mt.__call = function() return "called" end
print(t())
-- changing the metatable changes behaviour
setmetatable(t, { __index = function() return "new mt" end })
print(t.x)
-- a table can be its own metatable
local selfish = {}
selfish.__index = selfish
selfish.value = "self"
setmetatable(selfish, selfish)
print(selfish.value)
print(pcall(function() return selfish.other end))   -- the __index chain loops forever
local loopy = {}
setmetatable(loopy, { __newindex = loopy })
print(pcall(function() loopy.x = 1 end))
-- metatables are shared by reference
local shared = { __index = { tag = "shared" } }
local a, b = setmetatable({}, shared), setmetatable({}, shared)
print(a.tag, b.tag, getmetatable(a) == getmetatable(b))
shared.__index.tag = "changed"
print(a.tag, b.tag)
-- metamethods are looked up raw in the metatable
local proto = { __add = function() return "proto add" end }
local indirect = setmetatable({}, { __index = proto })
local obj = setmetatable({}, indirect)
print(pcall(function() return obj + 1 end))
-- getmetatable of numbers, booleans, functions is nil
print(getmetatable(1), getmetatable(true), getmetatable(print))
