-- string.format: %e %f %g %a with flags, width, precision, inf and nan
local fvals = {0.0, -0.0, 1.0, -1.5, 0.1, 1/3, 2/3, 1e10, 1e-10, 123456.789, 1e300, -1e-300, 5e-324, 1/0, -1/0, 0/0, -(0/0), 0.5, 2.5, 1e15, 1e16, 1e17, 100, 1e21, 255.5}
local fspecs = {"%f", "%.0f", "%.1f", "%10.3f", "%-10.2f|", "%+f", "% f", "%010.2f", "%#.0f", "%e", "%.0e", "%E", "%12.4e", "%#.0e", "%g", "%.0g", "%.1g", "%.3g", "%#g", "%#.3g", "%G", "%10g|", "%-10g|", "%+g", "%010g", "%.17g", "%.20f", "%a", "%A", "%.0a", "%.1a", "%.2a", "%.13a", "%.15a", "%#a", "%+a", "% a", "%20a|", "%-20a|", "%020a", "%5.1a", "%.3A"}
for _, s in ipairs(fspecs) do
  local t = {}
  for _, v in ipairs(fvals) do
    local ok, r = pcall(string.format, s, v)
    t[#t+1] = tostring(r)
  end
  print(s, table.concat(t, " "))
end
