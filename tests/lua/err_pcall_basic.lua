-- pcall returns true plus all results, or false plus the error value
print(pcall(function() return 1, 2, 3 end))
print(pcall(function() end))
print(select("#", pcall(function() end)))
print(pcall(function(...) return select("#", ...) end, nil, nil))
print(pcall(function(a, b) return a + b end, 3, 4))
print(pcall(print, "printed inside pcall"))
print(pcall(pcall, error, "nested"))
print(pcall(error))
print(pcall(pcall))
print(pcall(42))
print(pcall(nil))
local t = setmetatable({}, { __call = function(self, x) return "called with " .. x end })
print(pcall(t, "arg"))
-- state changes before the error persist
local counter = 0
pcall(function() counter = counter + 1; error("stop"); counter = counter + 100 end)
print(counter)
-- errors do not escape pcall
local ok = pcall(function() local x = nil; return x.y.z end)
print(ok, "still running")
