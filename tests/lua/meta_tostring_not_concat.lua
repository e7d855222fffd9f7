-- __tostring is used by tostring and print but not by '..'
local obj = setmetatable({}, { __tostring = function() return "OBJ" end })
print(obj, tostring(obj))
print(pcall(function() return "value: " .. obj end))
print("value: " .. tostring(obj))
-- __name is used by tostring only when there is no __tostring
local named = setmetatable({}, { __name = "Thing" })
print(string.sub(tostring(named), 1, 6))
print(pcall(function() return named .. "" end))
-- tostring of numbers is not affected by any metatable
print(tostring(10), 10 .. "")
-- __tostring on a metatable shared by many objects
local Pt = { __tostring = function(p) return "(" .. p[1] .. "," .. p[2] .. ")" end }
local pts = {}
for i = 1, 3 do pts[i] = tostring(setmetatable({ i, i * i }, Pt)) end
print(table.concat(pts, " "))
