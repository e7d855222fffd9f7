-- nested loops mixing break, goto continue and early return
local function first_dup(t)
  for i = 1, #t do
    for j = i + 1, #t do
      if t[i] == t[j] then return i, j end
    end
  end
  return nil
end
print(first_dup({ 1, 2, 3, 2, 1 }), first_dup({ 1, 2, 3 }))
local grid = {}
for r = 1, 4 do
  grid[r] = {}
  for c = 1, 4 do
    if (r + c) % 3 == 0 then goto skip end
    grid[r][c] = r * c
    ::skip::
  end
end
for r = 1, 4 do
  local row = {}
  for c = 1, 4 do row[#row + 1] = tostring(grid[r][c]) end
  print(table.concat(row, " "))
end
local total = 0
for i = 1, 10 do
  if i > 6 then break end
  local j = 0
  while true do
    j = j + 1
    if j > i then break end
    if j % 2 == 0 then goto cont end
    total = total + j
    ::cont::
  end
end
print("total", total)
local n = 0
repeat
  n = n + 1
  for k = 1, 3 do
    if k == n then goto next_n end
  end
  print("no match for", n)
  ::next_n::
until n >= 5
