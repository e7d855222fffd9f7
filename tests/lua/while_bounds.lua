-- In `while lo < hi do lo = lo + 1 ... hi = hi - 1 end` the steps cannot
-- wrap; the same loops with other types or extra assignments must still wrap.
local function swaps(t, lo, hi)
  local n = 0
  while lo < hi do
    t[lo], t[hi] = t[hi], t[lo]
    lo = lo + 1
    hi = hi - 1
    n = n + 1
  end
  return n, lo, hi
end
local t = { 1, 2, 3, 4, 5, 6, 7 }
print(swaps(t, 1, 7), table.concat(t, " "))
print(swaps({}, math.maxinteger - 3, math.maxinteger))
print(swaps({}, math.mininteger, math.mininteger + 3))
print(swaps({}, 1, 4.5))
-- a float bound: lo wraps around (stopped after a few steps)
local function wraps(lo, hi)
  local n = 0
  while lo < hi do
    lo = lo + 1
    n = n + 1
    if n == 3 then break end
  end
  return lo
end
print(wraps(math.maxinteger - 1, math.huge), wraps(1, 2))

-- an assignment before the step: the step may wrap
local function jump(lo, hi)
  local k = 0
  while lo < hi do
    lo = hi
    lo = lo + 1
    k = k + 1
    if k > 3 then break end
  end
  return lo, k
end
print(jump(1, math.maxinteger))

local function reversed(lo, hi)
  local steps = 0
  while hi > lo do
    hi = hi - 1
    steps = steps + 1
  end
  return hi, steps
end
print(reversed(math.mininteger, math.mininteger + 2))
