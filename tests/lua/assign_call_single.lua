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

-- several targets from one call: exactly as many values, padded with nil
local function n0() end
local function n2() return "a", "b" end
local function n4() return 1, 2, 3, 4 end
local p, q = n0() print(p, q)
p, q = one() print(p, q)
p, q = n2() print(p, q)
p, q = n4() print(p, q)
local r1, r2, r3 = n2() print(r1, r2, r3)
local s1, s2 = string.find("hello", "l+") print(s1, s2)
s1, s2 = string.find("hello", "z") print(s1, s2)
