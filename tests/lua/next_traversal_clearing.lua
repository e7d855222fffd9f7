-- clearing fields while traversing with next/pairs is allowed
local t = {}
for i = 1, 20 do t["k" .. i] = i end
for i = 1, 10 do t[i] = i end
local visited, removed = 0, 0
for k, v in pairs(t) do
  visited = visited + 1
  if type(v) == "number" and v % 2 == 0 then t[k] = nil; removed = removed + 1 end
end
local left = 0
for _ in pairs(t) do left = left + 1 end
print(visited, removed, left)
-- changing values of existing keys during traversal is also allowed
local u = { a = 1, b = 2, c = 3 }
for k, v in pairs(u) do u[k] = v * 100 end
print(u.a, u.b, u.c)
-- next with an explicit key continues from there (collect all reachable keys)
local seq = { 10, 20, 30 }
local k, v = next(seq)
local n = 0
while k do n = n + v; k, v = next(seq, k) end
print(n)
