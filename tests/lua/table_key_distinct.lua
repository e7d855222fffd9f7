-- keys of different types are distinct
local t = {}
t[1] = "int"
t["1"] = "string"
t[true] = "bool"
t[1.5] = "float"
local f = function() end
t[f] = "func"
local k = {}
t[k] = "table"
print(t[1], t["1"], t[true], t[1.5], t[f], t[k])
print(t[false], t[{}], t["true"], t[2])
t[false] = "false too"
print(t[false], t[true])
local keys = {}
for key in pairs(t) do keys[#keys + 1] = type(key) end
table.sort(keys)
print(table.concat(keys, " "))
t[1] = nil
print(t[1], t["1"])
local s1, s2 = "ab", "a" .. "b"
t[s1] = "same string"
print(t[s2])
