-- one coroutine resumed from different places: the nesting limit counts
-- from the current resumer each time, and statuses follow the resumer

-- how many plain nested resumes still fit below the running code
local function room()
  local n = 0
  local function nest()
    n = n + 1
    local ok, err = coroutine.resume(coroutine.create(nest))
    if not ok then error(err, 0) end
  end
  local ok, e = pcall(nest)
  return n, e
end

local probe = coroutine.create(function()
  while true do coroutine.yield(room()) end
end)

-- resume `co` (with `...`) from the bottom of a chain of k nested coroutines
local function from_depth(k, co, ...)
  if k == 0 then return coroutine.resume(co, ...) end
  local args = table.pack(...)
  local c = coroutine.create(function() return from_depth(k - 1, co, table.unpack(args, 1, args.n)) end)
  return select(2, coroutine.resume(c))
end

print("main", coroutine.resume(probe))
print("depth 10", from_depth(10, probe))
print("main again", coroutine.resume(probe))
print("depth 150", from_depth(150, probe))
print("depth 3", from_depth(3, probe))
print("main last", coroutine.resume(probe))

-- the same resumer (relay) resumes probe each time, itself resumed from
-- different depths
local relay = coroutine.create(function()
  while true do coroutine.yield(coroutine.resume(probe)) end
end)
print("relay main", coroutine.resume(relay))
print("relay depth 20", from_depth(20, relay))
print("relay depth 120", from_depth(120, relay))
print("relay main", coroutine.resume(relay))
print("relay depth 194", from_depth(194, relay))
print("relay depth 5", from_depth(5, relay))

-- chains ending near and beyond the limit, where the same coroutine is
-- resumed (not at 196-197: for this shape reference Lua's C-call count lets
-- one or two more levels through than mani's plain count of resumes)
local deep = coroutine.create(function() while true do coroutine.yield("ok") end end)
for _, k in ipairs({0, 190, 195, 260, 2, 0}) do
  print("deep", k, from_depth(k, deep))
end

-- the same wrap generator driven from main and from inside coroutines
local gen = coroutine.wrap(function()
  for i = 1, 6 do coroutine.yield(i, coroutine.isyieldable()) end
  return "gen done"
end)
print(gen())
print(coroutine.wrap(function() return gen() end)())
print(gen())
print(coroutine.wrap(function() return coroutine.wrap(function() return gen() end)() end)())
print(gen())
print(gen())
print(gen())
print(pcall(gen))

-- statuses as the resumer changes
local a, b, c
local function show(tag)
  print(tag, coroutine.status(a), coroutine.status(b), coroutine.status(c))
end
c = coroutine.create(function()
  while true do show("in c") coroutine.yield() end
end)
a = coroutine.create(function()
  while true do
    show("in a")
    coroutine.resume(c)
    show("a after c")
    coroutine.yield()
  end
end)
b = coroutine.create(function()
  while true do
    coroutine.resume(a)
    show("b after a")
    coroutine.resume(c)
    coroutine.yield()
  end
end)
coroutine.resume(a)
coroutine.resume(b)
coroutine.resume(c)
coroutine.resume(b)
show("main")

-- a resume that fails leaves the resumer running
local failing = coroutine.create(function() coroutine.yield() error("inner failure") end)
local outer = coroutine.create(function()
  print("first", coroutine.resume(failing))
  print("second", coroutine.resume(failing))
  print("outer is", coroutine.status(coroutine.running()))
  print("third", coroutine.resume(failing))
  return "outer done"
end)
print(coroutine.resume(outer))
print(coroutine.status(outer), coroutine.status(failing))

-- a coroutine that resumes itself through another one's wrap
local selfish
selfish = coroutine.create(function()
  local w = coroutine.wrap(function() return coroutine.resume(selfish) end)
  print("via wrap", w())
  coroutine.yield("yielded")
  return "selfish done"
end)
print(coroutine.resume(selfish))
print(coroutine.resume(selfish))
print(coroutine.resume(selfish))
