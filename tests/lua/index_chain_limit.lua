-- __index chains: found, missing, and the 2000-level limit (MAXTAGLOOP)
for _, n in ipairs({1998, 1999, 2000, 2001}) do
  local base = { x = 1 }
  local t = base
  for i = 1, n do t = setmetatable({}, { __index = t }) end
  print(n, pcall(function() return t.x end))
  print(n, pcall(function() return t.y end))
end
-- a miss on an object whose class has no parent, and one whose class does
local A = { m = 1 }
A.__index = A
local B = setmetatable({ n = 2 }, A)
B.__index = B
local a, b = setmetatable({}, A), setmetatable({}, B)
print(a.m, a.n, a.zz, b.m, b.n, b.zz, a[true], b[false], a[1.5])
A[true] = "t"
print(a[true], b[true])
