-- deep (non-tail) recursion must work for at least 10000 levels
local function depth(n)
  if n == 0 then return 0 end
  return 1 + depth(n - 1)
end
print(depth(10000))
local function sum(n)
  if n == 0 then return 0 end
  local rest = sum(n - 1)
  return n + rest
end
print(sum(10000))
local function build(n)
  if n == 0 then return nil end
  return { next = build(n - 1), v = n }
end
local list = build(5000)
local count, node = 0, list
while node do count = count + 1; node = node.next end
print(count)
local t = setmetatable({}, { __index = function(t, k)
  if k <= 0 then return 0 end
  return t[k - 1] + 1
end })
print(t[150])
print(pcall(depth, 10000))
