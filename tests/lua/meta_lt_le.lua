-- __lt and __le; Lua 5.4 does not emulate __le with __lt
local mt = {}
mt.__lt = function(a, b)
  local av = type(a) == "table" and a.v or a
  local bv = type(b) == "table" and b.v or b
  return av < bv
end
local function n(v) return setmetatable({ v = v }, mt) end
local one, two = n(1), n(2)
print(one < two, two < one, one > two, two > one)
print(one < 5, 5 < one, 0 < one, one > 0)       -- mixed operands
print(pcall(function() return one <= two end))   -- no __le: error
mt.__le = function(a, b)
  local av = type(a) == "table" and a.v or a
  local bv = type(b) == "table" and b.v or b
  return av <= bv
end
print(one <= two, two <= one, one >= two, one <= 1, 1 >= one)
-- results are converted to booleans
local weird = setmetatable({}, { __lt = function() return 0 end, __le = function() return nil end })
print(weird < weird, weird <= weird, weird > weird, weird >= weird)
-- comparing strings and a table uses the metamethod too
local s = setmetatable({}, { __lt = function(a, b) return type(a) == "string" end })
print("x" < s, s < "x")
-- without metamethods, comparing two tables errors
print(pcall(function() return {} < {} end))
print(pcall(function() return {} <= {} end))
print(pcall(function() return one < "str" end))
