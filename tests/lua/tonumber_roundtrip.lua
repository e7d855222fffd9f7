-- tostring uses 14 significant digits, so not every float survives a round trip
local samples = { 0.1, 0.5, 1 / 3, 2 / 3, 100.0, 1e15, 1e16, 123.456, 2 ^ 53, 2 ^ 63, 1e-10, 3.14159265358979 }
for _, x in ipairs(samples) do
  local s = tostring(x)
  local back = tonumber(s)
  print(s, back == x, back)
end
for _, i in ipairs({ 0, -1, 42, math.maxinteger, math.mininteger }) do
  print(i, tonumber(tostring(i)) == i)
end
