-- __close runs in reverse declaration order when a block ends normally
local function closer(name)
  return setmetatable({}, { __close = function(self, err)
    print("close", name, err)
  end })
end
do
  local a <close> = closer("a")
  local b <close> = closer("b")
  local c <close> = closer("c")
  print("body")
end
print("after block")
local function f()
  local x <close> = closer("x")
  do
    local y <close> = closer("y")
  end
  print("in f")
end
f()
print("after f")
do
  local n <close> = nil      -- nil and false are allowed and ignored
  local m <close> = false
  local z <close> = closer("z")
  print("nil/false ok")
end
local v <const> = 5
print(v)
