-- basic string values and the few library calls this corpus relies on
local s = "Hello, Lua"
print(#s, s:sub(1, 5), s:sub(-3), s:sub(8, 100), s:sub(0))
print(string.byte("A"), string.char(72, 105), string.rep("ab", 3, ","))
print(string.format("%d %s %5.2f", 42, "str", 3.14159))
print(string.format("%g %g %g", 1e20, 0.1, 100))
print(("abc"):byte(1, -1))
print(s == "Hello, Lua", s ~= "hello, lua", s < "Hello, World")
local parts = {}
for i = 1, #s do parts[#parts + 1] = s:sub(i, i) end
print(table.concat(parts, "|"))
local built = ""
for i = 1, 10 do built = built .. i end
print(built, #built)
print("multi" .. "ple" .. " " .. "concat" .. 1 .. 2.0)
local long = string.rep("x", 1000)
print(#long, long:sub(999) == "xx")
print(("%s=%s"):format("k", "v"), tostring(12):rep(2))
print(string.format("%5s|%-5s|", "ab", "cd"))
print(#"\u{1F600}", "caf\u{E9}")
