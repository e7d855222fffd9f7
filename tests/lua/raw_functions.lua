-- rawget, rawset, rawequal, rawlen bypass metamethods
local log = {}
local mt = {
  __index = function(t, k) log[#log + 1] = "index " .. tostring(k); return "meta" end,
  __newindex = function(t, k, v) log[#log + 1] = "newindex " .. tostring(k) end,
  __len = function() return 99 end,
  __eq = function() return true end,
}
local t = setmetatable({ present = "here" }, mt)
print(t.missing, rawget(t, "missing"), t.present, rawget(t, "present"))
t.newkey = 1
print(rawget(t, "newkey"))
print(rawset(t, "newkey", 2) == t, rawget(t, "newkey"), t.newkey)
print(#t, rawlen(t), rawlen({ 1, 2 }), rawlen("abcd"))
local u = setmetatable({}, mt)
print(t == u, rawequal(t, u), rawequal(t, t), rawequal(1, 1.0), rawequal("a", "a"))
print(rawequal(nil, nil), rawequal(1, "1"), rawequal({}, {}))
print(table.concat(log, "; "))
print(pcall(rawget, "str", 1))
print(pcall(rawset, 1, 1, 1))
print(pcall(rawlen, 5))
print(pcall(rawequal, 1))
print(pcall(rawget, {}))
print(rawget({ 10, 20 }, 2), rawget({ [1.0] = "f" }, 1))
