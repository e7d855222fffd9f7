-- Numeric for with an integer start and step and a limit of unknown type.
local function lim(x) return x end
local t = { 1, 2, 3, 4 }
local s = 0
for i = 1, #t do s = s + t[i] end
print(s)
for i = 4, lim(1), -1 do s = s * 10 + i end
print(s)
for i = 1, lim(3.7) do s = s + i end
print(s)
for i = 1, lim(-2.5) do s = s + 1000 end
print(s)
for i = 10, lim(2.5), -3 do print(i, math.type(i)) end
for i = 1, lim("3") do print(i, math.type(i)) end
for i = 1, lim(math.huge) do if i > 3 then break end print(i) end
for i = 1, lim(math.maxinteger) + 0.0 do if i > 2 then break end print(math.type(i)) end
print(pcall(function() for i = 1, lim({}) do end end))
print(pcall(function() for i = 1, lim(nil) do end end))
print(pcall(function() for i = 1, lim("x") do end end))
-- the limit is evaluated once, before the body changes the table
local u = { 1, 2, 3 }
local n = 0
for i = 1, #u do u[#u + 1] = i n = n + 1 end
print(n, #u)
local mt = setmetatable({}, { __len = function() return 3 end })
for i = 1, #mt do print("len", i) end
local fl = setmetatable({}, { __len = function() return 2.5 end })
for i = 1, #fl do print("flen", i, math.type(i)) end
