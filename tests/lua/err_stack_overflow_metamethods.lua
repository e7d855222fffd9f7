-- infinite recursion through __index functions and through pcall
local function has_overflow(ok, msg)
  return ok, type(msg) == "string" and msg:find("stack overflow") ~= nil
end
local t = setmetatable({}, {})
getmetatable(t).__index = function(self, k) return self[k] end
print(has_overflow(pcall(function() return t.anything end)))
local c = setmetatable({}, {})
getmetatable(c).__call = function(self) return 1 + self() end
print(has_overflow(pcall(c)))
local function via_pcall()
  local ok, err = pcall(via_pcall)
  error(err, 0)
end
print(has_overflow(pcall(via_pcall)))
local function through_pcall() return select(2, pcall(through_pcall)) end
local r = through_pcall()
print(type(r) == "string" and r:find("stack overflow") ~= nil)
local a = setmetatable({}, {})
getmetatable(a).__add = function(x, y) return x + y end
print(has_overflow(pcall(function() return a + 1 end)))
local s = setmetatable({}, {})
getmetatable(s).__tostring = function(self) return tostring(self) end
print(has_overflow(pcall(tostring, s)))
print("done")
