-- __eq is only consulted for two tables (or userdata) that are not the same object
local calls = 0
local E = { __eq = function(a, b) calls = calls + 1; return a.id == b.id end }
local a = setmetatable({ id = 1 }, E)
local b = setmetatable({ id = 1 }, E)
local c = setmetatable({ id = 2 }, E)
print(a == b, a ~= b, a == c, a ~= c, calls)
print(a == a, calls)                   -- same object: no call
print(a == 1, 1 == a, a == "x", a == nil, calls)   -- different types: no call
-- only one operand needs the metamethod
local plain = { id = 1 }
print(a == plain, plain == a, calls)
-- the result is converted to a boolean
local T = { __eq = function() return "truthy" end }
local x, y = setmetatable({}, T), setmetatable({}, T)
print(x == y, x ~= y)
local N = { __eq = function() return nil end }
local p, q = setmetatable({}, N), setmetatable({}, N)
print(p == q, p ~= q)
-- first operand's metamethod is tried first
local L = setmetatable({}, { __eq = function() return true end })
local R = setmetatable({}, { __eq = function() return false end })
print(L == R, R == L)
-- rawequal ignores __eq
print(rawequal(a, b))
-- tables as keys use identity, not __eq
local t = {}
t[a] = "a"
print(t[b], t[a])
