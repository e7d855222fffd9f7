local a = collectgarbage("count")
local t = {} for i = 1, 100000 do t[i] = {i} end
local b = collectgarbage("count")
t = nil
collectgarbage()
local c = collectgarbage("count")
print(math.type(a), b - a > 5000, c - a < 100, collectgarbage("step"), collectgarbage("isrunning"))
