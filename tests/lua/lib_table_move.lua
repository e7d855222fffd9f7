-- table.move
local function show(t, a, b) local p = {} for i = a, b do p[#p + 1] = tostring(t[i]) end print(table.concat(p, " ")) end
local t = {1, 2, 3, 4, 5}
table.move(t, 1, 3, 3) show(t, 1, 6)
t = {1, 2, 3, 4, 5}
table.move(t, 3, 5, 1) show(t, 1, 6)
t = {1, 2, 3, 4, 5}
table.move(t, 1, 5, 2) show(t, 1, 7)
local u = {}
local r = table.move({1, 2, 3}, 1, 3, 2, u)
print(r == u) show(u, 1, 4)
r = table.move({1, 2, 3}, 1, 0, 1, u)
print(r == u)
r = table.move(t, 2, 1, 5)
print(r == t)
t = {1, 2, 3}
table.move(t, 1, 3, 1, t) show(t, 1, 3)
t = {1, 2, 3, 4}
table.move(t, 1, 3, 2, t) show(t, 1, 5)
t = {1, nil, 3}
table.move(t, 1, 3, 4) show(t, 1, 6)
table.move({[-3] = "a", [-2] = "b"}, -3, -2, 1, u) show(u, 1, 2)
print(pcall(function() table.move({}, 1, 2) end))
print(pcall(function() table.move({}, 1, math.maxinteger, 2) end))
print(pcall(function() table.move({}, -1, math.maxinteger, 2) end))
print(pcall(function() table.move({}, 1, 2, math.maxinteger) end))
print(pcall(function() table.move(nil, 1, 2, 3) end))
print(pcall(function() table.move({}, 1, 2, 3, 5) end))
print(pcall(function() table.move({}, 1.5, 2, 3) end))
print(pcall(table.move, {}, 1, 2, 3, true))
print(pcall(table.move, {}, math.mininteger, -1, 1))
-- through metamethods
local log = {}
local src = setmetatable({}, {__index = function(_, k) log[#log + 1] = "r" .. k return k * 10 end})
local dst = setmetatable({}, {__newindex = function(t, k, v) log[#log + 1] = "w" .. k .. "=" .. v rawset(t, k, v) end})
table.move(src, 1, 3, 5, dst)
print(table.concat(log, " "))
show(dst, 5, 7)
log = {}
local both = setmetatable({}, {__index = function(_, k) log[#log + 1] = "r" .. k return nil end,
  __newindex = function(t, k, v) log[#log + 1] = "w" .. k rawset(t, k, v) end})
table.move(both, 1, 3, 2)
print(table.concat(log, " "))
