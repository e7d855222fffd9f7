-- errors inside xpcall handlers, and nested pcalls
local function failing_handler(m) error("handler failed") end
local ok, e = xpcall(function() error("original") end, failing_handler)
print(ok, type(e), e)
print(pcall(function()
  return xpcall(function() error("inner") end, function(m) return "inner handled: " .. m end)
end))
-- nested pcall: the inner one catches first
print(pcall(function()
  local ok1, e1 = pcall(function() error("level one", 0) end)
  error("outer after " .. tostring(e1), 0)
end))
-- errors re-raised from a handler-less pcall
local ok3, e3 = pcall(function()
  local ok1, e1 = pcall(error, { tag = "t" })
  error(e1)
end)
print(ok3, e3.tag)
-- deep nesting
local function nest(n)
  if n == 0 then error("bottom", 0) end
  local ok4, e4 = pcall(nest, n - 1)
  error(e4 .. "<" .. n, 0)
end
print(pcall(nest, 5))
-- a handler that itself calls pcall
print(xpcall(function() error("E", 0) end, function(m)
  local ok5, e5 = pcall(error, "from handler", 0)
  return m .. "+" .. e5
end))
