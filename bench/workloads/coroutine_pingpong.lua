-- coroutine_pingpong: values passed back and forth with coroutine.resume/yield,
-- plus a generator pipeline built with coroutine.wrap.
local function pinger()
  local total = 0
  local v = coroutine.yield()
  while v do
    total = total + v
    v = coroutine.yield(v * 2 % 1009)
  end
  return total
end

local function numbers(limit)
  return coroutine.wrap(function()
    for i = 1, limit do
      coroutine.yield(i)
    end
  end)
end

local function evens(gen)
  return coroutine.wrap(function()
    for v in gen do
      if v % 2 == 0 then
        coroutine.yield(v)
      end
    end
  end)
end

function run(n)
  local co = coroutine.create(pinger)
  coroutine.resume(co)
  local acc = 0
  for i = 1, n do
    local ok, r = coroutine.resume(co, i + acc % 7)
    acc = acc + r
  end
  local _, total = coroutine.resume(co, nil)
  local s = 0
  for v in evens(numbers(n)) do
    s = s + v
  end
  return acc * 1000 + total % 1000 + s
end
