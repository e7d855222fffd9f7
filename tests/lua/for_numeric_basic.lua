-- numeric for: bounds, steps, float loops
local function run(a, b, c)
  local out = {}
  if c then
    for i = a, b, c do out[#out + 1] = tostring(i) end
  else
    for i = a, b do out[#out + 1] = tostring(i) end
  end
  return #out .. ": " .. table.concat(out, " ")
end
print(run(1, 5))
print(run(5, 1))
print(run(1, 1))
print(run(5, 1, -1))
print(run(10, 1, -3))
print(run(1, 10, 4))
print(run(1, 2, 0.5))
print(run(1.0, 3))
print(run(1, 3.5))
print(run(0.1, 0.5, 0.1))
print(run(1, 0.5))
print(run(-3, -1))
print(run(3, 1, 1))
print(run(1, 3, 10))
print(run(1, 3, math.huge))
print(run(1, math.huge, 1 << 62))
print(run(0, -math.huge, math.mininteger))
print(run(math.mininteger, math.mininteger + 2))
print(pcall(run, 1, "3"))
