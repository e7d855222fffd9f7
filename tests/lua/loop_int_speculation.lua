-- Loops get a copy where locals that stay integers are typed; the other
-- copy runs when a local is not an integer on entry.
local function countdown(start, step)
  local hi, n = start, 0
  while hi > 0 do
    hi = hi - step
    n = n + 1
  end
  return hi, n, math.type(hi)
end
print(countdown(10, 3))
print(countdown(10.5, 3))
print(countdown(7, 2.5))
print(pcall(countdown, "9", 4))
print(pcall(countdown, {}, 1))

-- wrap-around inside the typed copy
local function wrap(x)
  local i = 0
  repeat
    x = x + 1
    i = i + 1
  until i >= 3
  return x, math.type(x)
end
print(wrap(math.maxinteger - 1))
print(wrap(1.5))
print(wrap(-0.0))

-- an assignment that could make it a non-integer keeps the loop general
local function mixed(v)
  local k = v
  local steps = 0
  while k < 100 do
    if k % 2 == 0 then k = k * 3 else k = k + 0.5 end
    steps = steps + 1
    if steps > 20 then break end
  end
  return k, steps
end
print(mixed(1), mixed(4))

-- keys: integer-typed in one copy, a float key in the other
local function fill(t, from, to)
  local i = from
  while i <= to do
    t[i] = i * 2
    i = i + 1
  end
  return t
end
local t = fill({}, 1, 4)
print(#t, t[1], t[4])
local u = fill({}, 1.0, 3.0)
print(#u, u[1], u[3], math.type(next(u)))

-- nested loops and break
local function nested(n)
  local a, total = n, 0
  while a > 0 do
    local b = a
    while b > 0 do
      total = total + b
      b = b - 1
      if total > 1000 then break end
    end
    a = a - 1
  end
  return total
end
print(nested(5), nested(30), nested(5.0))

-- numeric for with an integer accumulator declared outside
local function acc(s, n)
  for i = 1, n do
    s = s + i
  end
  return s, math.type(s)
end
print(acc(0, 10), acc(0.5, 10), acc(math.maxinteger, 2))

-- a global in the loop is never speculated on
G = 3
local function glob()
  local r = 0
  while G > 0 do
    G = G - 1
    r = r + 1
  end
  return r
end
print(glob())
