print("never printed")
local s = "abc
print(s)
