-- coroutine errors
print(pcall(coroutine.yield, 1))
print(pcall(function() coroutine.yield(1) end))
print(pcall(function() return coroutine.yield() end))
print(pcall(coroutine.create, {}))
print(pcall(coroutine.create))
print(pcall(function() coroutine.create(42) end))
print(pcall(coroutine.resume, 1))
print(pcall(function() coroutine.resume({}) end))
print(pcall(coroutine.status))
print(pcall(coroutine.status, "x"))
print(pcall(coroutine.wrap))
print(pcall(coroutine.close, coroutine.running()))
print(pcall(coroutine.isyieldable, 1))
print(pcall(function() return coroutine.close(nil) end))

-- errors inside come back from resume
local co = coroutine.create(function() error("boom") end)
print(coroutine.resume(co))
print(coroutine.status(co), coroutine.resume(co))
co = coroutine.create(function() error({code = 7}) end)
local ok, e = coroutine.resume(co)
print(ok, type(e), e.code)
co = coroutine.create(function() error("lvl0", 0) end)
print(coroutine.resume(co))
co = coroutine.create(function() local x = nil; return x.field end)
print(coroutine.resume(co))
co = coroutine.create(function() return 1 + {} end)
print(coroutine.resume(co))
co = coroutine.create(function() coroutine.yield(1) error("after yield") end)
print(coroutine.resume(co))
print(coroutine.resume(co))
print(coroutine.resume(co))
co = coroutine.create(function() table.insert(nil, 1) end)
print(coroutine.resume(co))
co = coroutine.create(table.insert)
print(coroutine.resume(co, 1, 2))
co = coroutine.create(error)
print(coroutine.resume(co, "direct"))

-- wrap re-raises, prefixing the caller's position to string errors
local w = coroutine.wrap(function() error("x") end)
print(pcall(w))
print(pcall(function() coroutine.wrap(function() error("x") end)() end))
print(pcall(function() coroutine.wrap(function() error("x", 0) end)() end))
print(select("#", pcall(function() coroutine.wrap(function() error({}) end)() end)))
print(pcall(function() coroutine.wrap(function() error(42) end)() end))
print(pcall(function() local w2 = coroutine.wrap(function() end); w2(); w2() end))
print(pcall(function() local w3 = coroutine.wrap(function() coroutine.yield() end); w3(); w3(); w3() end))

-- resuming running / normal coroutines
local outer
outer = coroutine.create(function()
  print("self resume", coroutine.resume(outer))
  local inner = coroutine.create(function()
    print("resume normal", coroutine.resume(outer))
    print(pcall(coroutine.close, outer))
  end)
  coroutine.resume(inner)
  print(pcall(coroutine.close, outer))
end)
coroutine.resume(outer)

-- nesting limit
local depth = 0
local function nest()
  depth = depth + 1
  if depth > 5000 then error("deep") end
  local c = coroutine.create(nest)
  local ok2, err = coroutine.resume(c)
  if not ok2 then error(err, 0) end
end
print(pcall(nest))
print(depth)
