-- sorting algorithms written in Lua
local function quicksort(t, lo, hi)
  lo, hi = lo or 1, hi or #t
  if lo >= hi then return t end
  local p, i = t[hi], lo - 1
  for j = lo, hi - 1 do
    if t[j] <= p then i = i + 1; t[i], t[j] = t[j], t[i] end
  end
  t[i + 1], t[hi] = t[hi], t[i + 1]
  quicksort(t, lo, i)
  quicksort(t, i + 2, hi)
  return t
end
local function insertion(t)
  for i = 2, #t do
    local v, j = t[i], i - 1
    while j >= 1 and t[j] > v do t[j + 1] = t[j]; j = j - 1 end
    t[j + 1] = v
  end
  return t
end
local function merge_sort(t)
  if #t <= 1 then return t end
  local mid = #t // 2
  local l, r = {}, {}
  for i = 1, mid do l[#l + 1] = t[i] end
  for i = mid + 1, #t do r[#r + 1] = t[i] end
  l, r = merge_sort(l), merge_sort(r)
  local out, i, j = {}, 1, 1
  while i <= #l and j <= #r do
    if l[i] <= r[j] then out[#out + 1] = l[i]; i = i + 1 else out[#out + 1] = r[j]; j = j + 1 end
  end
  while i <= #l do out[#out + 1] = l[i]; i = i + 1 end
  while j <= #r do out[#out + 1] = r[j]; j = j + 1 end
  return out
end
local function lcg(seed) return function() seed = (seed * 1103515245 + 12345) % 2147483648; return seed % 1000 end end
local gen = lcg(42)
local data = {}
for i = 1, 30 do data[i] = gen() end
local function copy(t) local c = {} for i, v in ipairs(t) do c[i] = v end return c end
print(table.concat(quicksort(copy(data)), " "))
print(table.concat(insertion(copy(data)), " ") == table.concat(quicksort(copy(data)), " "))
print(table.concat(merge_sort(copy(data)), " ") == table.concat(quicksort(copy(data)), " "))
local words = { "delta", "alpha", "charlie", "bravo", "echo" }
print(table.concat(insertion(words), " "))
local floats = { 3.5, -1, 2, 0.25, -7.75, 2 }
print(table.concat(quicksort(floats), " "))
