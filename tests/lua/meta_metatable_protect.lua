-- __metatable protects a metatable
local mt = { __metatable = "locked", __index = { v = 1 } }
local t = setmetatable({}, mt)
print(getmetatable(t), t.v)
print(pcall(setmetatable, t, {}))
print(pcall(setmetatable, t, nil))
local mt2 = { __metatable = false }
local u = setmetatable({}, mt2)
print(getmetatable(u))
print(pcall(setmetatable, u, {}))
-- without __metatable, getmetatable returns the metatable itself
local m = {}
local w = setmetatable({}, m)
print(getmetatable(w) == m, getmetatable({}), getmetatable(1), getmetatable(nil))
-- setmetatable returns its first argument; nil removes the metatable
print(setmetatable(w, nil) == w, getmetatable(w))
print(pcall(setmetatable, 1, {}))
print(pcall(setmetatable, {}))
print(pcall(setmetatable, {}, 5))
print(pcall(setmetatable))
-- getmetatable on a string returns the string metatable (which is not protected in 5.4)
local smt = getmetatable("")
print(type(smt), type(smt.__index), smt.__index == string)
print(getmetatable("abc") == getmetatable(""))
print(pcall(getmetatable))
