-- __concat with strings, numbers and tables on either side
local C = {}
C.__concat = function(a, b)
  local function s(x) return type(x) == "table" and ("<" .. x.name .. ">") or tostring(x) end
  return s(a) .. s(b)
end
local obj = setmetatable({ name = "obj" }, C)
print(obj .. "str")
print("str" .. obj)
print(obj .. 42, 42 .. obj, obj .. 1.5)
print(obj .. obj)
print("a" .. "b" .. obj .. "c")     -- right associative: "b" .. (obj .. "c") first
local r = setmetatable({}, { __concat = function(a, b) return 99 end })
print(r .. "x", "x" .. r .. "y")
print(pcall(function() return {} .. "x" end))
print(pcall(function() return "x" .. {} end))
print(pcall(function() return 1 .. true end))
-- __concat result can be any value
local t = setmetatable({}, { __concat = function() return { "table result" } end })
print((t .. t)[1])
