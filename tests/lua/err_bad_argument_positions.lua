-- errors raised by library functions called from Lua code get the caller's position
print(pcall(function() setmetatable(nil, {}) end))
print(pcall(function() local x = rawget(1, 2) end))
print(pcall(function() return select(0, "a") end))
print(pcall(function() ipairs() end))
print(pcall(function() local t = setmetatable({}, { __metatable = 1 }); setmetatable(t, {}) end))
print(pcall(function() error() end))
print(pcall(function() assert(false, "assert msg") end))
print(pcall(function() local n = next({}, "nokey") end))
-- called directly by pcall there is no Lua caller, so no position
print(pcall(setmetatable, nil, {}))
print(pcall(rawget, 1, 2))
print(pcall(next, {}, "nokey"))
