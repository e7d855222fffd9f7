-- several closures sharing the same upvalue
local function make()
  local shared = 0
  local inc = function() shared = shared + 1 end
  local dec = function() shared = shared - 1 end
  local read = function() return shared end
  return inc, dec, read
end
local inc, dec, read = make()
inc(); inc(); inc(); dec()
print(read())
local x = 1
local function addx(v) return v + x end
print(addx(1))
x = 100                       -- the closure sees the new value
print(addx(1))
local fs = {}
do
  local v = "first"
  fs.get = function() return v end
  fs.set = function(n) v = n end
end
fs.set("second")
print(fs.get())
local function outer()
  local a = 1
  local function mid()
    local function inner() a = a + 1; return a end
    return inner
  end
  return mid(), function() return a end
end
local bump, peek = outer()
bump(); bump()
print(peek())
-- a parameter captured and modified
local function param_capture(p)
  local f = function() p = p * 2 return p end
  f(); f()
  return p
end
print(param_capture(3))
