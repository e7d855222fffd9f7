-- ordering of a range of numbers, integers and floats mixed
local vals = { -math.huge, math.mininteger, -2 ^ 63, -1, -0.5, -0.0, 0, 0.5, 1, 2 ^ 53, 2 ^ 53 + 1.0,
  9007199254740993, math.maxinteger, 2 ^ 63, math.huge, 0 / 0 }
for i = 1, #vals do
  local row = {}
  for j = 1, #vals do
    local a, b = vals[i], vals[j]
    row[#row + 1] = (a < b and "<" or "") .. (a == b and "=" or "") .. (a > b and ">" or "")
    if row[#row] == "" then row[#row] = "?" end
  end
  print(string.format("%2d", i), table.concat(row, " "))
end
