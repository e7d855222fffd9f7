-- where floats with integral values are converted to integers
print(3.0 | 0, -0.0 | 0, 2 ^ 53 | 0, -(2 ^ 63) | 0)
print(pcall(function() return 2 ^ 63 | 0 end))
print(pcall(function() return 1e100 | 0 end))
local t = {}
t[3.0] = "three"
t[-0.0] = "zero"
local ks = {}
for k, v in pairs(t) do ks[#ks + 1] = tostring(k) .. "=" .. v end
table.sort(ks)
print(table.concat(ks, " "))
print(math.floor(3.5), math.floor(-3.5), math.floor(2 ^ 62), math.floor(1e300) == 1e300)
print(7 // 2, 7.0 // 2, 7 // 2.0, -7 // 2.0)
print(1e15 // 1, 2 ^ 53 // 1, 10 // 0.3)
print(string.rep("ab", 2.0), ("x"):rep(3.0))
print(select(2.0, "a", "b"), pcall(select, 2.5, "a", "b"))
