-- <const> locals
local a <const> = 10
local b <const> = a * 2
local s <const> = "str" .. "ing"
local t <const> = { 1, 2 }
t[1] = "tables stay mutable"
print(a, b, s, t[1])
local function f() return a + b end
print(f())
local x <const>, y = 1, 2
y = 3
print(x, y)
local n <const> = nil
local fl <const> = 2.5
local neg <const> = -a
print(n, fl, neg, a // 3, a / 4)
do
  local a <const> = "shadow"
  print(a)
end
print(a)
for i = 1, 2 do
  local c <const> = i * 100
  print(c)
end
local big <const> = math.maxinteger
print(big + 1 == math.mininteger)
