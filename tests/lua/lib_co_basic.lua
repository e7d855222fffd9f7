-- coroutine basics: create/resume/yield/status/running/isyieldable
local co = coroutine.create(function(a, b)
  print("start", a, b)
  local c, d = coroutine.yield(a + b)
  print("resumed with", c, d)
  local e = coroutine.yield()
  print("and", e)
  return "done", a * b
end)
print(type(co), coroutine.status(co))
print(coroutine.resume(co, 2, 3))
print(coroutine.status(co))
print(coroutine.resume(co, "x", "y"))
print(coroutine.resume(co, nil))
print(coroutine.status(co))
print(coroutine.resume(co))
print(coroutine.resume(co, 1, 2))

-- varargs and many values through yield/resume
local echo = coroutine.create(function(...)
  local args = table.pack(...)
  while true do
    args = table.pack(coroutine.yield(table.unpack(args, 1, args.n)))
  end
end)
print(coroutine.resume(echo, 1, nil, 3))
print(coroutine.resume(echo))
print(coroutine.resume(echo, nil, nil))
print(select('#', coroutine.resume(echo, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)))

-- running / isyieldable / status from inside
local main, ismain = coroutine.running()
print(type(main), ismain, coroutine.isyieldable(), coroutine.status(main))
local inner
inner = coroutine.create(function()
  local me, im = coroutine.running()
  print(me == inner, im, coroutine.isyieldable(), coroutine.status(inner), coroutine.status(main))
  print(coroutine.isyieldable(main), coroutine.isyieldable(inner))
  local sub = coroutine.create(function()
    print("sub sees", coroutine.status(inner), coroutine.status(main))
  end)
  coroutine.resume(sub)
  print(coroutine.status(sub))
end)
coroutine.resume(inner)
print(coroutine.status(inner))
print(coroutine.resume(main))
print(coroutine.resume(coroutine.running()))

-- generators with wrap
local function range(n)
  return coroutine.wrap(function() for i = 1, n do coroutine.yield(i) end end)
end
local sum = 0
for i in range(10) do sum = sum + i end
print(sum)
local gen = coroutine.wrap(function(a) local b = coroutine.yield(a + 1) return b * 2 end)
print(gen(1), gen(10))
print(pcall(gen))

-- producer / consumer
local function producer()
  return coroutine.create(function()
    for _, w in ipairs({"alpha", "beta", "gamma"}) do coroutine.yield(w) end
    return nil
  end)
end
local p = producer()
while true do
  local ok, w = coroutine.resume(p)
  if not w then break end
  print("consumed", w)
end
print(coroutine.status(p))

-- yield with no values, resume with none
local z = coroutine.wrap(function() print(select('#', coroutine.yield())) end)
z() z()
