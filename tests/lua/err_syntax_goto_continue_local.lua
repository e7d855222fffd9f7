-- a 'continue' label followed by a local declaration is a jump into its scope
print("never printed")
for i = 1, 3 do
  if i == 2 then goto continue end
  local x = i
  ::continue::
  print(x)
end
