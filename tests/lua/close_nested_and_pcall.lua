-- to-be-closed variables interacting with pcall and nested functions
local log = {}
local function closer(name, fail)
  return setmetatable({}, { __close = function(_, err)
    log[#log + 1] = name .. "(" .. tostring(err) .. ")"
    if fail then error(name .. " failed", 0) end
  end })
end
local function level2()
  local b <close> = closer("b")
  error("E2", 0)
end
local function level1()
  local a <close> = closer("a")
  level2()
end
print(pcall(level1))
print(table.concat(log, " ")); log = {}
-- an error in one __close is passed to the next __close
print(pcall(function()
  local x <close> = closer("x")
  local y <close> = closer("y", true)
  local z <close> = closer("z")
end))
print(table.concat(log, " ")); log = {}
-- pcall inside the block does not close the outer variables
do
  local outer <close> = closer("outer")
  print(pcall(function()
    local inner <close> = closer("inner")
    error("inner err", 0)
  end))
  log[#log + 1] = "between"
end
print(table.concat(log, " ")); log = {}
-- closing order across tail of function and loop
local function many()
  for i = 1, 2 do
    local c <close> = closer("loop" .. i)
  end
  local last <close> = closer("last")
  return "r"
end
print(many(), table.concat(log, " "))
