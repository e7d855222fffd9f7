-- closures created in loops that exit early keep the values they captured
local saved
for i = 1, 10 do
  local sq = i * i
  saved = function() return i, sq end
  if i == 4 then break end
end
print(saved())
local fns = {}
local k = 0
while true do
  k = k + 1
  local mine = k
  fns[k] = function(delta) mine = mine + (delta or 0); return mine end
  if k == 3 then break end
end
print(fns[1](10), fns[2](), fns[3](1), fns[1]())
local function gen()
  local list = {}
  for i = 1, 3 do
    for j = 1, 3 do
      if j > i then break end
      list[#list + 1] = function() return i * 10 + j end
    end
  end
  return list
end
local out = {}
for _, f in ipairs(gen()) do out[#out + 1] = f() end
print(table.concat(out, " "))
