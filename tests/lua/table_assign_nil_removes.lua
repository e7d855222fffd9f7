-- assigning nil removes a key
local t = { a = 1, b = 2, c = 3 }
t.b = nil
local keys = {}
for k in pairs(t) do keys[#keys + 1] = k end
table.sort(keys)
print(table.concat(keys, ","))
print(t.b, rawget(t, "b"))
t.b = 4
print(t.b)
local s = { 1, 2, 3 }
s[3] = nil
print(#s, s[3])
s[#s + 1] = "x"
print(#s, s[3])
local count = 0
local big = {}
for i = 1, 100 do big[i] = i end
for i = 1, 100 do big[i] = nil end
for _ in pairs(big) do count = count + 1 end
print(count, next(big))
-- clearing fields during traversal is allowed
local m = { x = 1, y = 2, z = 3, w = 4 }
for k in pairs(m) do m[k] = nil end
print(next(m))
local e = {}
e.field = nil
print(next(e))
