-- math.random streams after randomseed(0) and other seeds
print(math.randomseed(0))
local t = {}
for i = 1, 30 do t[i] = math.random(6) end
print(table.concat(t, ""))
for i = 1, 5 do print(math.random()) end
for i = 1, 5 do print(math.random(0)) end
print(math.random(1, 2^40), math.random(-2^40, -1), math.random(math.mininteger, -1))
print(math.random(math.maxinteger - 3, math.maxinteger), math.random(math.mininteger, math.mininteger + 3))
print(math.random(3.0), math.random("2", "9"))
print(math.randomseed(1, 2))
for i = 1, 5 do print(math.random(1000000)) end
print(math.randomseed(-1))
for i = 1, 3 do print(math.random(100)) end
print(math.randomseed(2^53))
print(math.random(1, 10))
print(math.randomseed(math.maxinteger, math.mininteger))
print(math.random(1, 10), math.random(1, 3))
-- reseeding repeats the stream
math.randomseed(123)
local a = {math.random(100), math.random(100), math.random()}
math.randomseed(123)
local b = {math.random(100), math.random(100), math.random()}
print(a[1] == b[1], a[2] == b[2], a[3] == b[3])
-- distribution sanity (deterministic)
math.randomseed(7)
local counts = {0, 0, 0}
for i = 1, 3000 do local r = math.random(3) counts[r] = counts[r] + 1 end
print(counts[1], counts[2], counts[3])
local lo, hi = 1, 0
for i = 1, 1000 do local r = math.random() if r < lo then lo = r end if r > hi then hi = r end end
print(lo >= 0, hi < 1)
print(pcall(math.randomseed, 1.5))
print(pcall(math.randomseed, "x"))
print(pcall(math.randomseed, 1, 2.5))
