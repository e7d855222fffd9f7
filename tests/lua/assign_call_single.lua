-- One target assigned from one call or vararg: the call's first value, nil
-- when it returns nothing, and never a tuple of values.
local function none() end
local function one() return 1 end
local function three() return 1, 2, 3 end
local function nils() return nil, 2 end
local obj = { m = function(self) return self.tag, "extra" end, tag = "T" }

local x
x = none() print(x)
x = one() print(x)
x = three() print(x)
x = nils() print(x)
x = obj:m() print(x)

local t = {}
t.a = three() t[1] = nils() t.b = none() t[2] = obj:m()
print(t.a, t[1], t.b, t[2])

g = three() print(g)
g = none() print(g)

local up
local function set() up = three() end
set() print(up)

local function va(...)
  local v
  v = ...
  local w = {}
  w.k = ...
  return v, w.k
end
print(va()) print(va(7, 8, 9))

-- a field store of a nil result deletes the field
local u = { k = 1 }
u.k = none()
print(u.k, next(u))
