-- _VERSION and predefined globals
print(_VERSION, type(_VERSION))
print(_VERSION == "Lua 5.4")
local names = { "assert", "error", "getmetatable", "ipairs", "next", "pairs", "pcall", "print",
  "rawequal", "rawget", "rawlen", "rawset", "select", "setmetatable", "tonumber", "tostring",
  "type", "xpcall" }
for _, n in ipairs(names) do
  if type(_G[n]) ~= "function" then print("missing", n) end
end
print("base functions present:", #names)
print(type(_G.string), type(_G.table), type(_G.math))
print(undefined_name == nil, _G.undefined_name)
