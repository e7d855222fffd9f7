-- a small state machine written with goto
local input = { "a", "b", "b", "a", "c", "a" }
local pos = 0
local trace = {}
local function nextc() pos = pos + 1; return input[pos] end
::state_start::
do
  local c = nextc()
  if c == nil then goto finish end
  trace[#trace + 1] = "S:" .. c
  if c == "a" then goto state_a end
  goto state_start
end
::state_a::
do
  local c = nextc()
  if c == nil then goto finish end
  trace[#trace + 1] = "A:" .. c
  if c == "b" then goto state_ab end
  if c == "a" then goto state_a end
  goto state_start
end
::state_ab::
do
  local c = nextc()
  if c == nil then goto finish end
  trace[#trace + 1] = "AB:" .. c
  goto state_start
end
::finish::
print(table.concat(trace, " "))
print("consumed", pos - 1)
