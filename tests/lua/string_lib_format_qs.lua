-- string.format: %q, %s, %c, %p and %%
for _, v in ipairs({"", "a", "hello", "\0", "a\0b", "\r\n\t\"\\", "\0011", "\1272", "\200\255", "x\0001", 1, 2.5, -0.0, math.mininteger, math.maxinteger, 1/0, -1/0, 0/0, 0.1, 1e100, 2^63, -2^63, 5e-324, true, false, nil}) do
  print(string.format("%q", v))
end
print(pcall(string.format, "%q", {}))
print(pcall(string.format, "%q", print))
print(string.format("%s|%10s|%-10s|%.2s|%5.1s|", "abc", "abc", "abc", "abc", "abc"))
print(string.format("%s %s %s %s", nil, true, 12, 1.5))
print(string.format("%s", setmetatable({}, {__tostring = function() return "OBJ" end})))
print(pcall(string.format, "%s", setmetatable({}, {__tostring = function() return 1 end})))
print(pcall(string.format, "%s", setmetatable({}, {__tostring = function() return {} end})))
print(pcall(string.format, "%10s", "a\0b"))
print(string.format("%s", "a\0b") == "a\0b")
print(string.format("%.3s", string.rep("x", 200)):len(), string.format("%5s", string.rep("x", 200)):len())
print(string.format("%5c|%-3c|%c", 65, 66, 67))
print(string.format("%%d %d %%", 5))
-- %q output loads back to the same value
for _, v in ipairs({"a\nb\r\0c\"\\", "\1\0012\127\128\255", 0.1, -2.5e-300, 1e300, 2^63, math.mininteger, math.maxinteger, 42, -0.0, 1/0, -1/0}) do
  local s = string.format("%q", v)
  local back = load("return " .. s)()
  print(s, back == v, math.type(back) == math.type(v))
end
print(load("return " .. string.format("%q", 0/0))() ~= load("return " .. string.format("%q", 0/0))())
local t = setmetatable({}, {__tostring = function() return "custom" end, __name = "My"})
print(string.format("[%s] [%10s] [%-8s] [%.3s]", t, t, t, t))
print(string.format("%s", string.rep("ab", 60)) == string.rep("ab", 60), #string.format("%-5s", string.rep("x", 120)))
print(string.format("%c%c%c%c", 0x4c, 0x75, 0x61, 0))
print(string.format("%s|%d|%g|%q", "x", 1, 1.0, "y"))
print(("%5.1f"):format(3.14159), ("%x"):format(255))
