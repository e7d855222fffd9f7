-- comments of all kinds
print(1) -- trailing line comment
--[[ a long
comment over lines
print("not printed")
]]
print(2)
--[==[ level 2 comment with ]] inside
print("not printed")
]==]
print(3)
--[ this is a line comment, not long
print(4)
--[=x not long either
print(5)
local x = 10 --[[ inline ]] + 5
print(x)
---[[ commented-out comment start
print(6)
--]]
print(--[[ in args ]] 7, 8 --[=[ more ]=])
--
print(9)
-- final comment without newline at end of file]]
