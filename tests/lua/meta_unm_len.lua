-- __len and __unm
local sized = setmetatable({ 1, 2, 3 }, { __len = function(t) return 42 end })
print(#sized, rawlen(sized))
local str_len = setmetatable({}, { __len = function() return "not a number" end })
print(#str_len)
local multi = setmetatable({}, { __len = function() return 1, 2 end })
print(#multi)
local counted = setmetatable({}, { __len = function(t)
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  return n
end })
counted.a, counted.b = 1, 2
print(#counted)
-- '#' on strings is primitive
print(#"abc")
print(pcall(function() return #5 end))
print(pcall(function() local b = true; return #b end))
local neg = setmetatable({ v = 5 }, { __unm = function(t) return -t.v * 10 end })
print(-neg, - -3)
print(pcall(function() return -{} end))
