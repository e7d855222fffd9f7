-- error objects keep their identity and metatables through pcall layers
local E = {}
E.__index = E
E.__tostring = function(e) return "E(" .. e.msg .. ")" end
local function raise(msg) error(setmetatable({ msg = msg }, E)) end
local original
local ok, e = pcall(function()
  local ok2, e2 = pcall(raise, "inner")
  original = e2
  error(e2)                      -- rethrow the same object
end)
print(ok, e == original, getmetatable(e) == E, tostring(e), e.msg)
local ok3, e3 = xpcall(raise, function(err) return getmetatable(err) == E and "is E: " .. tostring(err) end, "handled")
print(ok3, e3)
-- error with a function value
local ok4, e4 = pcall(error, print)
print(ok4, e4 == print)
-- error with a boolean false: pcall returns false, false
print(pcall(error, false))
-- nested error objects
local ok5, e5 = pcall(function()
  local _, inner = pcall(error, { level = 1 })
  error({ level = 2, cause = inner })
end)
print(ok5, e5.level, e5.cause.level)
