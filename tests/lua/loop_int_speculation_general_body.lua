-- Integer-speculated functions called with arguments that are not all
-- integers run their general body. A loop there that bets on the same
-- parameters has no typed copy when the parameters still hold their
-- arguments on entry; it keeps one when they may have become integers.

-- the loop bets on n and step, which still hold the arguments
local function sum_to(n, step)
  local s = 0
  local i = 1
  while i <= n do
    s = s + i
    i = i + step
  end
  return s, math.type(s), math.type(i)
end
print(sum_to(10, 1))
print(sum_to(10.0, 1))
print(sum_to(10, 2.0))
print(pcall(sum_to, "10", 3))
print(pcall(sum_to, 10, {}))

-- parameters assigned only inside the loop (or after it)
local function count_down(a, b)
  local steps = 0
  while a > 0 and b < 100 do
    a = a - 1
    b = b + a % 3
    steps = steps + 1
  end
  b = b + 1
  return a, b, steps, math.type(a), math.type(b)
end
print(count_down(5, 1))
print(count_down(5.0, 1))
print(count_down(5, 1.5))
print(pcall(count_down, "4", 2))

-- a parameter assigned before the loop may be an integer by then: a
-- string argument coerces to an integer
local function coerced(a, n)
  a = a - 1
  local t = 0
  for k = 1, n do
    t = t + a * k
  end
  return t, math.type(t)
end
print(coerced(3, 4))
print(coerced("3", 4))
print(coerced(3.5, 4))
print(coerced(3, 4.0))

-- a loop inside another loop starts again after the parameter changed
local function nested(a, n)
  local out = 0
  for round = 1, 3 do
    local j = 0
    while j < n do
      out = out + a * j
      j = j + 1
    end
    a = a // 1 + round
  end
  return out, math.type(out), math.type(a)
end
print(nested(2, 3))
print(nested(2.0, 3))
print(nested("2", 3))

-- a goto back to a label before the loop runs it again
local function again(a, n)
  local total, passes = 0, 0
  ::top::
  local i = 0
  while i < n do
    total = total + a + i
    i = i + 1
  end
  passes = passes + 1
  if passes < 3 then
    a = a + 1
    goto top
  end
  return total, math.type(total)
end
print(again(1, 4))
print(again(1.5, 4))
print(again("1", 4))
