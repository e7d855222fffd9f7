-- yield across pcall, metamethods, iterators, nested calls
local co = coroutine.create(function()
  local ok, v = pcall(function()
    local got = coroutine.yield("inside pcall")
    return got * 2
  end)
  print("pcall result", ok, v)
  local ok2, e = pcall(function()
    coroutine.yield("before error")
    error("after yield")
  end)
  print("pcall error", ok2, e)
  local ok3, e3 = xpcall(function()
    coroutine.yield("inside xpcall")
    error("xp")
  end, function(m) return "handled: " .. m end)
  print("xpcall", ok3, e3)
  return "end"
end)
local vals = {21}
while coroutine.status(co) ~= "dead" do
  print(coroutine.resume(co, table.remove(vals, 1)))
end

-- metamethods that yield
local mt = {
  __index = function(t, k) return coroutine.yield("index " .. k) end,
  __newindex = function(t, k, v) coroutine.yield("newindex " .. k) rawset(t, k, v) end,
  __add = function(a, b) return coroutine.yield("add") end,
  __eq = function(a, b) return coroutine.yield("eq") end,
  __lt = function(a, b) return coroutine.yield("lt") end,
  __le = function(a, b) return coroutine.yield("le") end,
  __concat = function(a, b) return coroutine.yield("concat") end,
  __len = function(a) return coroutine.yield("len") end,
  __call = function(self, x) return coroutine.yield("call " .. x) end,
  __unm = function(a) return coroutine.yield("unm") end,
}
local obj = setmetatable({}, mt)
local obj2 = setmetatable({}, mt)
local m = coroutine.wrap(function()
  print("got index", obj.foo)
  obj.bar = 5
  print("bar", rawget(obj, "bar"))
  print("got add", obj + 1)
  print("got eq", obj == obj2)
  print("got lt", obj < obj2)
  print("got le", obj <= obj2)
  print("got concat", obj .. "x")
  print("got len", #obj)
  print("got call", obj(7))
  print("got unm", -obj)
  return "meta done"
end)
print(m())
print(m("FOO"))
print(m())
print(m(42))
print(m(false))
print(m(true))
print(m(1))
print(m("cat"))
print(m(99))
print(m("called"))
print(m("neg"))

-- generic for iterators that yield
local function iter(s, i)
  if i >= 3 then return nil end
  coroutine.yield("iterating " .. i)
  return i + 1
end
local fi = coroutine.wrap(function()
  for i in iter, nil, 0 do print("loop", i) end
  return "for done"
end)
for _ = 1, 4 do print(fi()) end

-- deep recursion then yield
local function deep(n)
  if n == 0 then return coroutine.yield("bottom") end
  return deep(n - 1) + 1
end
local d = coroutine.wrap(function() return deep(100) end)
print(d())
print(d(0))

-- coroutines inside coroutines
local function gen(n)
  return coroutine.wrap(function() for i = 1, n do coroutine.yield(i) end end)
end
local outer = coroutine.wrap(function()
  for x in gen(3) do
    for y in gen(2) do coroutine.yield(x * 10 + y) end
  end
end)
local acc = {}
for v in outer do acc[#acc + 1] = v end
print(table.concat(acc, " "))

-- pcall inside coroutine catching errors of a nested coroutine
local c2 = coroutine.wrap(function()
  local ok, e = pcall(coroutine.wrap(function() coroutine.yield(1) error("inner") end))
  coroutine.yield(tostring(ok) .. " " .. tostring(e))
  return "c2 end"
end)
print(c2())
print(c2())
