-- a local _ENV changes how free names are resolved
local print, tostring = print, tostring
local saved = _ENV
do
  local _ENV = { value = "from custom env" }
  print(value)
  newvar = "stored in custom env"
  print(newvar)
  local inner = _ENV
  print(inner.newvar)
end
print(newvar, saved.newvar)
local function with_env()
  local _ENV = setmetatable({}, { __index = saved })
  shadowed = "in proxy env"
  return shadowed, saved.shadowed, type(print)
end
print(with_env())
local function sandbox(code_env)
  local _ENV = code_env
  return x + y
end
print(sandbox({ x = 1, y = 2 }))
do
  local _ENV = { print = print }
  print(type)     -- not visible in this environment
end
local _ENV = { print = print, tostring = tostring }
print(_G)
print(tostring(10))
