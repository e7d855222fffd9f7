local function parse(s)
  local n = tonumber(s)
  assert(n, "cannot parse '" .. s .. "'")
  return n
end
print(parse("12"))
print(parse("1x"))
