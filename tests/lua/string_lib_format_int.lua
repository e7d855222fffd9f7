-- string.format: integer conversions, flags, width and precision
local vals = {0, 1, -1, 7, 255, -255, 123456789, math.maxinteger, math.mininteger, 3.0, -0.0}
local specs = {"%d", "%5d", "%-5d|", "%05d", "%+d", "% d", "%.3d", "%.0d", "%8.3d", "%-8.3d|", "%+08d", "% 05d", "%x", "%X", "%#x", "%#X", "%08x", "%-#8x|", "%.5x", "%o", "%#o", "%#.0o", "%.0x", "%i", "%u", "%5u", "%c"}
for _, s in ipairs(specs) do
  local t = {}
  for _, v in ipairs(vals) do
    local ok, r = pcall(string.format, s, v)
    t[#t+1] = tostring(r)
  end
  print(s, table.concat(t, " "))
end
