-- and/or return one of their operands and short-circuit
local calls = {}
local function v(x) calls[#calls + 1] = tostring(x); return x end
print(v(1) and v(2))
print(v(nil) and v(2))
print(v(false) or v("d"))
print(v(1) or v(2))
print(table.concat(calls, " "))
local function default(x) return x or "default" end
print(default(nil), default(false), default(0), default(""))
local function ternary(c, a, b) return c and a or b end
print(ternary(true, "yes", "no"), ternary(false, "yes", "no"), ternary(true, false, "b"))
local x = nil
local y = x and x.field or "safe"
print(y)
print(1 == 1 and "eq" or "ne", 1 == 2 and "eq" or "ne")
print((nil or false) == false, (false or nil) == nil)
local function multi() return 1, 2 end
print(multi() and "t", (multi()))
print(nil or multi())
print(multi() or nil)
