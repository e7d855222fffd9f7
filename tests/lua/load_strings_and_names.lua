-- load of a string: a first line starting with '#' is not skipped (only
-- files skip it), and a chunk name ends at a NUL byte (a C string in Lua).
print(load("#=1"))
print(load("#!shebang\nreturn 1"))
print(pcall(load("\xef\xbb\xbfreturn 1")))
print(type(load("return 1", "a\0b")))
print(pcall(load("error('x')", "=a\0b")))
print(pcall(load("error('x')", "a\0b")))
print(pcall(load("error('x')", "@file\0.lua")))
print(pcall(load("error('y') -- \0 tail")))
print(type(load(function() return nil end, "=r\0x")))
print(load("x = ", "=name\0hidden"))
