-- labels in enclosing blocks, label at end of block, same label name in sibling blocks
do
  goto inner_end
  local x = 1          -- jumping past a local to a label at the end of the block is fine
  print("skipped", x)
  ::inner_end::
end
print("after inner_end")
do
  do
    goto outer
  end
  print("skipped too")
  ::outer::
end
print("after outer")
for i = 1, 2 do
  do goto l end
  ::l::                -- the same label name in different blocks
  print("loop", i)
end
do ::l:: print("block with l") end
local function f(n)
  if n > 0 then goto positive end
  do return "non-positive" end
  ::positive::
  return "positive"
end
print(f(1), f(-1))
do
  local i = 0
  ::a:: i = i + 1
  if i < 3 then goto a end
  print("i", i)
end
do
  goto last
  print("never")
  ::last::
end
print("end")
