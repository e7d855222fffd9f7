-- multiple assignment: all expressions are evaluated before assigning
local a, b, c = 1, 2, 3
print(a, b, c)
a, b = b, a
print(a, b)
a, b, c = c, a, b
print(a, b, c)
local t = { 1, 2, 3 }
t[1], t[3] = t[3], t[1]
print(t[1], t[2], t[3])
local i = 1
i, t[i] = i + 1, "changed"     -- t[i] uses i before the assignment
print(i, t[1], t[2])
local x, y, z = 1
print(x, y, z)
local p, q = 1, 2, 3, print("extra expression is evaluated")
print(p, q)
local function f() return 10, 20 end
local m, n, o = f(), f()
print(m, n, o)
local s = {}
s.a, s.b = f()
print(s.a, s.b)
local u, v
u, v = v, u
print(u, v)
local k = { 1 }
local j = 1
j, k[j] = 2, "old-j"
print(j, k[1], k[2])
local g1, g2 = "g1", "g2"
g1, g2 = g2 .. "!", g1 .. "?"
print(g1, g2)
