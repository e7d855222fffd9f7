-- <close> details: non-closable values, return values, loops
print(pcall(function()
  local x <close> = {}
end))
print(pcall(function()
  local y <close> = 42
end))
local function f()
  local t = { n = 1 }
  local c <close> = setmetatable({}, { __close = function() t.n = 99 end })
  return t.n, t     -- return values are computed before closing
end
local n, t = f()
print(n, t.n)
local count = 0
for i = 1, 4 do
  local c <close> = setmetatable({}, { __close = function() count = count + i end })
end
print(count)
local order = {}
local function mk(k) return setmetatable({}, { __close = function(_, e) order[#order + 1] = k .. ":" .. tostring(e) end }) end
do
  local a <close>, b = mk("a"), mk("unused")
end
print(table.concat(order, ","))
local cst <const> = "constant"
local num <const> = 10
print(cst, num * 2)
local function g()
  local r <close> = mk("r")
  return "tail"
end
order = {}
print(g(), table.concat(order, ","))
