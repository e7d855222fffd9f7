-- mani run examples/hello.lua
local function greet(name)
  return ("hello, %s!"):format(name)
end

local Counter = {}
Counter.__index = Counter
function Counter.new() return setmetatable({n = 0}, Counter) end
function Counter:bump() self.n = self.n + 1; return self end

local c = Counter.new():bump():bump()
print(greet("world"), c.n, 2^10, 7 // 2, math.maxinteger + 1 == math.mininteger)
