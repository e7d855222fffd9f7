-- __index as a table, including chains
local base = { greet = "hello", shared = "from base" }
local mid = setmetatable({ mid_field = "from mid", shared = "from mid" }, { __index = base })
local obj = setmetatable({ own = "own" }, { __index = mid })
print(obj.own, obj.mid_field, obj.greet, obj.shared, obj.missing)
print(rawget(obj, "greet"), rawget(mid, "greet"))
base.late = "added later"
print(obj.late)
obj.greet = "shadowed"
print(obj.greet, base.greet)
obj.greet = nil
print(obj.greet)
local defaults = setmetatable({}, { __index = { x = 0, y = 0 } })
defaults.x = 5
print(defaults.x, defaults.y)
local arr = setmetatable({}, { __index = { 10, 20, 30 } })
print(arr[1], arr[3], arr[4], #arr)
-- __index is not used when the key is present, even if its value is false
local f = setmetatable({ flag = false }, { __index = { flag = true } })
print(f.flag)
-- the metatable itself is not searched, only its __index field
local mt = { hidden = "in metatable" }
local plain = setmetatable({}, mt)
print(plain.hidden)
mt.__index = mt
print(plain.hidden)
