print("never printed")
local x = 1
x = = 2
