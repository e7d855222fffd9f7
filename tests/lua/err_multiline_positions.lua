-- which line is reported for errors in expressions spanning several lines
print(pcall(function()
  local f = nil
  local r = (
    f
  )(
  1
  )
end))
print(pcall(function()
  local t = {}
  t.a.b
  .c = 1
end))
print(pcall(function()
  local f
  f
  (
  )
end))
print(pcall(function()
  local x = nil
  return 1
    + x
end))
print(pcall(function()
  local a, b = {}, {}
  return a
    <
    b
end))
print(pcall(function()
  local s = "x"
  return s ..
    nil
end))
print(pcall(function()
  local t = setmetatable({}, { __index = function() error("from index") end })
  return t
    .field
end))
