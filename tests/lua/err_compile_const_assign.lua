-- assigning to a <const> variable is a compile-time error: nothing is printed
print("this line never runs")
local limit <const> = 10
local function f()
  limit = 11
end
