-- `#` on operands whose type the compiler does not know: strings take a
-- direct path, tables the border check, anything else the metamethods.
local function len_of(x) return #x end

print(len_of("hello"), len_of(""), len_of("\0\0\0"), len_of({1, 2, 3}), len_of({}))

-- the string metatable's __len is never consulted for strings
getmetatable("").__len = function() return 99 end
print(len_of("abc"))
getmetatable("").__len = nil

-- a table with __len, a table with holes past the border
print(len_of(setmetatable({}, { __len = function() return 7 end })))
local t = { 1, 2, 3 }
t[5] = 5
print(len_of(t) == 3 or len_of(t) == 5)

-- mixed operands at one site, as in a sort comparator
local items = { "ccc", { 1 }, "a", { 1, 2, 3, 4 }, "bb" }
local total = 0
for _, v in ipairs(items) do total = total + #v end
print(total)

for _, v in ipairs({ 1, 2.5, true, print }) do
  print(pcall(len_of, v))
end

-- parameters that are measured and compared: numbers reach the length error
local function cmp(a, b) return #a < #b or (#a == #b and a < b) end
print(cmp("ab", "abc"), cmp("b", "a"), cmp({ 1 }, { 1, 2 }))
print(pcall(cmp, 1, 2))
print(pcall(cmp, "x", 2))

-- the operand is evaluated once, whatever its type
local calls = 0
local function piece() calls = calls + 1 return "abc" end
local function len_cat(x) return #(x .. piece()) end
print(len_cat("z"), calls)
local added = setmetatable({}, { __add = function() calls = calls + 1 return "xy" end })
local function len_sum() return #(added + 1) end
print(len_sum(), calls)
local lens = setmetatable({}, { __len = function() calls = calls + 1 return 5 end })
local function pick() calls = calls + 1 return lens end
print(#pick(), calls)
