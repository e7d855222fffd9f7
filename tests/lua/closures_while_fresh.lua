-- locals declared inside while/repeat bodies are fresh per iteration
local fs = {}
local i = 1
while i <= 3 do
  local captured = i
  fs[i] = function() captured = captured + 100; return captured end
  i = i + 1
end
print(fs[1](), fs[2](), fs[3](), fs[1]())
local gs = {}
local n = 0
repeat
  n = n + 1
  local v = n * n
  gs[n] = function() return v end
until v >= 9          -- the until condition sees body locals
print(#gs, gs[1](), gs[2](), gs[3]())
local shared = {}
local k = 0
while k < 3 do
  k = k + 1
  shared[k] = function() return k end   -- k is a single outer variable
end
print(shared[1](), shared[2](), shared[3]())
