-- output before an uncaught runtime error is kept; the error ends the program
print("start")
local t = {}
for i = 1, 3 do print("i =", i) end
local function explode(x) return x.field.deeper end
print(pcall(explode, t))
explode(t)
print("never printed")
