-- The ipairs iterator: its control value is checked like any integer
-- argument, and the index wraps around from math.maxinteger like Lua's
-- integer arithmetic.
local f = ipairs({})
print(pcall(f, {}, nil))
print(pcall(f, {}, "x"))
print(pcall(f, nil, 0))
local t = setmetatable({}, {__index = function(_, k) if k == math.mininteger then return "wrapped" end if k == math.maxinteger then return "max" end end})
print(f(t, math.maxinteger - 1))
print(f(t, math.maxinteger))
local n = 0 for i, v in ipairs(t), t, math.maxinteger - 1 do n = n + 1 print(i, v) if n > 3 then break end end
print(f({10, 20}, 1.0), f({10, 20}, "1"))
print(pcall(f, {}, 1.5))
print(pcall(f, {}, true))
print(pcall(f))
