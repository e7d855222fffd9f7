-- classes and inheritance built from metatables
local Animal = {}
Animal.__index = Animal
function Animal.new(name, sound)
  local self = setmetatable({}, Animal)
  self.name, self.sound = name, sound
  return self
end
function Animal:speak() return self.name .. " says " .. self.sound end
function Animal:kind() return "animal" end
local Dog = setmetatable({}, { __index = Animal })
Dog.__index = Dog
function Dog.new(name)
  local self = Animal.new(name, "woof")
  return setmetatable(self, Dog)
end
function Dog:kind() return "dog" end
function Dog:fetch() return self.name .. " fetches" end
local a = Animal.new("cat", "meow")
local d = Dog.new("rex")
print(a:speak(), a:kind())
print(d:speak(), d:kind(), d:fetch())
print(getmetatable(d) == Dog, getmetatable(a) == Animal, d.fetch ~= nil, a.fetch)
-- super call
function Dog:speak() return Animal.speak(self) .. "!" end
print(d:speak())
-- class with __tostring, __eq and __lt shared through the class table
local Money = {}
Money.__index = Money
Money.__tostring = function(m) return m.amount .. " " .. m.cur end
Money.__eq = function(x, y) return x.amount == y.amount and x.cur == y.cur end
Money.__lt = function(x, y) return x.amount < y.amount end
Money.__le = function(x, y) return x.amount <= y.amount end
Money.__add = function(x, y) return Money.new(x.amount + y.amount, x.cur) end
function Money.new(a, c) return setmetatable({ amount = a, cur = c }, Money) end
local m1, m2 = Money.new(5, "EUR"), Money.new(7, "EUR")
print(m1 + m2, m1 == Money.new(5, "EUR"), m1 < m2, m2 <= m1, tostring(m1 + m1 + m1))
local list = { Money.new(3, "X"), Money.new(1, "X"), Money.new(2, "X") }
table.sort(list, function(p, q) return p < q end)
print(list[1], list[2], list[3])
