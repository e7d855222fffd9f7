-- stacks, queues, linked lists, sets
local Stack = {}
Stack.__index = Stack
function Stack.new() return setmetatable({ n = 0 }, Stack) end
function Stack:push(v) self.n = self.n + 1; self[self.n] = v end
function Stack:pop() local v = self[self.n]; self[self.n] = nil; self.n = self.n - 1; return v end
local s = Stack.new()
for i = 1, 5 do s:push(i * i) end
print(s:pop(), s:pop(), s.n)
local Queue = {}
Queue.__index = Queue
function Queue.new() return setmetatable({ first = 1, last = 0 }, Queue) end
function Queue:push(v) self.last = self.last + 1; self[self.last] = v end
function Queue:pop()
  if self.first > self.last then return nil end
  local v = self[self.first]; self[self.first] = nil; self.first = self.first + 1
  return v
end
local q = Queue.new()
q:push("a"); q:push("b"); q:push("c")
print(q:pop(), q:pop(), q:pop(), q:pop())
local list = nil
for i = 1, 5 do list = { value = i, next = list } end
local vals = {}
local node = list
while node do vals[#vals + 1] = node.value; node = node.next end
print(table.concat(vals, "->"))
local function reverse(l)
  local prev = nil
  while l do l.next, prev, l = prev, l, l.next end
  return prev
end
list = reverse(list)
vals = {}
node = list
while node do vals[#vals + 1] = node.value; node = node.next end
print(table.concat(vals, "->"))
local function set(...) local r = {} for _, v in ipairs({ ... }) do r[v] = true end return r end
local function union(a, b) local r = {} for k in pairs(a) do r[k] = true end for k in pairs(b) do r[k] = true end return r end
local function keys(t) local r = {} for k in pairs(t) do r[#r + 1] = k end table.sort(r) return table.concat(r, ",") end
print(keys(union(set(1, 3, 5), set(2, 3, 4))))
local counts = {}
for _, w in ipairs({ "a", "b", "a", "c", "b", "a" }) do counts[w] = (counts[w] or 0) + 1 end
print(counts.a, counts.b, counts.c, counts.d)
