-- goto as 'continue'
for i = 1, 10 do
  if i % 2 == 0 then goto continue end
  if i == 7 then goto continue end
  print("odd", i)
  ::continue::
end
local t = { 1, 2, 3, 4, 5, 6 }
local out = {}
for _, v in ipairs(t) do
  if v % 3 == 0 then goto skip end
  out[#out + 1] = v
  ::skip::
end
print(table.concat(out, ","))
local i = 0
while i < 6 do
  i = i + 1
  if i == 3 then goto cont end
  local _ = i
  print("while", i)
  ::cont::
end
local j = 0
repeat
  j = j + 1
  if j == 2 then goto next end
  print("repeat", j)
  ::next::
until j >= 4
