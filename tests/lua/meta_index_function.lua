-- __index as a function
local calls = 0
local t = setmetatable({ real = 1 }, {
  __index = function(self, key)
    calls = calls + 1
    return "computed:" .. tostring(key)
  end,
})
print(t.real, t.foo, t[42], t[true], calls)
local squares = setmetatable({}, { __index = function(self, n)
  local v = n * n
  rawset(self, n, v)      -- cache
  return v
end })
print(squares[4], squares[5], rawget(squares, 4), rawget(squares, 6))
-- __index function receives the original table
local seen
local a = setmetatable({}, { __index = function(self) seen = self; return nil end })
local _ = a.x
print(seen == a)
-- chain: table -> table with function __index
local leaf = setmetatable({}, { __index = function(_, k) return "leaf " .. k end })
local top = setmetatable({}, { __index = leaf })
print(top.anything)
-- only the first result is used
local multi = setmetatable({}, { __index = function() return 1, 2, 3 end })
print(multi.x)
-- __index function that errors
local bad = setmetatable({}, { __index = function(_, k) error("no field " .. k) end })
print(pcall(function() return bad.zzz end))
