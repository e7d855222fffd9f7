-- classic coroutine programs
local function permgen(a, n)
  n = n or #a
  if n <= 1 then coroutine.yield(a)
  else
    for i = 1, n do
      a[n], a[i] = a[i], a[n]
      permgen(a, n - 1)
      a[n], a[i] = a[i], a[n]
    end
  end
end
local function permutations(a)
  return coroutine.wrap(function() permgen(a) end)
end
for p in permutations({"a", "b", "c"}) do print(table.concat(p, " ")) end

-- producer / filter / consumer
local function receive(prod) local _, v = coroutine.resume(prod) return v end
local function send(x) coroutine.yield(x) end
local function producer(n)
  return coroutine.create(function() for i = 1, n do send(i) end send(nil) end)
end
local function filter(prod)
  return coroutine.create(function()
    for line = 1, math.huge do
      local x = receive(prod)
      if x == nil then send(nil) break end
      if x % 2 == 1 then send(string.rep and ("%d:%d"):format(line, x) or (line .. ":" .. x)) end
    end
  end)
end
local cons = filter(producer(9))
while true do
  local v = receive(cons)
  if v == nil then break end
  print(v)
end

-- prime sieve with chained coroutines
local function gen(n)
  return coroutine.wrap(function() for i = 2, n do coroutine.yield(i) end end)
end
local function sieve_filter(p, g)
  return coroutine.wrap(function()
    for n in g do if n % p ~= 0 then coroutine.yield(n) end end
  end)
end
local primes = {}
local g = gen(60)
while true do
  local p = g()
  if p == nil then break end
  primes[#primes + 1] = p
  g = sieve_filter(p, g)
end
print(table.concat(primes, ","))

-- tree walk with a recursive generator
local tree = {v = 4, l = {v = 2, l = {v = 1}, r = {v = 3}}, r = {v = 6, l = {v = 5}, r = {v = 7}}}
local function walk(t)
  if t then walk(t.l) coroutine.yield(t.v) walk(t.r) end
end
local out = {}
for v in coroutine.wrap(function() walk(tree) end) do out[#out + 1] = v end
print(table.concat(out, " "))

-- many coroutines alive at once
local cos = {}
for i = 1, 200 do
  cos[i] = coroutine.create(function(a) local s = a while true do s = s + coroutine.yield(s) end end)
  coroutine.resume(cos[i], i)
end
local total = 0
for round = 1, 3 do
  for i = 1, #cos do local _, v = coroutine.resume(cos[i], round) total = total + v end
end
print(total)
