-- error levels choose which function's position is reported
local function lvl0() error("level 0", 0) end
local function lvl1() error("level 1", 1) end
local function lvl2() error("level 2", 2) end
local function lvl3() error("level 3", 3) end
local function caller2() lvl2() end          -- line 6
local function caller3() lvl3() end          -- line 7
local function outer3() caller3() end        -- line 8
print(pcall(lvl0))
print(pcall(lvl1))
print(pcall(caller2))
print(pcall(outer3))
local function check(x)
  if type(x) ~= "number" then
    error("expected number, got " .. type(x), 2)
  end
  return x
end
local function user()
  return check("str")                        -- line 20, tail call: no caller info
end
local function user2()
  local v = check({})                        -- line 23
  return v
end
print(pcall(user))
print(pcall(user2))
print(pcall(function() error("deep", 50) end))
