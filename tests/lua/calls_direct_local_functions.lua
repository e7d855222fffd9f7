-- Local functions only ever called directly (their callers charge their
-- entry cost): results must not change, whatever the call's position.
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
print(fib(20))

local function make(d) if d == 0 then return {} end d = d - 1 return {make(d), make(d)} end
local function check(t) local l = t[1] if l then return 1 + check(l) + check(t[2]) end return 1 end
local s = 0
for i = 1, 20 do s = s + check(make(i % 6)) end
print(s)

local function even(n)
  local function odd(m) if m == 0 then return false end return even(m - 1) end
  if n == 0 then return true end
  return odd(n - 1)
end
print(even(101), even(64))

local function f(x) return x + 1 end
local function g(x) return x * 2 end
local function h(x) return x - 1 end
local a, n = 0, 0
for i = 1, 30 do
  a = (i % 3 == 0) and f(a) or g(i)
  if i % 5 == 0 then a = h(a)
  elseif h(i) > 20 then n = n + 1 end
end
local k = 0
while f(k) < 10 do k = f(k) end
repeat k = h(k) until h(k) < 0
print(a, n, k)

local t = 0
for i = 1, 40 do
  if i % 7 == 0 then break end
  t = f(t)
end
local i = 0
while true do
  i = f(i)
  if i > 25 then break end
  t = f(t) + f(i)
end
local function early(m) if m > 3 then return m end return f(m) + early(m + 1) end
print(t, early(0))

local c = 0
::again::
c = f(c)
if c < 10 then goto again end
for j = 1, 5 do
  c = f(c)
  if j % 2 == 0 then goto continue end
  c = f(c) + 1
  ::continue::
end
print(c)

local function v(...) return select("#", ...) end
local function many(p, q, r, s2, t2, u, w) return p + w end
local z = 0
for j = 1, 10 do z = z + v(j, j, j) + many(1, 2, 3, 4, 5, 6, j, 8, 9) + v() end
print(z)

-- errors inside a direct function keep their messages and names
local function bad(x) return x.field end
print(pcall(function() return bad(nil) end))
local function deep(m) if m == 0 then error("bottom") end return deep(m - 1) end
print(pcall(function() return deep(5) end))
local function ret3() return 1, 2, 3 end
print(ret3())
print((ret3()))
print(({ret3()})[3], #{ret3()})
