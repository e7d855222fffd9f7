print("never printed")
local s = "bad \q escape"
