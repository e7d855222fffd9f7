-- long flat chains compile and run, with effects in Lua's order (built with
-- load, as a script generating code would)
local function run(src, ...) return assert(load(src))(...) end
print(run("local x = ... return " .. string.rep("x + ", 2999) .. "x", 1))
print(run("local x = ... local y = " .. string.rep("x - ", 999) .. "x return y", 2.5))
print(run("local x = ... return " .. string.rep("x and ", 2999) .. "x", 7))
print(run("local x = ... return " .. string.rep("x or ", 2999) .. "x", false))
print(run("local x = ... return " .. string.rep("x | ", 1999) .. "x", 5))
local self_index = setmetatable({}, {__index = function(t) return t end})
print(run("local t = ... return t" .. string.rep(".a", 3000) .. " == t", self_index))
print(run("local t = ... return t" .. string.rep("[1]", 2000) .. " == t", self_index))
local function f() return f end
print(run("local f = ... return f" .. string.rep("()", 3000) .. " == f", f))
local obj = {} function obj:m() return self end
print(run("local o = ... return o" .. string.rep(":m()", 2000) .. " == o", obj))
print(run("return " .. string.rep("- ", 150) .. "1"), run("return " .. string.rep("not ", 151) .. "nil"))
-- effects in order: every operand and every metamethod call is logged
local log = {}
local mt = {}
mt.__add = function(a, b) log[#log + 1] = "+" .. a.n .. "," .. b.n return setmetatable({n = a.n + b.n}, mt) end
local function v(n) log[#log + 1] = "v" .. n return setmetatable({n = n}, mt) end
local parts = {}
for i = 1, 120 do parts[i] = "v(" .. i .. ")" end
local r = run("local v = ... return " .. table.concat(parts, " + ") .. "", v)
print(r.n, #log, log[1], log[2], log[3], log[4], log[120], log[200], log[#log])
-- a call statement: the calls happen, in order
local calls = 0
local function g() calls = calls + 1 return g end
run("local g = ... g" .. string.rep("()", 500), g)
print(calls)
-- an error in the middle of a chain reports its line
print(pcall(run, "local x = ...\nreturn " .. string.rep("x + ", 100) .. "nil + " .. string.rep("x + ", 100) .. "x", 1))
