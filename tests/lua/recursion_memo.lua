-- memoized recursion with integer results near the integer limit
local memo = {}
local function fib(n)
  if n <= 2 then return 1 end
  local m = memo[n]
  if m then return m end
  local v = fib(n - 1) + fib(n - 2)
  memo[n] = v
  return v
end
print(fib(50), fib(80), fib(92))
print(fib(93))             -- wraps around
local function binom(n, k, cache)
  cache = cache or {}
  if k == 0 or k == n then return 1 end
  local key = n * 1000 + k
  if cache[key] then return cache[key] end
  local v = binom(n - 1, k - 1, cache) + binom(n - 1, k, cache)
  cache[key] = v
  return v
end
print(binom(10, 5), binom(30, 15), binom(60, 30))
local calls = 0
local function count_paths(r, c, seen)
  calls = calls + 1
  if r == 0 or c == 0 then return 1 end
  local key = r .. "," .. c
  if seen[key] then return seen[key] end
  local v = count_paths(r - 1, c, seen) + count_paths(r, c - 1, seen)
  seen[key] = v
  return v
end
print(count_paths(16, 16, {}), calls)
