-- ordering comparisons between different types raise errors
print(pcall(function() return 1 < "2" end))
print(pcall(function() return "1" < 2 end))
print(pcall(function() return {} < {} end))
print(pcall(function() return nil < 1 end))
print(pcall(function() local x; return 1 <= x end))
print(pcall(function() return true > false end))
print(pcall(function() return print < print end))
print(pcall(function() return 1 >= {} end))
print(pcall(function() return "a" > 1 end))
-- equality between different types is simply false
print(1 == "1", "1" == 1, nil == false, {} == {}, 0 == false)
local t = {}
print(t == t, t ~= {}, print == print)
