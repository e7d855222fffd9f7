-- %p of a string: equal (short) strings are one string in Lua (interned),
-- so they show the same address, however they were made; different
-- strings show different ones. Numbers, booleans and nil have none.
local function p(v) return string.format("%p", v) end
local a = "hello"
local b = "hel" .. "lo"
local c = ("HELLO"):lower()
print(p(a) == p(b), p(b) == p(c), p(a) == p("world"))
local long = string.rep("x", 30)
print(p(long) == p(long), p(long) == p(string.rep("x", 30)))
local t = {}
print(p(t) == p(t), p(t) == p({}), p(print) == p(print))
print(p(1), p(1.5), p(true), p(nil))
local L = string.rep("y", 100)
print(p(L) == p(L), p(L) == p(string.rep("y", 100)), p(L) == p(L .. ""))
