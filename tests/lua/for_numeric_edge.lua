-- numeric for near the integer limits, step 0, modifications of the loop variable
local n = 0
for i = math.maxinteger - 2, math.maxinteger do n = n + 1; print(i) end
print("count", n)
n = 0
for i = math.mininteger + 2, math.mininteger, -1 do n = n + 1 end
print("count down", n)
n = 0
for i = math.mininteger, math.mininteger + 10, 5 do n = n + 1 end
print("min steps", n)
for i = math.maxinteger - 1, math.maxinteger, 10 do print("big step", i) end
print(pcall(function() for i = 1, 10, 0 do end end))
print(pcall(function() for i = 1.0, 10, 0.0 do end end))
print(pcall(function() for i = 1, 10, 0.0 do end end))
-- assigning to the control variable does not change the iteration
local seen = {}
for i = 1, 5 do
  seen[#seen + 1] = i
  i = i * 10
  seen[#seen + 1] = i
end
print(table.concat(seen, " "))
-- the limit and step are evaluated once
local limit = 3
local evals = 0
local function lim() evals = evals + 1; return limit end
for i = 1, lim() do limit = 10 end
print("evals", evals, "limit", limit)
-- float limits with integer loops are floored/ceiled correctly
local c = {}
for i = 1, 2.9 do c[#c + 1] = i end
for i = 3, 0.1, -1 do c[#c + 1] = i end
print(table.concat(c, " "))
for i = 1, 0 do print("never") end
for i = 1, -math.huge do print("never") end
local k = 0
for i = math.maxinteger, math.huge do k = k + 1; if k > 3 then break end end
print("k", k)
