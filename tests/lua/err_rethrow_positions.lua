-- re-raising error messages: string messages get another position prefix
local ok, e = pcall(function() error("first") end)
print(e)
local ok2, e2 = pcall(function() error(e) end)
print(e2)
local ok3, e3 = pcall(function() error(e, 0) end)
print(e3)
local ok4, e4 = pcall(function() error(e2, 2) end)
print(e4)
-- runtime errors in multi-line expressions report the line of the failing operation
local ok5, e5 = pcall(function()
  local t = {}
  local v = 1 +
    2 +
    t.missing.field
  return v
end)
print(e5)
local ok6, e6 = pcall(function()
  local f = nil
  return (
    f
  )()
end)
print(e6)
local function thrower() error("from thrower") end
local ok7, e7 = pcall(function()
  thrower()
end)
print(e7)
