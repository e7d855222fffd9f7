-- A table that method calls were resolved through (a class) is still an
-- ordinary table for everything else.
local Point = {}
Point.__index = Point
function Point.new(x, y) return setmetatable({ x = x, y = y }, Point) end
function Point:len2() return self.x * self.x + self.y * self.y end
local p = Point.new(3, 4)
print(p:len2())

-- the class table itself
print(type(Point), rawequal(Point, Point), rawlen(Point), #Point)
print(tostring(Point):match("^table: ") ~= nil, getmetatable(Point))
local keys = {}
for k in pairs(Point) do keys[#keys + 1] = k end
table.sort(keys)
print(table.concat(keys, ","))
print(next(Point) ~= nil, Point.new ~= nil, Point["len2"] == Point.len2)

-- used as an array
Point[1], Point[2], Point[3] = "c", "a", "b"
table.sort(Point)
print(table.concat(Point, " "), #Point, select("#", table.unpack(Point)))
table.insert(Point, 1, "z")
print(table.concat(Point, " "), table.remove(Point), table.concat(Point, " "))
table.move(Point, 1, 3, 2)
print(table.concat(Point, " "))
local seen = {}
for i, v in ipairs(Point) do seen[#seen + 1] = i .. "=" .. v end
print(table.concat(seen, " "))

-- comparisons between class tables go through __eq
local mt = { __eq = function(a, b) return true end }
local K1 = setmetatable({}, mt); K1.__index = K1
local K2 = setmetatable({}, mt); K2.__index = K2
function K1:m() return 1 end
function K2:m() return 2 end
print(setmetatable({}, K1):m(), setmetatable({}, K2):m())
print(K1 == K2, rawequal(K1, K2), K1 ~= K2)

-- a class used as a key and as a value
local reg = { [Point] = "point class" }
print(reg[Point], reg[K1])

-- __newindex on a class's metatable still applies to new keys
local log = {}
local Strict = setmetatable({}, { __newindex = function(t, k, v) log[#log + 1] = k; rawset(t, k, v) end })
Strict.__index = Strict
rawset(Strict, "hello", function() return "hi" end)
local s = setmetatable({}, Strict)
print(s:hello())
Strict.bye = function() return "bye" end
print(s:bye(), table.concat(log, ","))

-- the globals table as an __index table
local g = setmetatable({}, { __index = _G })
print(g:tostring() ~= nil)
function describe(self) return "v1" end
print(g:describe())
function describe(self) return "v2" end
print(g:describe())
_G.describe = nil
print(pcall(function() return g:describe() end))

-- a class table as gsub's replacement table and as an __index of a string lookup
local Repl = { a = "1", b = "2" }
Repl.__index = Repl
local r = setmetatable({}, Repl)
print(r.a, ("abc"):gsub("%w", Repl))
