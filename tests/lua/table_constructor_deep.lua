-- Constructors nested far deeper than an expression can be (generated data
-- literals), up to the parser's limit.
local function depth_of(x)
  local n = 0
  while type(x) == "table" do x = x[1]; n = n + 1 end
  return n, x
end
for _, d in ipairs({ 40, 120, 180, 193 }) do
  local f = assert(load("return " .. string.rep("{", d) .. "'leaf'" .. string.rep("}", d)))
  print(d, depth_of(f()))
end

-- fields around each level, evaluated in order
local log = {}
function note(v) log[#log + 1] = v; return v end
local src = "return " .. string.rep("{ note(1), ", 100) .. "note(2)" .. string.rep(", k = note(3) }", 100)
local t = assert(load(src))()
print(depth_of(t), #log, log[1], log[101], log[102], log[#log])
local ok, n = 0, 0
local x = t
while type(x) == "table" do
  n = n + 1
  if x.k == 3 then ok = ok + 1 end
  x = x[2]
end
print(n, ok)

print(load("return " .. string.rep("{", 300) .. string.rep("}", 300)))

-- a deep nest passed as an argument after a call with effects: its fields
-- are constants, so building it first changes nothing
calls = {}
function mark(v) calls[#calls + 1] = v; return v end
local g = assert(load("local t = select(2, mark('first'), " .. string.rep("{", 60) .. "1" .. string.rep("}", 60) .. ") return t, #calls"))
local tt, nc = g()
print(depth_of(tt), nc, calls[1])
-- a function inside a deep nest keeps its own constructors as expressions
local h = assert(load("return " .. string.rep("{", 50) .. "function(a) return mark('in'), { mark(a) } end" .. string.rep("}", 50)))()
local x = h
for _ = 1, 50 do x = x[1] end
local r1, r2 = x("arg")
print(r1, r2[1], calls[#calls - 1], calls[#calls])
