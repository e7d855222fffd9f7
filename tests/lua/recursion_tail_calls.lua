-- tail calls in a loop of a few thousand levels (mani runs tail calls on
-- Python frames, so their depth is bounded like any call depth: see
-- docs/design.md; tests/test_api.py checks the clean error past the limit)
local function loop(n, acc)
  if n == 0 then return acc end
  return loop(n - 1, acc + 1)
end
print(loop(3000, 0))
local even, odd
function even(n) if n == 0 then return "even" end return odd(n - 1) end
function odd(n) if n == 0 then return "odd" end return even(n - 1) end
print(even(2001), odd(2001))
local function count_down(n)
  if n > 0 then return count_down(n - 1) end
  return "landed"
end
print(count_down(2500))
local obj = { n = 0 }
function obj:step(k) if k == 0 then return self.n end self.n = self.n + 1 return self:step(k - 1) end
print(obj:step(1000))
