-- Operators reach a string operand's handlers through the string metatable,
-- as in Lua 5.4: a script that replaces, adds or removes them changes what
-- string arithmetic, bitwise operators and concatenation do.
print(pcall(function() return "3" & 1 end))
print(pcall(function() return "10" + 1 end))
local smt = getmetatable("")
smt.__band = function(a, b) return "band:" .. tostring(a) .. "," .. tostring(b) end
print(pcall(function() return "3" & 1 end))
print(pcall(function() return 1 | "x" end))
local saved = smt.__add
smt.__add = function(a, b) return "add:" .. tostring(a) .. "," .. tostring(b) end
print(pcall(function() return "10" + 1 end))
print(pcall(function() return 1 + "10" end))
print(pcall(function() return 1 + 2 end))
smt.__add = nil
print(pcall(function() return "10" + 1 end))
smt.__add = saved
print(pcall(function() return "10" + 1 end))
smt.__unm = function(a) return "neg " .. a end
print(pcall(function() return -"5" end))
smt.__bnot = function(a) return "bnot " .. a end
print(pcall(function() return ~"5" end))
smt.__concat = function() return "never" end
print("a" .. "b", pcall(function() return "a" .. {} end))
smt.__len = function() return 99 end
print(#"abc")
smt.__lt = function() return true end
print(pcall(function() return "a" < "b", "b" < "a" end))
smt.__eq = function() return true end
print("a" == "b")
do
local smt = getmetatable("") smt.__eq, smt.__lt, smt.__len = nil, nil, nil
smt.__concat = function(a, b) return "C" end
local t = {}
print(pcall(function() return "a" .. "b" .. t end))
print(pcall(function() return "a" .. t .. "b" end))
print(pcall(function() local x = "1" return x .. t end))
smt.__add = function(a, b) return "A" end
local s = "5"
local n = 0
for i = 1, 3 do n = s + i end
print(n, s * 2, 2 ^ s, s // 1, s % 2, s / 1)
smt.__mul = nil
print(pcall(function() return s * 2 end))
end
