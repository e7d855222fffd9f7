-- _G is the global table
print(_G._G == _G, _G["_G"] == _G, type(_G))
print(_G.print == print, _G.pairs == pairs)
x = 1
print(_G.x, rawget(_G, "x"))
_G.y = 2
print(y)
_G["z"] = 3
print(z, x + y + z)
local name = "dynamic_" .. "name"
_G[name] = "made dynamically"
print(dynamic_name)
print(_VERSION)
print(_ENV == _G)
local count = 0
for k, v in pairs(_G) do if k == "x" or k == "y" or k == "z" then count = count + v end end
print(count)
x, y, z = nil, nil, nil
print(rawget(_G, "x"), _G.y, z)
-- globals can be protected with a metatable on _G
setmetatable(_G, { __index = function(_, k) return "default for " .. k end })
print(some_unknown_global)
setmetatable(_G, { __newindex = function(t, k, v) rawset(t, k, "wrapped " .. tostring(v)) end })
newglobal = 10
print(newglobal)
setmetatable(_G, nil)
print(another_unknown)
