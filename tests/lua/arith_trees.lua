-- Whole-tree arithmetic: expressions of several + - * / operations whose
-- leaves change type between calls, overflow, divide by zero, carry
-- metamethods, or have effects whose order is visible.

-- float mode (the function has a float literal)
local function poly(x, y, z)
  return x * x + y * y - z * 0.5
end
print(poly(1.5, 2.5, 3.5), poly(1, 2, 3), poly(1, 2.5, 3))
print(poly(math.maxinteger, 2, 0.0), poly("3", 2.0, 1))
print(pcall(poly, 1.0, {}, 2.0))
print(pcall(poly, 1.0, 2.0, nil))

-- int mode (no float literal here): exact tree, wrap once at the root
local function mix(a, b, c)
  return a * b + c - a
end
print(mix(3, 4, 5), mix(math.maxinteger, 2, 7), mix(math.mininteger, -1, 0))
print(mix(1.5, 2, 3), mix(3, 4, 5.25), mix("2", 3, 4), mix(2, "0x10", 1))
print(pcall(mix, 1, 2, false))

-- division inside a tree: literal and computed divisors, int / int
local function ratio(a, b, c)
  return a / (b - c) + a / 2 - (a * b) / 4.0
end
print(ratio(1.0, 2.0, 2.0), ratio(-1.0, 2.0, 2.0), ratio(0.0, 3.0, 3.0))
print(ratio(3, 5, 1), ratio(7, 2, 2), ratio(1.5, 0.0, -0.0))
local function idiv_free(i, j)
  return (i + j) / (i - j) + 1
end
print(idiv_free(9007199254740993, 1), idiv_free(5, 5), idiv_free(-5, 5))
print(idiv_free(math.maxinteger, math.mininteger))
local function lit_zero(x)
  return x * 2.0 / 0 + x / -0.0
end
print(lit_zero(1.0), lit_zero(-1), lit_zero(0.0))

-- unary minus in trees
local function neg(a, b)
  return -a * b + -(a - b) * 2.5
end
print(neg(1.0, 2.0), neg(3, 4), neg(math.mininteger, 1))

-- metamethods on leaves: the fallback uses them with the right operands
local V = {}
V.__index = V
local function vec(x) return setmetatable({ x = x }, V) end
V.__add = function(p, q)
  local px = type(p) == "table" and p.x or p
  local qx = type(q) == "table" and q.x or q
  return vec(px + qx)
end
V.__mul = function(p, q)
  local px = type(p) == "table" and p.x or p
  local qx = type(q) == "table" and q.x or q
  return vec(px * qx)
end
V.__unm = function(p) return vec(-p.x) end
local function combo(a, b, c)
  return a * b + c * 1.0
end
print(combo(2.0, 3.0, 4.0), combo(2, 3, 4))
print(combo(vec(2), 3, 4).x, combo(2, vec(3), 4).x, combo(2, 3, vec(4)).x)
print((-vec(5) * 2).x)

-- effects of leaves happen in Lua's order, once each
local log = {}
local T = setmetatable({}, { __index = function(_, k)
  log[#log + 1] = k
  return #log * 1.5
end })
local function fields(u)
  return T.a * u + T.b - T.c * 2.0
end
print(fields(2.0), table.concat(log, ","))
log = {}
local W = setmetatable({}, { __index = function(_, k)
  log[#log + 1] = k
  return #log
end })
local function ifields(u)
  return W.p * u + W.q - u * W.r
end
print(ifields(3), ifields(math.maxinteger), table.concat(log, ","))

-- which error comes first when several leaves are bad
local function first_error(t, x)
  return t.a * x + t.b.c
end
print(pcall(first_error, { a = 1.0 }, nil))
print(pcall(first_error, { a = 1.0, b = {} }, 2.0))
print(pcall(first_error, {}, 2.0))
local cnt = 0
local function bump() cnt = cnt + 1; return cnt end
local function calls(x)
  return bump() * x + bump() - x * bump()
end
print(calls(2.0), calls(2), cnt)

-- an upvalue changed by a call inside the same expression
local up = 1.0
local function setup() up = 100.0; return 1.0 end
local function reads_up()
  return up + setup() * up
end
print(reads_up())

-- a local whose type changes mid-loop
local function drift(n)
  local acc = 0.0
  local step = 1.0
  for i = 1, n do
    acc = acc * 0.5 + step * i - 1
    if i == 3 then step = 2 end
    if i == 5 then acc = 7 end
  end
  return acc
end
print(drift(8))
local function idrift(n)
  local acc, k = 0, 3
  for i = 1, n do
    acc = acc * k + i - k
    if i == 4 then k = 2.5 end
    if i == 6 then k = math.maxinteger end
  end
  return acc
end
print(idrift(8))

-- NaN and infinities flow through the fast path
local function nanny(x, y)
  return x * y + x - y / 3.0
end
print(nanny(0 / 0, 1.0) ~= nanny(0 / 0, 1.0), nanny(math.huge, 0.0) ~= nanny(math.huge, 0.0))
print(nanny(math.huge, 2.0), nanny(-math.huge, 1.0), nanny(1e308, 10.0))
print(math.type(nanny(1.0, 2.0)), math.type(mix(1, 2, 3)), math.type(mix(1, 2, 3.0)))
