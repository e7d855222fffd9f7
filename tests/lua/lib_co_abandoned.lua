-- Coroutines that Lua code abandons while they are suspended. mani frees
-- them when their handle becomes unreachable; these are the behaviours
-- that must not change with that: a collected coroutine runs no Lua code
-- (no __close handler, no pcall handler, no generic-for closing value), a
-- thread value kept by coroutine.running() keeps its coroutine usable, and
-- thread identities and ids stay stable.

local log = {}
local function note(s) log[#log + 1] = s end
local function closer(name)
  return setmetatable({}, {__close = function() note("closed " .. name) end})
end

-- wrap + break, many times, with pending <close> variables
local total = 0
for round = 1, 200 do
  for v in coroutine.wrap(function()
    local c <close> = closer("wrap" .. round)
    for i = 1, 10 do coroutine.yield(i) end
  end) do
    total = total + v
    if v == 3 then break end
  end
end
collectgarbage()
print("wrap+break", total, #log)

-- create + resume once, dropped; suspended inside pcall and inside a
-- generic for whose closing value would report
for round = 1, 50 do
  local co = coroutine.create(function()
    local ok, err = pcall(function()
      local c <close> = closer("pcall")
      coroutine.yield("in pcall")
    end)
    note("pcall returned " .. tostring(ok))
  end)
  assert(select(2, coroutine.resume(co)) == "in pcall")
  local co2 = coroutine.wrap(function()
    for _ in function(_, i) if i < 3 then return i + 1 end end, nil, 0, closer("for") do
      coroutine.yield()
    end
  end)
  co2()
end
collectgarbage()
collectgarbage()
print("pcall and for", #log)

-- nested: the outer coroutine holds the inner one, both suspended
for round = 1, 50 do
  local outer = coroutine.wrap(function()
    local inner = coroutine.create(function()
      local c <close> = closer("inner")
      coroutine.yield("i")
    end)
    assert(select(2, coroutine.resume(inner)) == "i")
    local c <close> = closer("outer")
    coroutine.yield("o")
  end)
  assert(outer() == "o")
end
collectgarbage()
print("nested", #log)

-- a thread kept through coroutine.running() outlives its wrap function
local th
local f = coroutine.wrap(function(a)
  th = coroutine.running()
  local b = coroutine.yield(a + 1)
  return b * 2
end)
print(f(1))
f = nil
collectgarbage()
print(type(th), coroutine.status(th))
print(coroutine.resume(th, 21))
print(coroutine.status(th))

-- identity and ids stay stable across collections
local co = coroutine.create(function()
  local me = coroutine.running()
  coroutine.yield(me)
  return coroutine.running()
end)
local _, me = coroutine.resume(co)
local s1 = tostring(co)
collectgarbage()
local _, me2 = coroutine.resume(co)
print(me == co, me2 == co, tostring(co) == s1, tostring(me) == s1)

-- a coroutine that refers to itself stays usable until it ends
local selfish
selfish = coroutine.wrap(function()
  local mine = selfish
  for i = 1, 3 do coroutine.yield(i) end
  return "done"
end)
print(selfish(), selfish())
collectgarbage()
print(selfish(), selfish())
print(#log)
