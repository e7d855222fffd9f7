-- __tostring and __name
local P = { __tostring = function(p) return "Point(" .. p.x .. ", " .. p.y .. ")" end }
local p = setmetatable({ x = 1, y = 2 }, P)
print(p)
print(tostring(p), "[" .. tostring(p) .. "]")
print(p, p)
local named = setmetatable({}, { __name = "MyType" })
print(string.sub(tostring(named), 1, 7) == "MyType:", string.sub(tostring(named), 1, 8))
-- __tostring takes precedence over __name
local both = setmetatable({}, { __name = "Ignored", __tostring = function() return "both" end })
print(both)
-- __name that is not a string is ignored
local badname = setmetatable({}, { __name = 42 })
print(string.sub(tostring(badname), 1, 6))
-- __tostring must return a string
local bad = setmetatable({}, { __tostring = function() return 42 end })
print(pcall(tostring, bad))
local worse = setmetatable({}, { __tostring = function() return nil end })
print(pcall(tostring, worse))
-- __tostring can error
local err = setmetatable({}, { __tostring = function() error("cannot show") end })
print(pcall(tostring, err))
-- print uses __tostring too
print(setmetatable({}, { __tostring = function() return "in print" end }), "after")
-- __name appears in error messages about bad arguments
print(pcall(tonumber, named, 10))
print(pcall(rawlen, setmetatable({}, {}) == 1))
print(select(2, pcall(setmetatable, named, 1)))
print(select(2, pcall(ipairs)))
