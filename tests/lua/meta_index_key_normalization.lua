-- metamethods receive the key as written (1.0 stays a float); only raw storage normalizes it
local seen = {}
local t = setmetatable({}, {
  __index = function(_, k) seen[#seen + 1] = "get " .. tostring(k); return nil end,
  __newindex = function(self, k, v) seen[#seen + 1] = "set " .. tostring(k); rawset(self, k, v) end,
})
local _ = t[1.0]
_ = t[2.5]
_ = t[2 ^ 53]
t[3.0] = "x"
t[-0.0] = "z"
print(table.concat(seen, ", "))
print(rawget(t, 3), rawget(t, 0))
-- the key passed to __index for a string key is the same string
local r = setmetatable({}, { __index = function(_, k) return type(k) .. ":" .. tostring(k) end })
print(r.name, r["1"], r[1], r[1.0], r[1.5], r[true])
