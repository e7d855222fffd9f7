-- math.random stream after math.randomseed(42)
print(math.randomseed(42))
local t = {}
for i = 1, 20 do t[#t+1] = math.random(1, 100) end
print(table.concat(t, " "))
print(math.random(), math.random(0), math.random(10), math.random(-5, 5))
print(math.random(math.mininteger, math.maxinteger), math.random(3, 3))
math.randomseed(0)
print(math.random(1, 1000), math.random(), math.random(1 << 40))
math.randomseed(-7, 99)
print(math.random(1, 6), math.random(1, 6), math.random(7))
