-- the fourth value of a generic for is a to-be-closed variable
local log = {}
local function closing(name)
  return setmetatable({}, { __close = function(_, err) log[#log + 1] = name .. ":" .. tostring(err) end })
end
local function iter_with_close(n, name)
  local i = 0
  return function() i = i + 1; if i <= n then return i end end, nil, nil, closing(name)
end
for i in iter_with_close(3, "normal") do log[#log + 1] = "i" .. i end
print(table.concat(log, " ")); log = {}
for i in iter_with_close(5, "break") do
  if i == 2 then break end
  log[#log + 1] = "i" .. i
end
print(table.concat(log, " ")); log = {}
local function ret()
  for i in iter_with_close(5, "return") do
    if i == 3 then return "returned at " .. i end
  end
end
print(ret(), table.concat(log, " ")); log = {}
local ok, err = pcall(function()
  for i in iter_with_close(5, "error") do
    if i == 2 then error("loop error", 0) end
  end
end)
print(ok, err, table.concat(log, " ")); log = {}
for i in iter_with_close(2, "goto") do
  if i == 1 then goto out end
end
::out::
print(table.concat(log, " ")); log = {}
print(pcall(function() for i in next, {}, nil, 42 do end end))
for k in next, {}, nil, nil do end
print("nil closing value is fine")
