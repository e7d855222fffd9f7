-- method definitions and calls
local obj = { n = 10 }
function obj:add(k) self.n = self.n + k; return self end
function obj.get(self) return self.n end
print(obj:add(5):add(1):get())
print(obj.get(obj), obj:get())
local ns = { inner = { deep = { v = 3 } } }
function ns.inner.deep:twice() return self.v * 2 end
function ns.inner.f(x) return x + 1 end
print(ns.inner.deep:twice(), ns.inner.f(1))
local s = "hello"
print(s:upper(), ("abc"):len(), #s:sub(2))
local mt = { __index = {} }
function mt.__index:greet(who) return "hi " .. who .. " from " .. self.name end
local p = setmetatable({ name = "p" }, mt)
print(p:greet("q"))
print(p:greet "r", p:greet [[s]])
local calls = 0
local function make() calls = calls + 1; return obj end
make():add(100)
print(calls, obj.n)
local t = { f = function(...) return select("#", ...) end }
print(t:f(), t.f(), t:f(nil, nil))
