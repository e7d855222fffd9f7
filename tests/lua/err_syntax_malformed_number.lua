print("never printed")
local x = 3..2
