-- only nil and false are falsy
local values = { 0, 0.0, -0.0, "", "false", "0", {}, function() end, true, false }
for i = 1, #values + 1 do
  local v = values[i]
  if v then print(i, type(v), "truthy") else print(i, type(v), "falsy") end
end
print(not 0, not "", not nil, not false, not not 0.0)
if 0 then print("0 is true") end
if "" then print("empty string is true") end
local n = nil
print(n == false, nil == false, false == false, nil == nil)
while nil do print("never") end
repeat print("repeat runs once") until 0
print(0 and "and-0", "" or "or-empty", nil or false, false or nil)
print(false and nil, nil and false)
