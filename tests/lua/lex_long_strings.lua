-- long brackets with levels
local a = [[simple]]
print(a)
local b = [==[contains ]] and ]=] inside]==]
print(b)
local c = [[
first newline is skipped]]
print(c)
local d = [[

one newline kept]]
print(#d, d)
local e = [=[
multi
line
text]=]
print(e)
print(#[[]], #[==[]==], [[no \n escapes \t here]])
print([[a]] .. [=[b]=] .. [==[c]==])
local f = [[nested [[ is fine here]]
print(f)
local g = [===[
]===]
print(#g)
print([[quotes " and ' inside]])
