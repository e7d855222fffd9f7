-- table_int: fill and read tables by integer keys (array part and hash part).
function run(n)
  local t = {}
  for i = 1, n do
    t[i] = i * 7 % 1000
  end
  local s = 0
  for round = 1, 5 do
    for i = 1, n do
      s = s + t[i]
    end
    for i = n, 1, -1 do
      t[i] = (t[i] + round) % 1000
    end
  end
  s = s + #t

  -- sparse integer keys live in the hash part
  local h = {}
  local m = n * 3
  for i = 1, n do
    h[i * 37 % m] = i
  end
  for i = 1, n, 2 do
    local v = h[i * 37 % m]
    if v then
      s = s + v
    end
    if h[i * 5] then
      s = s + 1
    end
  end
  return s
end
