-- Constructors that are a statement's whole value, or whose fields are
-- literals and unchanging locals, are built field by field; every rule of
-- constructors must still hold.
local log = {}
local function f(tag, v) log[#log + 1] = tag; return v end

local function ret(a, b)
  return { f("x", a), f("y", b), k = f("k", a), f("z", nil), f("w", 4) }
end
local t = ret(1, nil)
print(t[1], t[2], t[3], t[4], t.k, table.concat(log, ","))

local u = { 10, nil, 30, nil }
print(u[1], u[2], u[3], u[4], select("#", table.unpack(u, 1, 4)))

local d = { x = 1, x = 2, [1] = "a", "b" }
print(d.x, d[1])

local name, missing = "n", nil
local p = { name = name, missing = missing, n = 3, flag = false, pi = 3.5, s = "str" }
print(p.name, p.missing, p.n, p.flag, p.pi, p.s)
local count = 0
for _ in pairs(p) do count = count + 1 end
print(count)

-- a pure constructor used as an argument after a call with effects
local v = 1
local function bump() v = v + 1; return v end
local function pair(a, b) return a, b end
local a1, b1 = pair(bump(), { v = v })
print(a1, b1.v)

-- nested constructors keep their order of evaluation
log = {}
local n = { f("outer1", 1), { f("inner1", 2), { f("inner2", 3) } }, f("outer2", 4) }
print(n[1], n[2][1], n[2][2][1], n[3], table.concat(log, ","))

-- an error in a field leaves no half-built table behind
local ok, err = pcall(function()
  local z = { 1, 2, nil .. "x" }
  return z
end)
print(ok, err)

-- functions and methods in fields
local obj = { val = 5, get = function(self) return self.val end }
print(obj:get())
local function mk(x) return { x = x, twice = function() return x * 2 end } end
print(mk(21).twice(), mk(4).x)

-- as the value of a local, from many kinds of expression
local q = { #log, -v, v .. "", not v, v == 2 }
print(q[1], q[2], q[3], q[4], q[5])
