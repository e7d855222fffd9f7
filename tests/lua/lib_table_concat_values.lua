-- table.concat on plain tables: strings are joined directly; any other
-- element takes the general path, which converts numbers and reports the
-- first bad element by its index
local function try(...)
  local ok, r = pcall(table.concat, ...)
  print(ok, r)
end

try({"a", "b", "c"})
try({"a", "b", "c"}, ", ")
try({"a", 1, "c", 2.5, -0.0, 1e100, math.mininteger}, "|")
try({"x"})
try({""}, "-")
try({"", "", ""}, "-")
try({"a", {}, "c"}, "-")
try({{}, "b"})
try({"a", "b", {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}})
try({"a", true})
try({false, "a"})
try({"a", print})
try({"a", coroutine.create(print)})
try({"a", "b", "c"}, 0)
try({"a", "b", "c"}, 1.5)
try({"a", "b", "c"}, "", 2)
try({"a", "b", "c"}, nil, 2, 3)
try({"a", "b", "c"}, "-", 1, 4)
try({"a", "b", "c", n = 3, [0] = "z"}, "/")
try({[1] = "p", [2] = "q", x = 1, y = {}}, "+")

-- a table whose elements are found through __index is not plain
local proxy = setmetatable({}, {__index = function(_, i) return i <= 3 and ("v" .. i) or nil end,
                               __len = function() return 3 end})
try(proxy, ",")
local half = setmetatable({"a"}, {__index = {"z", "b", "c"}})
try(half, "", 1, 3)

-- long results
local parts = {}
for i = 1, 2000 do parts[i] = "item" .. i end
local s = table.concat(parts, ",")
print(#s, s:sub(1, 30), s:sub(-20))
parts[1500] = 1500
print(#table.concat(parts, ","))
parts[1999] = {}
print(pcall(table.concat, parts, ","))

-- elements that are assigned while building do not matter: concat reads
-- them once; a sequence grown by table.insert
local grow = {}
for i = 1, 100 do table.insert(grow, tostring(i)) end
print(#table.concat(grow), table.concat(grow, " ", 95))
