-- arithmetic metamethods
local V = {}
V.__index = V
local function vec(x, y) return setmetatable({ x = x, y = y }, V) end
V.__add = function(a, b) return vec(a.x + b.x, a.y + b.y) end
V.__sub = function(a, b) return vec(a.x - b.x, a.y - b.y) end
V.__mul = function(a, b)
  if type(a) == "number" then return vec(a * b.x, a * b.y) end
  if type(b) == "number" then return vec(a.x * b, a.y * b) end
  return a.x * b.x + a.y * b.y
end
V.__div = function(a, b) return vec(a.x / b, a.y / b) end
V.__mod = function(a, b) return vec(a.x % b, a.y % b) end
V.__pow = function(a, b) return vec(a.x ^ b, a.y ^ b) end
V.__unm = function(a) return vec(-a.x, -a.y) end
V.__idiv = function(a, b) return vec(a.x // b, a.y // b) end
V.__tostring = function(a) return "(" .. tostring(a.x) .. "," .. tostring(a.y) .. ")" end
local a, b = vec(1, 2), vec(3, 4)
print(a + b, a - b, a * b, a * 2, 3 * a)
print(b / 2, b % 3, a ^ 2, -a, b // 2)
print(tostring(a + b + a), (a + b) * (a - b))
-- the __unm handler receives the operand twice
local seen = {}
local u = setmetatable({}, { __unm = function(x, y) seen[1] = x; seen[2] = y; return "unm" end })
print(-u, seen[1] == u, seen[2] == u)
-- first operand's metamethod wins, then the second's
local A = setmetatable({}, { __add = function() return "A.__add" end })
local B = setmetatable({}, { __add = function() return "B.__add" end })
print(A + B, B + A, A + 1, 1 + A, "x" + B)
-- string operands with numeric content still use the table's metamethod
print(pcall(function() return {} + 1 end))
-- metamethods for numbers that are strings: strings coerce only when both are numbers
local P = setmetatable({}, { __sub = function(x, y) return type(x) .. "-" .. type(y) end })
print(P - "5", "5" - P, 10 - P)
