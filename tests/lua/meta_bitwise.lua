-- bitwise metamethods
local B = {}
local function box(v) return setmetatable({ v = v }, B) end
local function val(x) return type(x) == "table" and x.v or x end
B.__band = function(a, b) return box(val(a) & val(b)) end
B.__bor = function(a, b) return box(val(a) | val(b)) end
B.__bxor = function(a, b) return box(val(a) ~ val(b)) end
B.__shl = function(a, b) return box(val(a) << val(b)) end
B.__shr = function(a, b) return box(val(a) >> val(b)) end
B.__bnot = function(a) return box(~val(a)) end
local x, y = box(12), box(10)
print((x & y).v, (x | y).v, (x ~ y).v, (x << 2).v, (x >> 2).v, (~x).v)
print((5 & x).v, (1 << box(4)).v, (x | 1).v)
-- floats with integral values and strings do not trigger metamethods unless needed
print(3.0 | 0, 2 ~ 3.0)
-- metamethod called for non-integral float operand when the other has one
local F = setmetatable({}, { __bor = function(a, b) return "bor called" end })
print(1.5 | F, F | "x")
print(pcall(function() return 1.5 | 1 end))
print(pcall(function() return {} & 1 end))
print(pcall(function() return ~{} end))
