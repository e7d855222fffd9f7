-- matcher limits: recursion depth ("pattern too complex"), capture count,
-- long subjects, many matches
print(pcall(string.find, string.rep("a", 198), string.rep("a?", 198) .. "$"))
print(pcall(string.find, string.rep("a", 200), string.rep("a?", 200) .. "$"))
print(pcall(string.find, string.rep("a", 300), string.rep("a?", 199)))
print(pcall(string.find, string.rep("a", 300), string.rep("a?", 200)))
print(pcall(string.find, string.rep("a", 10000), string.rep("a?", 10000) .. string.rep("a", 10000)))
print(pcall(string.match, string.rep("a", 100), string.rep("(a*)", 32)))
print(pcall(string.match, string.rep("a", 100), string.rep("(a*)", 33)))
print(pcall(string.match, "x", string.rep("()", 32)))
print(pcall(string.match, "x", string.rep("()", 33)))
print(pcall(string.find, string.rep("x", 300), string.rep("(x)", 32) .. "y"))
print(pcall(string.gsub, string.rep("ab", 100), string.rep("a?", 150) .. "c", "z"))
-- long subjects
local big = string.rep("lorem ipsum dolor sit amet ", 4000)
print(#big, select(2, big:gsub("%a+", "")), select(2, big:gsub("ipsum", "IPSUM")), select(2, big:gsub("(%a+) (%a+)", "%2 %1")))
local n = 0
for w in big:gmatch("%f[%a]%a%a%a%a%a%f[%A]") do n = n + 1 end
print(n, big:find("amet", 100000, true), big:find("(m)(e)t", 100000), big:match("(%a+)%s*$"))
print(#big:gsub("%s", ""), #big:upper(), big:sub(-30), big:reverse():sub(1, 10))
local s = string.rep("a", 5000) .. "b"
print(s:find("a*b"), s:find("a-b"), s:find(".-b"), s:match("^(a*)b$") == string.rep("a", 5000), s:find("(a)%1b"))
print(string.rep("ab", 1000):find("(ab)%1%1%1%1c"), string.rep("ab", 1000):find("b(ab)*$"))
print(select(2, string.gsub(string.rep("x", 10000), "", "")), select(2, string.gsub(string.rep("xy", 5000), "x*", "-")))
-- matching that backtracks a lot but finishes
local t = string.rep("a", 40)
print(t:match("^(a-)(a-)(a-)b?$"), t:find("a*a*a*a*c"))
print(string.rep("(x)", 10):find("%b()%b()%b()"), ("(((((x)))))"):match("%b()"))
