-- globals and locals
x = 10
print(x, _G.x, _G["x"])
local x = 20
print(x, _G.x)
_G.y = "via _G"
print(y)
y = nil
print(y, _G.y)
undefined_global_read = undefined_global_read
print(undefined_global_read, type(never_defined))
a, b, c = 1, 2
print(a, b, c)
local function setg() z = "set in function" end
setg()
print(z)
do
  local z = "local z"
  z = "still local"
  print(z, _G.z)
end
_G["with space"] = 5
print(_G["with space"])
function gfun() return "gfun" end
print(gfun(), _G.gfun == gfun)
local t = { f = 1 }
function t.method() return "t.method" end
print(t.method())
