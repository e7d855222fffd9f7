-- coroutine.wrap details and status transitions
local log = {}
local co
co = coroutine.create(function(...)
  log[#log + 1] = "running:" .. coroutine.status(co)
  local x = coroutine.yield(...)
  log[#log + 1] = "got:" .. tostring(x)
  return x
end)
log[#log + 1] = "created:" .. coroutine.status(co)
coroutine.resume(co, 1, 2)
log[#log + 1] = "after yield:" .. coroutine.status(co)
coroutine.resume(co, "v")
log[#log + 1] = "after return:" .. coroutine.status(co)
print(table.concat(log, " "))

-- wrap passes values both ways
local acc = coroutine.wrap(function(first)
  local total = first
  while true do
    local n = coroutine.yield(total)
    if n == nil then return "final " .. total end
    total = total + n
  end
end)
print(acc(1), acc(2), acc(3), acc())
print(pcall(acc, 1))

-- wrap with multiple returns and nils
local mr = coroutine.wrap(function() coroutine.yield(nil, 2, nil) return 1, nil, 3, nil end)
print(select('#', mr()), select('#', mr()))

-- the wrap function is a plain function
print(type(coroutine.wrap(print)))

-- error inside wrap after a to-be-closed variable: closed before the error reaches the caller
local w = coroutine.wrap(function()
  local c <close> = setmetatable({}, {__close = function(_, e) print("closed with", e) end})
  coroutine.yield("first")
  error("wrapped failure")
end)
print(w())
print(pcall(w))
print(pcall(w))

-- status of a coroutine that resumed another
local a, b
a = coroutine.create(function()
  coroutine.resume(b)
  return "a done"
end)
b = coroutine.create(function()
  print("a is", coroutine.status(a), "b is", coroutine.status(b))
  coroutine.yield()
end)
print(coroutine.resume(a))
print(coroutine.status(a), coroutine.status(b))
print(coroutine.resume(b))
print(coroutine.status(b))

-- resume passes through to a yield deep inside nested calls
local function level3() return coroutine.yield("deep") end
local function level2() return level3() .. "!" end
local function level1() return "<" .. level2() .. ">" end
local nested = coroutine.wrap(level1)
print(nested())
print(nested("value"))

-- yielding across pcall inside a generic for
local iterco = coroutine.wrap(function()
  for i, v in ipairs({"x", "y"}) do
    local ok, r = pcall(coroutine.yield, i .. v)
    print("pcall around yield", ok, r)
  end
end)
print(iterco())
print(iterco("r1"))
print(iterco("r2"))
