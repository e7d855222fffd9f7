-- an uncaught call to error() with a message and position
local function validate(n)
  if n > 2 then error("value too large: " .. n) end
  return n
end
for i = 1, 5 do
  print("validated", validate(i))
end
