-- After `if n < k then return end`, n - c cannot wrap; everything else about
-- such functions must behave as before.
local function fib(n)
  if n < 2 then return n end
  return fib(n - 1) + fib(n - 2)
end
print(fib(20), fib(1), fib(0), fib(-5))
print(pcall(fib, 2.5))

local function down(n)
  if 3 > n then return "small" end
  return n - 3, n - 9223372036854775807
end
print(down(10))
print(down(math.mininteger))
print(down(math.maxinteger))

local function le(n)
  if n <= math.mininteger + 1 then return "min" end
  return n - 2
end
print(le(math.mininteger), le(math.mininteger + 1), le(math.mininteger + 2), le(0))

-- the guard only covers the rest of its own block
local function scoped(n, flag)
  if flag then
    if n < 0 then return "neg" end
    local a = n - 1
  end
  return n - 1
end
print(scoped(5, true), scoped(-5, true), scoped(math.mininteger, false))

-- a goto out of the guard's branch keeps the general code
local function jumpy(n)
  do
    if n < 1 then goto out end
  end
  if n < 1 then
    goto out
    return 0
  end
  do return n - 1 end
  ::out::
  return n - 1
end
print(jumpy(5), jumpy(math.mininteger))

-- an assigned variable is never bounded
local function assigned(n)
  if n < 0 then return 0 end
  n = math.mininteger
  return n - 1
end
print(assigned(3))
