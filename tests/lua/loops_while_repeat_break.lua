-- while, repeat and break
local i = 0
while i < 5 do i = i + 1 end
print("while", i)
local j = 10
repeat j = j - 3 until j < 0
print("repeat", j)
local n = 0
while true do
  n = n + 1
  if n == 7 then break end
end
print("break at", n)
local found
for a = 1, 10 do
  for b = 1, 10 do
    if a * b == 42 then found = a .. "*" .. b; break end
  end
  if found then break end
end
print("found", found)
local r = 0
repeat
  local stop = r >= 3
  r = r + 1
until stop
print("r", r)
local count = 0
for _ = 1, 3 do
  local k = 0
  while true do
    k = k + 1
    if k > 2 then break end
    count = count + 1
  end
end
print("count", count)
local w = 0
while w < 3 do
  w = w + 1
  repeat
    if w == 2 then break end
    print("inner", w)
  until true
end
local function find(t, x) for idx, v in ipairs(t) do if v == x then return idx end end return nil end
print(find({ 5, 6, 7 }, 7), find({}, 1))
