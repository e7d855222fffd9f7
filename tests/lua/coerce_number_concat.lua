-- numbers are converted to strings by '..'
print(1 .. 2, 1.5 .. "", -0.0 .. "", 2 ^ 63 .. "")
print(10 .. "", 10.0 .. "", 1e100 .. "", 1e15 .. "", 123456789012 .. "")
print(math.maxinteger .. "", math.mininteger .. "")
print(0.1 .. "|" .. 1/3)
print("x" .. 1 .. 2 .. 3.0)
print(1 / 0 .. "", -1 / 0 .. "")
print(type(1 .. ""), #(100 .. ""))
print(pcall(function() return "a" .. nil end))
print(pcall(function() return "a" .. true end))
print(pcall(function() return {} .. "a" end))
local n = 42
print("n = " .. n, n .. " = n")
print(2^53 .. "", 2^53 + 0 .. "")
