-- Proper tail calls: chains far longer than the stack run in constant space
local function count(n, acc)
  if n == 0 then return acc end
  return count(n - 1, acc + 1)
end
print("plain", count(300000, 0))

local even, odd
function even(n) if n == 0 then return true end return odd(n - 1) end
function odd(n) if n == 0 then return false end return even(n - 1) end
print("mutual (globals)", even(100001), odd(100001))

local obj = {n = 0}
function obj:step(k)
  if k == 0 then return self.n end
  self.n = self.n + 1
  return self:step(k - 1)
end
print("method", obj:step(100000))

local callable = setmetatable({}, {__call = function(self, k, tag)
  if k == 0 then return "called", tag end
  return self(k - 1, tag)
end})
print("__call", callable(100000, "t"))

local function va(n, ...)
  if n == 0 then return select('#', ...), ... end
  return va(n - 1, ...)
end
print("varargs", va(100000, 1, nil, 3, nil))

local function spread(n)
  if n == 0 then return "spread" end
  return spread(math.max(n - 1, 0))
end
print("call as last argument", spread(100000))

local function many(n, a, b, c, d, e, f, g)
  if n == 0 then return a + b + c + d + e + f + g end
  return many(n - 1, a, b, c, d, e, f, g)
end
print("many arguments", many(100000, 1, 2, 3, 4, 5, 6, 7))

-- a state machine through a table of functions
local states = {}
function states.a(n) if n == 0 then return "end in a" end return states.b(n - 1) end
function states.b(n) if n == 0 then return "end in b" end return states.c(n - 1) end
function states.c(n) if n == 0 then return "end in c" end return states.a(n - 1) end
print("state machine", states.a(100000), states.a(100001))

-- continuation-passing style
local function cps_sum(n, k)
  if n == 0 then return k(0) end
  return cps_sum(n - 1, function(s) return k(s + n) end)
end
print("cps", cps_sum(20000, function(s) return s end))

print("inside pcall", pcall(count, 100000, 0))
local co = coroutine.wrap(function(n)
  local function loop(i, acc)
    if i == 0 then return acc end
    if i % 25000 == 0 then coroutine.yield(i) end
    return loop(i - 1, acc + i)
  end
  return loop(n, 0)
end)
print("coroutine", co(100000), co(), co(), co(), co())

-- errors at the end of a long chain
local function fail(n) if n == 0 then local x; return x.y end return fail(n - 1) end
print("error", pcall(fail, 100000))
local function lvl(n) if n == 0 then error("level two", 2) end return lvl(n - 1) end
print("error level 2", pcall(lvl, 100000))
local function ret_error(n) if n == 0 then return error("from error") end return ret_error(n - 1) end
print("error in tail position", pcall(ret_error, 100000))
local function bad(n) if n == 0 then return (nil)(1) end return bad(n - 1) end
print("call a nil value", pcall(bad, 100000))

-- a chain that calls a library function in tail position
local function to_lib(n) if n == 0 then return select("#", 1, 2, 3) end return to_lib(n - 1) end
print("library at the end", to_lib(100000))

-- a return inside the scope of a to-be-closed variable is not a tail call:
-- the variable is closed after the call
local log = {}
local function callee() log[#log + 1] = "callee" return "result" end
local function closing()
  local c <close> = setmetatable({}, {__close = function() log[#log + 1] = "closed" end})
  return callee()
end
print("close scope", closing(), table.concat(log, " "))
log = {}
local function in_for()
  for _, v in ipairs({1}) do return callee() end
end
print("generic for", in_for(), table.concat(log, " "))

-- a tail call of a table whose __call is a table whose __call is ... a function
local steps = 30000
local target = function(self, k) return k end
local function walk()
  if steps == 0 then return "walked" end
  steps = steps - 1
  return walk()
end
for _ = 1, 50 do walk = setmetatable({}, {__call = walk}) end
print("__call chains in tail calls", walk())
