-- numerals longer than Python's int() accepts (4300 digits) are still Lua
-- numerals: decimal integers that overflow become floats, hex ones wrap
local digits = string.rep("7", 5000)
print(load("return " .. digits)(), math.type(load("return " .. digits)()))
print(load("return 0x" .. string.rep("f", 500))(), load("return 1" .. string.rep("0", 400) .. ".5")())
print(tonumber(digits), tonumber("-" .. digits), tonumber("0x" .. string.rep("1", 300)))
print(tonumber(string.rep("9", 19)), tonumber(string.rep("9", 18)), math.type(tonumber(string.rep("9", 18))))
print(digits + 0 == tonumber(digits), #tostring(tonumber(digits)))
