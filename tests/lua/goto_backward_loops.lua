-- backward goto builds loops
local i = 1
::top::
print("iteration", i)
i = i + 1
if i <= 3 then goto top end
local fns = {}
local k = 1
::again::
do
  local captured = k        -- fresh local on every pass
  fns[#fns + 1] = function() return captured end
end
k = k + 1
if k <= 3 then goto again end
print(fns[1](), fns[2](), fns[3]())
-- factorial with goto
local n, acc = 5, 1
::loop::
if n > 1 then
  acc = acc * n
  n = n - 1
  goto loop
end
print("5! =", acc)
