-- coroutine.close: pending to-be-closed variables, errors, statuses
local function closer(name)
  return setmetatable({}, {__close = function(_, err) print("close", name, err) end})
end

-- never started
local c0 = coroutine.create(function() print("never runs") end)
print(coroutine.close(c0), coroutine.status(c0))
print(coroutine.resume(c0))

-- suspended with pending <close> variables: closed in reverse order, nil error
local c1 = coroutine.create(function()
  local a <close> = closer("a")
  do
    local b <close> = closer("b")
    coroutine.yield("suspended")
  end
  print("not reached")
end)
print(coroutine.resume(c1))
print(coroutine.status(c1))
print(coroutine.close(c1))
print(coroutine.status(c1), coroutine.close(c1))
print(coroutine.resume(c1))

-- close handlers run through pcall frames too (pcall does not catch the close)
local c2 = coroutine.create(function()
  local a <close> = closer("outer")
  local ok = pcall(function()
    local b <close> = closer("in pcall")
    coroutine.yield(1)
  end)
  print("never printed", ok)
end)
coroutine.resume(c2)
print(coroutine.close(c2))

-- an error in a close handler is returned by close
local c3 = coroutine.create(function()
  local a <close> = closer("first")
  local b <close> = setmetatable({}, {__close = function(_, err) print("bad close", err) error("close failed", 0) end})
  coroutine.yield()
end)
coroutine.resume(c3)
print(coroutine.close(c3))
print(coroutine.status(c3), coroutine.close(c3))

-- finished coroutine
local c4 = coroutine.create(function() return 1 end)
coroutine.resume(c4)
print(coroutine.close(c4))

-- dead by error: close returns false and the error once
local c5 = coroutine.create(function() error("oops") end)
print(coroutine.resume(c5))
print(coroutine.close(c5))
print(coroutine.close(c5))
local c6 = coroutine.create(function() error({}) end)
coroutine.resume(c6)
local ok, e = coroutine.close(c6)
print(ok, type(e))

-- closing a running or normal coroutine is an error
local c7
c7 = coroutine.create(function()
  print(pcall(coroutine.close, c7))
  local c8 = coroutine.create(function() print(pcall(coroutine.close, c7)) end)
  coroutine.resume(c8)
end)
coroutine.resume(c7)
print(pcall(function() coroutine.close(coroutine.running()) end))

-- wrap: a closed generator in a for loop with a to-be-closed value
local function gen()
  return coroutine.wrap(function()
    local h <close> = closer("gen")
    for i = 1, 2 do coroutine.yield(i) end
  end)
end
for i in gen() do print("item", i) end

-- generic for closing value
local function closing_iter()
  local state = 0
  return function() state = state + 1 if state <= 2 then return state end end, nil, nil, closer("for")
end
local cf = coroutine.wrap(function()
  for i in closing_iter() do coroutine.yield(i) end
  return "for end"
end)
print(cf(), cf(), cf())
