-- errors raised inside metamethods propagate with their own positions
local mt = {
  __add = function(a, b) error("add failed") end,
  __index = function(t, k) error("no key " .. tostring(k), 2) end,
  __newindex = function(t, k, v) local x = nil; return x.field end,
  __call = function(self, arg) error({ code = arg }) end,
  __eq = function() error("eq failed", 0) end,
  __lt = function() error("lt failed", 0) end,
  __len = function() error("len failed", 0) end,
  __concat = function() error("concat failed", 0) end,
  __unm = function() error("unm failed", 0) end,
  __tostring = function() error("tostring failed", 0) end,
}
local t = setmetatable({}, mt)
local u = setmetatable({}, mt)
print(pcall(function() return t + 1 end))
print(pcall(function() return t.missing end))
print(pcall(function() t.newkey = 1 end))
local ok, e = pcall(t, 99)
print(ok, type(e), e.code)
print(pcall(function() return t == u end))
print(pcall(function() return t < u end))
print(pcall(function() return #t end))
print(pcall(function() return t .. "x" end))
print(pcall(function() return -t end))
print(pcall(print, t))
print(pcall(tostring, t))
