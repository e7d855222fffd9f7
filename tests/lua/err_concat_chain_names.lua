-- Errors in chains of '..' name the operand at fault.
local t = {}
print(pcall(function() return 1 .. (2 .. t) end))
print(pcall(function() return 1 .. 2 .. t end))
print(pcall(function() return "a" .. t .. "b" end))
print(pcall(function() return t .. "b" .. "c" end))
local u = {}
print(pcall(function() return u >> 0 end))
print(pcall(function() return u << 1 end))
print(pcall(function() local v = {} return v >> 0 end))
local s, n = "s", 5
print(pcall(function() return s .. n .. t .. "x" end))
print(pcall(function() return t .. s .. n end))
print(pcall(function() local a, b = {}, nil return "p" .. a .. b end))
print(pcall(function() local a = nil return "p" .. "q" .. a end))
local cat = setmetatable({}, { __concat = function(a, b) return {} end })
print(pcall(function() return "p" .. "q" .. cat .. "r" end))
print(pcall(function() return true .. "a" .. "b" end))
