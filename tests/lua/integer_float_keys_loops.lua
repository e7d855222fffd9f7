-- loop variables and computed values as table keys
local t = {}
for i = 1, 3 do t[i] = "int" .. i end
for x = 1.0, 3.0 do t[x] = (t[x] or "") .. "+float" end
print(t[1], t[2], t[3])
local count = 0
for _ in pairs(t) do count = count + 1 end
print(count)
local u = {}
u[10 / 2] = "five"        -- 5.0 normalizes to 5
u[2 ^ 2] = "four"
u[7 // 1] = "seven"
u[7.0 // 1] = "seven float"
print(u[5], u[4], u[7])
local keys = {}
for k in pairs(u) do keys[#keys + 1] = tostring(k) end
table.sort(keys)
print(table.concat(keys, " "))
local v = {}
v[0.1 + 0.2] = "approx"
print(v[0.3], v[0.1 + 0.2])
local w = { [1] = "a", [1.5] = "b" }
print(w[3 / 2], w[3 // 2])
