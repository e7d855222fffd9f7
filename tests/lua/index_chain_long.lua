-- a long __index chain: hits and misses at every depth, and the loop limit
local t = {}
for i = 1, 1990 do t = setmetatable({["k" .. i] = i}, {__index = t}) end
print(t.k1, t.k1990, t.k64, t.k65, t.missing)
local u = {}
for i = 1, 2100 do u = setmetatable({}, {__index = u}) end
print(pcall(function() return u.x end))
