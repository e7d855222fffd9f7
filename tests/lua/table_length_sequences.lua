-- '#' on proper sequences and strings
print(#{}, #{ 1 }, #{ 1, 2, 3 }, #{ n = 1 }, #{ 1, 2, x = 3 })
local t = {}
for i = 1, 10 do t[i] = i * i end
print(#t)
t[#t + 1] = "next"
print(#t, t[#t])
t[#t] = nil
print(#t)
print(#"", #"hello", #"a\0b", #[[
x]])
local nested = { { 1, 2 }, { 3, 4, 5 } }
print(#nested, #nested[2])
local function len(...) return #{ ... } end
print(len(), len(1, 2, 3), len("a", "b"))
local s = "abc"
print(#s + 1, -#s, #s * 2)
local q = { "a", "b", "c" }
table.insert(q, "d")
table.insert(q, 1, "z")
print(#q, table.concat(q))
print(#{ n = 1, [1] = "one", [2] = "two" })
