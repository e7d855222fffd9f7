-- concatenation of strings and integer-typed values (compiled to plain bytes
-- joins) must format integers exactly as Lua does
local mn, mx = math.mininteger, math.maxinteger
local a, b = -9223372036854775807 - 1, 9223372036854775807
print("min " .. a .. " max " .. b, 1 .. 2, -3 .. "", 0 .. -0)
local parts = ""
for i = -3, 3 do parts = parts .. i .. "," end
print(parts, #parts)
local n = 7
print("n=" .. n * 6 .. "|" .. n // 2 .. "|" .. n % 4 .. "|" .. -n)
print(mn .. "", mx .. "", (mx + 1) .. "", 2^53 .. "", 10 // 3 .. "")
