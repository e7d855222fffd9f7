-- Bitwise errors: two numbers give the integer-representation error about
-- the first without an integer value; otherwise the first non-number is named.
local function f(a) return 1 << ("64" .. a) end
print(pcall(f, "x"))
print(pcall(f, 0))
local function g(a) return 3 // 0.0 ~ a end
print(pcall(g, "1"))
print(pcall(g, "abc"))
print(pcall(function() return 1 ~ "1.5" end))
print(pcall(function() return "1.5" | 1 end))
print(pcall(function() return "abc" | 1 end))
print(pcall(function() return 1.5 | 1 end))
print(pcall(function() return math.huge | "abc" end))
print(pcall(function() return "inf" | 1 end))
local t = {}
local function h(a) return a | t end
print(pcall(h, 1.5))
print(pcall(h, "x"))
print(pcall(function() return 2.5 & 1.5 end))
print(pcall(function() return 1 & 1.5 end))
print(pcall(function() return t ~ 1.5 end))
local function F0(a0)
  local function f2() end
  return #(f2 ^ a0)
end
print(pcall(F0, 0))
local function F1(a0)
  local function f2() end
  return -(f2 ^ a0)
end
print(pcall(F1, 0))
