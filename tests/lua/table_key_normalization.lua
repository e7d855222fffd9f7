-- float keys with integral values are normalized to integers
local t = {}
t[1.0] = "one"
print(t[1], t[1.0], rawget(t, 1))
for k, v in pairs(t) do print(k, v) end        -- the key is the integer 1
t[2] = "two"
print(t[2.0], #t)
t[2 ^ 53] = "big"
print(t[9007199254740992], t[2 ^ 53])
for k in pairs({ [3.0] = true }) do print(k) end
local u = { [1.5] = "x", [-0.0] = "zero" }
print(u[1.5], u[0], u[0.0], u[-0.0])
for k, v in pairs({ [-0.0] = "z" }) do print(k, v) end
local v = {}
v[1] = "a"; v[1.0] = "b"
local n = 0
for _ in pairs(v) do n = n + 1 end
print(n, v[1])
local w = { 10, 20, 30 }
print(w[3.0], w[2.5], w["1"], w[1])
local key = 6 / 2
w[key] = "replaced"
print(w[3], #w)
print(next({ [5.0] = 1 }))
print(t[math.maxinteger + 0.0], t[2^63])
