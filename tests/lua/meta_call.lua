-- __call with extra arguments, nesting and in various positions
local callable = setmetatable({ name = "obj" }, {
  __call = function(self, a, b, ...)
    return self.name, a, b, select("#", ...)
  end,
})
print(callable(1, 2, 3, 4))
print(callable())
print(pcall(callable, "p"))
-- a __call that is itself a callable table (nested)
local inner = setmetatable({}, { __call = function(self, outer, x) return "inner got", type(outer), x end })
local outer = setmetatable({}, { __call = inner })
print(outer("arg"))
-- callable as a method
local obj = { f = callable }
local n1, self_arg, m1 = obj:f("m")
print(n1, self_arg == obj, m1)
-- callables work in generic for, table.sort comparators and as __index
local counter = setmetatable({ n = 0 }, { __call = function(self)
  self.n = self.n + 1
  if self.n <= 3 then return self.n end
end })
for v in counter do print("iter", v) end
local apply = function(f, ...) return f(...) end
print(apply(setmetatable({}, { __call = function(_, a, b) return a > b end }), 3, 1))
local lazy = setmetatable({}, { __index = setmetatable({}, { __call = function() return "not used" end }) })
print(lazy.x)
-- call results are adjusted like normal functions
print((callable(1, 2)))
local r = { callable("a", "b") }
print(#r)
-- calling a table without __call errors
print(pcall(function() local plain = {}; plain() end))
