-- gsub returns the original string when nothing was replaced (no match, or
-- every table/function value nil or false); %p shows it is the same string.
-- A replacement that equals the text it replaces still makes a new string.
local function same(a, b) return string.format("%p", a) == string.format("%p", b) end
local s = string.rep("a", 100)
for _, case in ipairs({
  {"b", "c"}, {".", {x = "y"}}, {".", function() return nil end}, {"(a)", function() return false end},
  {"a", "a"}, {".", function(x) return x end}, {"%w+", "%0"}, {"a", {a = "a"}}, {"x*", ""},
}) do
  local r, n = string.gsub(s, case[1], case[2])
  print(case[1], type(case[2]), n, r == s, same(r, s))
end
print(same(("b"):rep(60):gsub("c", "d"), ("b"):rep(60)))
