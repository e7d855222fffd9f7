-- assignments to fields and indexes, with calls on both sides
local t = {}
t.a, t.b, t.c = 1, 2
print(t.a, t.b, t.c)
local function two() return "x", "y" end
t[1], t[2], t[3] = two()
print(t[1], t[2], t[3])
t[1], t[2], t[3] = two(), "z"
print(t[1], t[2], t[3])
local calls = {}
local function key(k) calls[#calls + 1] = k; return k end
local u = {}
u[key("k1")] = key("v1")
print(u.k1)
local nested = { inner = {} }
nested.inner.deep, nested.other = "deep value", "other value"
print(nested.inner.deep, nested.other)
local idx = 1
local arr = { 10, 20, 30 }
arr[idx], idx = arr[idx] + 1, idx + 1
print(arr[1], arr[2], idx)
local obj = { count = 0 }
function obj:inc() self.count = self.count + 1; return self end
obj:inc():inc():inc()
print(obj.count)
local a, b, c = (function() return 1, 2, 3 end)()
print(a + b + c)
