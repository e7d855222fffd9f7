-- table.sort with the default comparator on arrays longer than the run it
-- sorts between check points (32,768), of ints, floats and strings
local function check(t)
  for i = 2, #t do assert(not (t[i] < t[i - 1]), i) end
  local h = 0
  for i = 1, #t, 997 do h = (h * 31 + (type(t[i]) == "string" and #t[i] or math.floor(t[i]))) % 1000000007 end
  return h
end
local ints, floats, strs = {}, {}, {}
for i = 1, 100003 do
  ints[i] = (i * 7919) % 65537 - 30000
  floats[i] = ((i * 104729) % 99991) / 7.5 + 0.25
  strs[i] = tostring((i * 31337) % 100019)
end
table.sort(ints) table.sort(floats) table.sort(strs)
print(ints[1], ints[#ints], check(ints))
print(floats[1], floats[#floats], check(floats))
print(strs[1], strs[#strs], check(strs))
local exact = {}
for i = 1, 65536 do exact[i] = 65537 - i end   -- two whole runs, reversed
table.sort(exact)
print(exact[1], exact[32768], exact[32769], exact[65536], check(exact))
