-- Indexing with a computed key a value that is not a table: the key is
-- still evaluated (once, after the object) and the general path answers.
local function f(blocks, name)
  local b = blocks
  local x = b[name + 1]
  local y = b[name + 2]
  local z = b[name + 3]
  return x, y, z
end
print(f({ 1, 2, 3, 4 }, 0))
print(f("abc", 0))
print(f("abc", 0.5))
print(pcall(f, 5, 0))
print(pcall(f, nil, 0))
print(pcall(f, true, 1))

local calls = 0
local function key() calls = calls + 1 return "len" end
local s = "text"
local function g(o) local t = o return t[key()], t[key()], t[key()] end
print(g(s) == string.len, calls)
print(pcall(g, 42), calls)

-- the string metatable's __index may be a function
local smt = getmetatable("")
local saved = smt.__index
smt.__index = function(str, k) return "idx:" .. tostring(k) end
print(f("abc", 1))
smt.__index = saved
