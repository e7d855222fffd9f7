-- lexical scoping and shadowing
local x = "outer"
local function show() return x end
do
  local x = "inner"
  print(x, show())
end
print(x)
local y = 1
local y = y + 1            -- new local initialized from the previous one
print(y)
local function f(x) return x end
print(f("param"), x)
for x = 1, 2 do print("loop x", x) end
print(x)
local z = "z1"
local function getz() return z end
local z = "z2"             -- shadows; getz still sees z1
print(getz(), z)
local a = 1
do
  local a = a + 1
  do
    local a = a * 10
    print(a)
  end
  print(a)
end
print(a)
local function rec() return type(rec) end   -- local function sees itself
print(rec())
local g = function() return type(g) end       -- refers to global g (nil)
print(g())
local m = 5
local m2 = (function() local m = m * 2; return m end)()
print(m, m2)
if true then local scoped = "if-local" end
print(scoped)
