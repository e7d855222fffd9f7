-- The result of a method call is anonymous in error messages; the call
-- itself names the method.
local obj = {g = function(s, a) return a end}
print(pcall(function() return obj:g("x") ~ 1 end))
print(pcall(function() return obj:g(nil) + 1 end))
print(pcall(function() return obj.g(obj, nil) + 1 end))
print(pcall(function() return 1 + obj:g(nil) end))
print(pcall(function() return obj:g(nil).field end))
print(pcall(function() return obj:g(nil)() end))
print(pcall(function() return obj:missing() end))
print(pcall(function() return #obj:g(nil) end))
print(pcall(function() return obj:g(nil) .. "x" end))
print(pcall(function() return obj:g({}) < 1 end))
