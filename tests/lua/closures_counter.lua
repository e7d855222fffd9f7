-- closures keep their own state
local function counter(start)
  local n = start or 0
  return function(step) n = n + (step or 1); return n end
end
local c1, c2 = counter(), counter(100)
print(c1(), c1(), c1(10), c2(), c1())
local function make_pair()
  local value = 0
  local function get() return value end
  local function set(v) value = v end
  return get, set
end
local get, set = make_pair()
local get2, set2 = make_pair()
set(42)
print(get(), get2())
set2("other")
print(get(), get2())
local function memo(f)
  local cache, hits = {}, 0
  return function(x)
    if cache[x] == nil then cache[x] = f(x) else hits = hits + 1 end
    return cache[x], hits
  end
end
local sq = memo(function(x) return x * x end)
print(sq(4)); print(sq(4)); print(sq(5)); print(sq(4))
