-- sieve: sieve of Eratosthenes over a boolean array; returns the number of
-- primes <= n plus the sum of the last few primes.
function run(n)
  local composite = {}
  for i = 1, n do
    composite[i] = false
  end
  local i = 2
  while i * i <= n do
    if not composite[i] then
      for j = i * i, n, i do
        composite[j] = true
      end
    end
    i = i + 1
  end
  local count, tail = 0, 0
  for k = 2, n do
    if not composite[k] then
      count = count + 1
      if k > n - 1000 then
        tail = tail + k
      end
    end
  end
  return count * 1000000000 + tail
end
