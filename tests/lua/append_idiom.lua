-- t[#t + 1] = v, the append idiom, on every kind of `t`.
local t = {}
for i = 1, 5 do t[#t + 1] = i * 10 end
print(#t, t[1], t[5])

-- a nil value appends nothing
local none
t[#t + 1] = none
print(#t)

-- a value that is the table itself, strings, booleans, floats
t[#t + 1] = t
t[#t + 1] = "s"
t[#t + 1] = false
t[#t + 1] = 2.5
print(#t, t[6] == t, t[7], t[8], t[9])

-- holes: the border is not at the dict's size
local h = { 1, 2, 3 }
h[10] = 10
h[#h + 1] = "x"
print(h[4], h[11])
local g = {}
g[2] = 2
g[#g + 1] = "first"
print(g[1], g[2], g[3])

-- non-sequence keys count in the dict's size but not in the border
local m = { a = 1, b = 2 }
m[#m + 1] = "one"
m[#m + 1] = "two"
print(m[1], m[2], m.a)

-- __newindex and __len are honoured
local log = {}
local p = setmetatable({}, { __newindex = function(tt, k, v) log[#log + 1] = k .. "=" .. tostring(v) rawset(tt, k, v) end })
p[#p + 1] = "a"
p[#p + 1] = "b"
print(table.concat(log, ","), p[1], p[2])
local q = setmetatable({}, { __len = function() return 41 end })
q[#q + 1] = "x"
print(q[42], rawlen(q))
local r = setmetatable({}, { __len = function() return 1.5 end })
r[#r + 1] = "y"
print(r[2.5])
local s = setmetatable({}, { __len = function() return 2.0 end })
s[#s + 1] = "z"
print(s[3], math.type(next(s)))

-- a metatable set after some appends
local late = {}
late[#late + 1] = 1
setmetatable(late, { __newindex = function(tt, k, v) rawset(tt, k, v * 100) end })
late[#late + 1] = 2
print(late[1], late[2])

-- upvalues and boxed locals
local up = {}
local function push(v) up[#up + 1] = v end
push(1) push(2) push(nil) push(3)
print(#up, up[3])
local fns = {}
for i = 1, 3 do
  local acc = {}
  acc[#acc + 1] = i
  fns[#fns + 1] = function() acc[#acc + 1] = i * 2 return #acc end
end
print(fns[1](), fns[2](), fns[3](), fns[1]())

-- not a table: the error names the local
local str = "abc"
print(pcall(function() str[#str + 1] = 1 end))
local num = 5
print(pcall(function() num[#num + 1] = 1 end))
local nothing
print(pcall(function() nothing[#nothing + 1] = 1 end))

-- values that run code: the index is taken before the value is computed
local w = {}
local function grow() w[#w + 1] = "inner" return "outer" end
w[#w + 1] = grow()
print(#w, w[1], w[2])
local function arm()
  setmetatable(w, { __newindex = function(tt, k, v) rawset(tt, k, "via " .. v) end })
  return "armed"
end
w[#w + 1] = arm()
print(w[2], w[3])
local cat = setmetatable({}, { __concat = function(a, b) setmetatable(w, nil) return "cat" end })
w[#w + 1] = "x" .. cat
print(w[3], w[4], getmetatable(w))
local function nothing_at_all() end
w[#w + 1] = nothing_at_all()
print(#w)
local z = {}
for i = 1, 5 do z[#z + 1] = "v" .. i * 2 end
for i = 1, 3 do z[#z + 1] = i % 2 == 0 and "even" or nil end
print(#z, table.concat(z, ","))
