print("never printed")
local a <constant> = 1
