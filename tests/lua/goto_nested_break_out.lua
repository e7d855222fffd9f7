-- goto out of nested loops
local found
for i = 1, 5 do
  for j = 1, 5 do
    if i * j == 12 then
      found = i .. "x" .. j
      goto done
    end
  end
end
::done::
print("found", found)
local function search(grid, target)
  for r = 1, #grid do
    for c = 1, #grid[r] do
      if grid[r][c] == target then
        goto found
      end
    end
  end
  do return "missing" end
  ::found::
  return "present"
end
local g = { { 1, 2 }, { 3, 4 } }
print(search(g, 4), search(g, 9))
for i = 1, 3 do
  for j = 1, 3 do
    if j == 2 then goto next_i end
    print(i, j)
  end
  ::next_i::
end
