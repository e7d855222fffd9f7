-- number-theory style algorithms using integer arithmetic
local function sieve(n)
  local is = {}
  for i = 2, n do is[i] = true end
  for i = 2, n do
    if is[i] then for j = i * i, n, i do is[j] = false end end
  end
  local out = {}
  for i = 2, n do if is[i] then out[#out + 1] = i end end
  return out
end
print(table.concat(sieve(60), " "))
local function gcd(a, b) while b ~= 0 do a, b = b, a % b end return a end
local function lcm(a, b) return a // gcd(a, b) * b end
print(gcd(48, 18), gcd(17, 5), lcm(4, 6), lcm(21, 6))
local function factor(n)
  local f, d = {}, 2
  while d * d <= n do
    while n % d == 0 do f[#f + 1] = d; n = n // d end
    d = d + 1
  end
  if n > 1 then f[#f + 1] = n end
  return table.concat(f, "*")
end
print(factor(360), factor(97), factor(1001), factor(2 ^ 20 // 1))
local function collatz(n) local steps = 0 while n ~= 1 do n = n % 2 == 0 and n // 2 or 3 * n + 1; steps = steps + 1 end return steps end
print(collatz(27), collatz(1), collatz(97))
local function powmod(b, e, m)
  local r = 1
  b = b % m
  while e > 0 do
    if e & 1 == 1 then r = r * b % m end
    b = b * b % m
    e = e >> 1
  end
  return r
end
print(powmod(2, 10, 1000), powmod(3, 200, 1000007), powmod(7, 0, 13))
local function digits_sum(n) local s = 0 while n > 0 do s = s + n % 10; n = n // 10 end return s end
print(digits_sum(123456789), digits_sum(math.maxinteger))
local function isqrt(n) local x = n while x * x > n do x = (x + n // x) // 2 end return x end
print(isqrt(1000000), isqrt(99), isqrt(2))
