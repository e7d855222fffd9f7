-- \z skips following whitespace including newlines; backslash-newline is a newline
local s = "abc\z
           def\z   ghi"
print(s, #s)
local t = "line one\
line two"
print(t)
print(#t, string.byte(t, 9))
local u = "x\z

      y"
print(u)
local v = 'a\
b\
c'
print(v, #v)
print("no\zspace", "tab\z	x")
