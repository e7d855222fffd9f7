-- Field stores take a raw path when __newindex cannot apply: the key is
-- present, or the metatable has no __newindex. Assigning nil deletes.
local log = {}
local function hook(t, k, v) log[#log + 1] = tostring(k) .. "=" .. tostring(v) end

local Class = {}
Class.__index = Class
local o = setmetatable({ a = 1 }, Class)

-- no __newindex: new keys and nils are raw
o.b = 2
o.a = nil
o.c = nil
print(rawget(o, "a"), rawget(o, "b"), rawget(o, "c"), o.a)

-- __newindex appears in the metatable mid-way
Class.__newindex = hook
o.d = 4          -- absent: the hook
o.b = 20         -- present: raw
o.b = nil        -- present: deleted raw, no hook
o.b = nil        -- now absent: the hook sees nil
o.e = nil        -- absent: the hook
print(rawget(o, "d"), rawget(o, "b"), table.concat(log, " "))

-- __newindex removed again
Class.__newindex = nil
o.d = 5
print(rawget(o, "d"), #log)

-- a __newindex table receives the store
local sink = {}
Class.__newindex = sink
o.f = 6
o.f = nil
print(rawget(o, "f"), sink.f)

-- in a loop, the hook installed on the third iteration
local Counter = {}
local cnt = setmetatable({}, Counter)
local hits = 0
for i = 1, 6 do
  if i == 3 then Counter.__newindex = function(t, k, v) hits = hits + 1; rawset(t, k, v) end end
  cnt["k" .. (i % 2)] = nil   -- deleting: absent keys reach the hook once it exists
  cnt.x = i                   -- present after the first store
  cnt.x = nil
end
print(hits, rawget(cnt, "x"))

-- self stores in methods
local Acc = {}
Acc.__index = Acc
function Acc:set(v) self.v = v end
local acc = setmetatable({}, Acc)
acc:set(1); acc:set(nil); acc:set(2)
print(rawget(acc, "v"))
Acc.__newindex = function(t, k, v) rawset(t, k, v and v * 100) end
acc:set(nil); acc:set(3)
print(rawget(acc, "v"))
