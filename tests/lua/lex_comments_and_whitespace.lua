-- unusual whitespace and layout
local	a	=	1	-- tabs
local b
=
2
print(a
,
b)
print(a+b,a-b,a*b)
local c = 1-- comment right after
print(c)
local s = "x"..--[[c]]"y"
print(s)
print(1--[[]]+--[[]]2)
local t = {1,2,3,}print(#t)
print(- -1, not not nil)
local f=function(...)return ...end print(f(1,2))
