-- float loops accumulate rounding error exactly like IEEE doubles
local n, last = 0, nil
for x = 0, 1, 0.1 do n = n + 1; last = x end
print(n, last, last == 1)
n = 0
for x = 1, 0, -0.25 do n = n + 1; last = x end
print(n, last)
local sum = 0
for _ = 1, 10 do sum = sum + 0.1 end
print(sum, sum == 1.0, sum < 1.0)
local acc = 0.0
for i = 1, 100 do acc = acc + i * 0.5 end
print(acc)
local v = 1.0
for _ = 1, 60 do v = v / 2 end
print(v, v * 2 ^ 60)
