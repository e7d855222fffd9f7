-- Method calls are answered from a per-metatable cache; every change that
-- can alter what o:m() finds must be seen by the next call.
local function show(...) print(...) end

-- a class and a subclass, methods called before and after each change
local Base = {}
Base.__index = Base
function Base:name() return "base" end
function Base:who() return "Base.who" end

local Derived = setmetatable({}, { __index = Base })
Derived.__index = Derived

local o = setmetatable({}, Derived)
show(1, o:name(), o:who())

-- a method defined on the subclass after the base one was cached shadows it
function Derived:name() return "derived" end
show(2, o:name(), o:who())

-- redefined in the base class
function Base:who() return "Base.who v2" end
show(3, o:name(), o:who())

-- deleted from the subclass: the base one is found again
Derived.name = nil
show(4, o:name())

-- the instance's own field shadows the class
o.name = function() return "own" end
show(5, o:name())
o.name = nil
show(6, o:name())

-- rawset into the class
rawset(Base, "name", function() return "rawset" end)
show(7, o:name())

-- __index of the metatable replaced
local Other = { name = function() return "other" end, who = function() return "other.who" end }
Derived.__index = Other
show(8, o:name(), o:who())
Derived.__index = Derived
show(9, o:name(), o:who())

-- the subclass's own metatable replaced (its chain changes)
local Base2 = { who = function() return "Base2.who" end, name = function() return "Base2.name" end }
setmetatable(Derived, { __index = Base2 })
show(10, o:name(), o:who())

-- the instance's metatable replaced
setmetatable(o, Base)
show(11, o:name(), o:who())
setmetatable(o, nil)
show(12, pcall(function() return o:name() end))
setmetatable(o, Derived)
show(13, o:name())

-- two classes with the same method names: caches are per metatable
local A = {} A.__index = A
local B = {} B.__index = B
function A:f() return "A.f" end
function B:f() return "B.f" end
local xs = { setmetatable({}, A), setmetatable({}, B), setmetatable({}, A), setmetatable({}, B) }
for round = 1, 2 do
  local out = {}
  for i, x in ipairs(xs) do out[i] = x:f() end
  show(14, round, table.concat(out, " "))
  B.f = function() return "B.f v2" end
end

-- an __index function in the chain is asked every time
local calls = 0
local Dyn = setmetatable({}, { __index = function(t, k)
  calls = calls + 1
  return function() return "dyn " .. k .. " " .. calls end
end })
Dyn.__index = Dyn
local d = setmetatable({}, Dyn)
show(15, d:anything(), d:anything(), d:other(), calls)

-- a deep chain changed in the middle
local L1 = { m = function() return "L1" end }
local L2 = setmetatable({}, { __index = L1 })
local L3 = setmetatable({}, { __index = L2 })
local L4 = setmetatable({}, { __index = L3 })
local deep = setmetatable({}, { __index = L4 })
show(16, deep:m())
L2.m = function() return "L2" end
show(17, deep:m())
getmetatable(L3).__index = L1
show(18, deep:m())
L1.m = nil
show(19, pcall(function() return deep:m() end))

-- a callable table as a method, changed through its own metatable
local callable = setmetatable({}, { __call = function(self, obj) return "called" end })
local C = { go = callable }
C.__index = C
local c = setmetatable({}, C)
show(20, c:go())
getmetatable(callable).__call = function() return "called v2" end
show(21, c:go())
C.go = function() return "plain" end
show(22, c:go())

-- table library writes into a class table
local T = {} T.__index = T
T.n = function() return "n1" end
local t = setmetatable({}, T)
show(23, t:n())
table.insert(T, "x")          -- integer keys: T.n unaffected
show(24, t:n(), #T)
local F = { n = function() return "from F" end }
for k, v in pairs(F) do T[k] = v end
show(25, t:n())
