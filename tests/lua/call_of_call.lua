-- f(g(x)): every result of the inner call is passed on; the callee is read
-- before the inner call runs.
local function id(...) return ... end
local function count(...) return select("#", ...) end
local function none() end
local function two() return 1, 2 end
print(count(none()), count(two()), count(id(nil)), count(id(nil, nil)))
print(id(two()))
print(tostring(id(12)), tostring(two()))

-- a global callee reassigned by the inner call: the old one is called
function target(x) return "old " .. tostring(x) end
local function swap() target = function(x) return "new " .. tostring(x) end return 5 end
print(target(swap()))
print(target(1))

-- a field callee replaced by the inner call
local obj = { f = function(x) return "first " .. x end }
local function replace() obj.f = function(x) return "second " .. x end return "v" end
print(obj.f(replace()))
print(obj.f("w"))

-- a local callee reassigned by the inner call
local g = function(x) return "g1 " .. x end
local function reg() g = function(x) return "g2 " .. x end return "y" end
print(g(reg()))

-- errors name the callee
print(pcall(function() local nothing return nothing(two()) end))
print(pcall(function() return undefined_global(two()) end))
print(pcall(function() return obj.missing(id(1)) end))
print(pcall(function() return math.floor(none()) end))

-- method calls as the inner call, tail calls
local o = { v = 3 }
function o:get() return self.v, "extra" end
print(count(o:get()))
local function tail(x) return id(o:get()) end
print(tail())

-- fixed arguments before the spread call
local k = "k"
print(id(1, k, two()))
print(count(nil, none()), count(nil, nil, two()))
print(select(2, two()))
print(string.format("%s-%s", two()))
local t = {}
table.insert(t, two())
print(#t, t[1])

-- a fixed argument changed by the inner call is read before it
local a = "before"
local function change() a = "after" return "x" end
print(id(a, change()))

-- method calls: the object and the method are taken before the arguments
local objm = { tag = "A" }
function objm:show(...) return self.tag, ... end
local other = { tag = "B", show = function(self, ...) return "other " .. self.tag, ... end }
local holder = objm
local function repoint() holder = other return "arg" end
print(holder:show(repoint()))
print(holder:show(two()))
local function rewrite() objm.show = function() return "rewritten" end return "z" end
local same = objm
print(same:show(rewrite()))
print(same:show(two()))
print(pcall(function() return same:nomethod(two()) end))
local function getobj() return other end
print(getobj():show(1, two()))

-- many arguments: the general path
print(id(1, 2, 3, 4, 5, two()))
print(count(1, 2, 3, 4, two()))
