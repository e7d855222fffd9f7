-- error with strings adds a position; other values are passed through unchanged
print(pcall(error, "plain"))             -- called directly by pcall: no Lua position
print(pcall(function() error("msg") end))
print(pcall(function() error("msg", 0) end))
print(pcall(function() error(42) end))
print(pcall(function() error(4.5) end))
local _, int_err = pcall(error, 42)
print(int_err // 1, int_err == 42, int_err .. "")       -- still an integer
print(pcall(function() error(nil) end))
print(pcall(function() error() end))
print(pcall(function() error(true) end))
local ok, e = pcall(function() error({ code = 1, msg = "table error" }) end)
print(ok, type(e), e.code, e.msg)
local errobj = {}
ok, e = pcall(error, errobj)
print(ok, e == errobj)
local ok2, e2 = pcall(function() error(setmetatable({}, { __tostring = function() return "custom obj" end })) end)
print(ok2, tostring(e2))
print(pcall(function() error("line\nbreak") end))
print(select("#", pcall(error)))
print(pcall(function() error("with level 1", 1) end))
print(pcall(function() error(42, 2) end))
print(pcall(function() error("x", "2") end))
