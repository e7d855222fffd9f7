-- sort_comparator: table.sort with Lua comparator functions on records and numbers.
local function lcg(seed)
  return seed * 16807 % 2147483647
end

function run(n)
  local records = {}
  local seed = 42
  for i = 1, n do
    seed = lcg(seed)
    records[i] = { key = seed % 1000, id = i, name = "r" .. (seed % 97) }
  end
  table.sort(records, function(a, b)
    if a.key ~= b.key then
      return a.key < b.key
    end
    return a.id < b.id
  end)
  local checksum = 0
  for i = 1, n do
    checksum = (checksum * 31 + records[i].id) % 1000000007
  end

  local nums = {}
  for i = 1, n do
    seed = lcg(seed)
    nums[i] = seed % 100000
  end
  table.sort(nums, function(a, b) return a > b end)
  for i = 1, n, 7 do
    checksum = (checksum + nums[i] * i) % 1000000007
  end

  local names = {}
  for i = 1, n do
    names[i] = records[i].name .. "-" .. records[i].id
  end
  table.sort(names, function(a, b) return #a < #b or (#a == #b and a < b) end)
  return checksum .. ":" .. names[1] .. ":" .. names[n]
end
