print("never printed")
local function f()
  break
end
