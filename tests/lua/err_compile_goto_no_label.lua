print("never printed: the chunk does not compile")
for i = 1, 3 do
  if i == 2 then goto continue end
end
::continue::
goto nowhere
