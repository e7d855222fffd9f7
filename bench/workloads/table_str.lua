-- table_str: fill and read tables by string keys (dynamic keys and fields).
function run(n)
  local keys = {}
  for i = 1, 100 do
    keys[i] = "key" .. i
  end
  local total = 0
  for r = 1, n do
    local t = {}
    for i = 1, 100 do
      t[keys[i]] = i + r
    end
    local s = 0
    for i = 100, 1, -1 do
      s = s + t[keys[i]]
    end
    if t["missing"] == nil then
      s = s + 1
    end
    local rec = { name = "rec", count = 0, weight = 1 }
    for _ = 1, 10 do
      rec.count = rec.count + rec.weight
      rec.weight = rec.weight + 1
    end
    rec.extra = rec.count * 2
    total = (total + s + rec.count + rec.extra) % 1000000007
  end
  return total
end
