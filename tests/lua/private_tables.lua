-- Tables held by a local that is only ever indexed are stored without the
-- metatable check; everything else about their stores must still hold.
local function stores()
  local t = {}
  t[1] = "a"
  t[2.0] = "b"          -- float key normalised to 2
  t["k"] = true
  t[3] = false
  t[1] = nil            -- deletion
  local k2 = 2^53
  t[k2] = "big"
  print(t[1], t[2], t.k, t[3], t[2^53], #t)
  print(pcall(function() t[nil] = 1 end))
  print(pcall(function() t[0/0] = 1 end))
  local n = 0
  for i = 1, 10 do t[i] = i * i; n = n + 1 end
  print(#t, t[10], n)
  for i = 10, 1, -1 do t[i] = nil end
  print(#t, t.k)
end
stores()

-- look-alikes that escape: each must keep honouring metatables
local log = {}
local function newindex(tab, k, v) log[#log + 1] = tostring(k); rawset(tab, k, v) end

local a = {}
local alias = a
setmetatable(alias, { __newindex = newindex })
a.x = 1

local b = {}
local function give() return b end
setmetatable(give(), { __newindex = newindex })
b.y = 2

local c = {}
local holder = { [c] = true }
for key in pairs(holder) do setmetatable(key, { __newindex = newindex }) end
c.z = 3

local d = {}
function d.mark(self) setmetatable(self, { __newindex = newindex }) end
print(pcall(function() d:mark() end))
d.w = 4

local e = {}
local function each(f) f(e) end
each(function(x) setmetatable(x, { __newindex = newindex }) end)
e.v = 5
print(table.concat(log, ","), #log)

-- a reassigned local is never private
local f = {}
f = setmetatable({}, { __newindex = newindex })
f.q = 6
print(table.concat(log, ","))

-- closures that only index it keep it private, and see every store
local g = {}
local function put(k, v) g[k] = v end
local function get(k) return g[k] end
for i = 1, 5 do put(i, i * 10) end
put(3, nil)
print(get(1), get(3), get(5), #g == 5 or #g == 2)

-- a private table captured by a closure inside a loop (a boxed local): `#`
-- must read the box before measuring
for i = 1, 2 do
  local acc = {}
  acc[1] = i
  acc[2] = i * 2
  local f = function() return acc[1] end
  print(#acc, f())
end
