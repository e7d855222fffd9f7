-- type() of every kind of value, and its argument check
local co = coroutine.create(function() end)
local values = { 1, 2.5, -0.0, math.huge, "s", "", true, false, {}, print, function() end, co, string.sub }
local names = {}
for i = 1, #values do names[i] = type(values[i]) end
print(table.concat(names, " "))
print(type(nil), select("#", type(nil)))
print(pcall(type))
print(type(setmetatable({}, { __name = "Thing" })))
print(type(type), type(type(1)))
