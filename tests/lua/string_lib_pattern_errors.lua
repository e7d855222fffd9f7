-- malformed patterns: Lua reports them only when the matcher reaches them
local pats = {"[", "[a", "[^", "[]", "[^]", "[a%", "%", "a%", "(", "a)", ")", "%f", "%fa", "%f[", "%f[a", "%b", "%ba", "%1", "(a)%2",
              "(a%1)", "%0", "(()", "((a)", "[%", "[%]", "x[", "x%", "a(", "%g%", "((((((((((((((((((((((((((((((((((",
              "[[]", "[a-", "%bab%", "%f[%w]%w+%", "a*(", "(%d+)-(%d+"}
for _, p in ipairs(pats) do
  print(p, pcall(string.find, "abc", p))
  print(p, pcall(string.find, "", p))
  print(p, pcall(string.match, "xyz", p))
  print(p, pcall(string.gsub, "abc", p, "-"))
  print(p, pcall(function() local n = 0 for _ in string.gmatch("ab", p) do n = n + 1 end return n end))
end
-- errors from library functions called in Lua code carry the position
print(pcall(function() return string.find("a", "[a") end))
print(pcall(function()
  return string.match("a",
    "%")
end))
print(pcall(function() for w in string.gmatch("abc", "(") do end end))
print(pcall(function() return string.gsub("abc", "%w", "%2") end))
print(pcall(string.rep))
