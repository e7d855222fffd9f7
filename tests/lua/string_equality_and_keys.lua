-- strings are values: equal content means equal strings
local a = "hello"
local b = "hel" .. "lo"
local c = string.sub("xhellox", 2, 6)
print(a == b, b == c, rawequal(a, c))
local t = { [a] = 1 }
print(t[b], t[c], t.hello)
t[c] = 2
local n = 0
for _ in pairs(t) do n = n + 1 end
print(n, t.hello)
local long1 = string.rep("abc", 100)
print(long1 == string.rep("abc", 100), #long1)
local k = {}
for i = 1, 5 do k["key" .. i] = i end
print(k.key1 + k.key5, k["key" .. 3])
print("a" .. "" == "a", "" == "", #"" == 0)
local e = {}
e[""] = "empty key"
print(e[""])
print(("10" == "10.0"), (10 == 10.0), ("1" .. "0" == "10"))
