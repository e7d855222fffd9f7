print("never printed")
do
  ::dup::
  local a = 1
  ::dup::
end
