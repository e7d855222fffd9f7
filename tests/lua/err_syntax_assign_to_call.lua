print("never printed")
local function f() end
f() = 1
