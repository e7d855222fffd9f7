-- Multiple assignments mixing literals and expressions: every value is
-- evaluated before the first store; literals keep their value and type.
local t = { 1, 2, 3 }
local i = 1
i, t[i] = i + 1, 20
print(i, t[1], t[2])

local a, b = 1, 2
a, b = b, a
print(a, b)
a, b, t[3] = "x", a, true
print(a, b, t[3])

-- stores through __newindex see the literal values in order
local log = {}
local p = setmetatable({}, { __newindex = function(tt, k, v) log[#log + 1] = tostring(k) .. "=" .. tostring(v) rawset(tt, k, v) end })
p.x, p.y, p[1], p[2.0] = true, false, 3.5, "s"
print(table.concat(log, " "))

-- a call among literals runs before any store, and sees the old values
local q = { v = 0 }
local function bump() q.v = q.v + 1 return q.v end
q.a, q.b, q.v = 10, bump(), 100
print(q.a, q.b, q.v)

-- nil literals delete
local r = { k = 1, j = 2 }
r.k, r.j = nil, 5
print(r.k, r.j)

-- more values than targets, fewer values than targets
local x, y
x, y = 1, 2, 3
print(x, y)
x, y = 7
print(x, y)

-- queens-style boolean arrays
local cols, d1 = {}, {}
for c = 1, 4 do cols[c], d1[c] = true, false end
print(cols[1], d1[4], #cols)
