-- _ENV as an upvalue and as a function parameter
local function make_reader(_ENV)
  return function() return a, b end
end
local r = make_reader({ a = 1, b = 2 })
print(r())
local function setter(_ENV, v) target = v end
local env = {}
setter(env, "set through param env")
print(env.target, target)
local counter_env = { n = 0 }
local function bump()
  local _ENV = counter_env
  n = n + 1
  return n
end
bump(); bump()
print(bump(), counter_env.n)
-- closures capture _ENV like any other upvalue
local fns = {}
for i = 1, 2 do
  local _ENV = { id = "env" .. i }
  fns[i] = function() return id end
end
print(fns[1](), fns[2]())
-- modifying the captured table is visible
local shared = { val = "old" }
local get
do
  local _ENV = shared
  get = function() return val end
end
shared.val = "new"
print(get())
-- _ENV can be reassigned
local function switch()
  local _ENV = { v = 1 }
  local first = v
  _ENV = { v = 2 }
  return first, v
end
print(switch())
