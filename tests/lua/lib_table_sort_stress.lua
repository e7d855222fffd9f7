-- table.sort on many shapes; comparator call counts follow the reference algorithm
local function lcg(seed)
  local x = seed
  return function(m) x = (x * 6364136223846793005 + 1442695040888963407) & 0x7fffffffffffffff return x % m end
end
local rnd = lcg(99)
local function check(t, cmp)
  for i = 2, #t do
    if cmp then
      if cmp(t[i], t[i - 1]) then return false end
    elseif t[i] < t[i - 1] then return false end
  end
  return true
end
local shapes = {
  function(n) local t = {} for i = 1, n do t[i] = i end return t end,
  function(n) local t = {} for i = 1, n do t[i] = n - i end return t end,
  function(n) local t = {} for i = 1, n do t[i] = 7 end return t end,
  function(n) local t = {} for i = 1, n do t[i] = rnd(n) end return t end,
  function(n) local t = {} for i = 1, n do t[i] = (i % 2 == 0) and i or -i end return t end,
}
for _, n in ipairs({2, 3, 4, 5, 7, 10, 31, 64, 99}) do
  local line = {}
  for s, make in ipairs(shapes) do
    local t = make(n)
    local calls = 0
    table.sort(t, function(a, b) calls = calls + 1 return a < b end)
    line[#line + 1] = s .. ":" .. calls .. ":" .. tostring(check(t))
  end
  print(n, table.concat(line, " "))
end
-- larger arrays: results only
for _, n in ipairs({100, 257, 1000}) do
  local t = {}
  for i = 1, n do t[i] = rnd(1000) end
  table.sort(t)
  local u = {}
  for i = 1, n do u[i] = rnd(1000) / 7 end
  table.sort(u, function(a, b) return a > b end)
  local s = {}
  for i = 1, n do s[i] = tostring(rnd(100000)) end
  table.sort(s)
  print(n, check(t), check(u, function(a, b) return a > b end), check(s), t[1], t[n])
end
-- records with ties keep the reference's order
local recs = {}
for i = 1, 90 do recs[i] = {key = rnd(5), id = i} end
table.sort(recs, function(a, b) return a.key < b.key end)
local ids = {}
for i = 1, #recs do ids[i] = recs[i].id end
print(table.concat(ids, " "))
