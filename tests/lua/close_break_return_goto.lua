-- __close on break, return and goto out of the block
local log = {}
local function closer(name)
  return setmetatable({}, { __close = function() log[#log + 1] = name end })
end
for i = 1, 3 do
  local c <close> = closer("loop" .. i)
  if i == 2 then break end
end
print(table.concat(log, " ")); log = {}
local function early(flag)
  local a <close> = closer("a")
  if flag then
    local b <close> = closer("b")
    return "returned early"
  end
  return "returned late"
end
print(early(true), table.concat(log, " ")); log = {}
print(early(false), table.concat(log, " ")); log = {}
do
  local g <close> = closer("g1")
  do
    local h <close> = closer("h1")
    goto out
  end
end
::out::
print(table.concat(log, " ")); log = {}
local i = 0
::again::
do
  local c <close> = closer("it" .. i)
  i = i + 1
  if i < 3 then goto again end
end
print(table.concat(log, " ")); log = {}
while true do
  local w <close> = closer("w")
  do
    local w2 <close> = closer("w2")
    break
  end
end
print(table.concat(log, " "))
