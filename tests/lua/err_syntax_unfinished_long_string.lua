print("never printed")
local s = [==[ this long string
is never closed ]=]
