-- Long flat chains as call arguments: the callee and the arguments to the
-- left of the chain are still evaluated first, in Lua's order.
local log = {}
local function g(v) log[#log + 1] = "g" .. tostring(v) return v end
local function f(...) return select("#", ...), ... end
local t = setmetatable({}, {__index = function(_, k)
  log[#log + 1] = "index " .. k
  return function(...) return ... end
end})

local function rep(piece, sep, n)
  local parts = {}
  for i = 1, n do parts[i] = piece end
  return table.concat(parts, sep)
end

local ands = rep("x", " and ", 400)
local adds = rep("x", " + ", 400)
local negs = string.rep("- ", 151) .. "x"
local fields = "r" .. string.rep(".r", 300)
local calls = "id" .. string.rep("()", 300)

local cases = {
  "print(" .. ands .. ")",
  "print(g('a'), " .. negs .. ", g('b'))",
  "print(f(g('c'), g(" .. negs .. "), " .. adds .. "))",
  "print(t.fn(g('d'), " .. ands .. "))",
  "print(g(g(g(" .. fields .. " == r))))",
  "print(select('#', " .. calls .. "))",
  "local v = f(1, 2, " .. adds .. ") print(v)",
  "return f(g('e'), " .. adds .. ")",
  "print(" .. rep("x", " or ", 300) .. ", " .. ands .. ")",
}
for i, src in ipairs(cases) do
  local chunk, err = load("local x, r, id, g, f, t = ...\n" .. src)
  if not chunk then
    print(i, "load error", err)
  else
    local r = {} r.r = r
    local function id() return id end
    print(i, pcall(chunk, 1, r, id, g, f, t))
  end
end
print(#log, table.concat(log, " "))
