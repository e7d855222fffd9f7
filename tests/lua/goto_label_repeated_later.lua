-- A label may repeat one of an enclosing block when the enclosing one comes
-- later (Lua 5.4 checks only the labels already visible); each goto goes to
-- the innermost visible label of its name.
local log = {}
do
  do
    goto l1
    log[#log + 1] = "skipped"
    ::l1::
    log[#log + 1] = "inner"
  end
  goto l1
  log[#log + 1] = "skipped too"
  ::l1::
  log[#log + 1] = "outer"
end
for i = 1, 3 do
  while true do
    if i == 2 then goto continue end
    log[#log + 1] = "while " .. i
    ::continue::
    break
  end
  if i == 1 then goto continue end
  log[#log + 1] = "for " .. i
  ::continue::
end
print(table.concat(log, ", "))
-- an earlier label of an enclosing block is still a repeat
print(load("::a:: do ::a:: end"))
print(load("do ::b:: ::b:: end"))
