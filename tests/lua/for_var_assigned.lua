-- A numeric-for variable assigned in the body takes the assigned values; a
-- loop copied for integer-typed locals does not leak its types into the
-- general copy.
for i = 1, 2 do
  i = i / 2
  print(i .. "")
end
local function F0()
  for i = 1, 2 do i = i / 1 for j = 3, i do end end
end
print(pcall(F0))
local function f(p)
  local x = p
  for i = x, x + 1 do
    if i > 100 then break end
    print(i .. "|", x + 0)
  end
end
f(1.5)
f(1)
local function g(p)
  local x = p
  for i = x, x do print(i, x + 1) end
end
print(pcall(g, 1.5))
print(pcall(g, 2))
