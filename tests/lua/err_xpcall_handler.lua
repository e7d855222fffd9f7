-- xpcall calls the handler with the error value; the handler's result is returned
print(xpcall(function() return "no error", 2 end, print))
print(xpcall(function() error("oops") end, function(m) return "handled: " .. m end))
print(xpcall(function() error({ 1, 2, 3 }) end, function(e) return #e end))
print(xpcall(function() error("x", 0) end, function(m) return m, "extra", "values" end))
print(xpcall(function(a, b) return a * b end, print, 6, 7))
print(xpcall(function() local t; return t.x end, function(m) return "caught: " .. m end))
-- the handler runs before the stack unwinds: it can inspect things the error left behind
local where = "unset"
xpcall(function() where = "in body"; error("e") end, function() where = where .. " then handler" end)
print(where)
-- a handler that returns nothing
print(xpcall(error, function() end, "msg"))
print(select("#", xpcall(error, function() end, "msg")))
-- non-function handler
print(pcall(xpcall, function() end))
print(xpcall(function() error("a") end, function(m) return string.sub(m, 1, 8) end))
-- error with a nil value reaches the handler as nil
print(xpcall(function() error(nil) end, function(m) return "handler got " .. tostring(m) end))
