-- ipairs stops at the first nil and honours __index
local t = { 1, 2, nil, 4 }
for i, v in ipairs(t) do print("t", i, v) end
for i, v in ipairs({}) do print("never") end
local proxy = setmetatable({}, { __index = function(_, i) if i <= 3 then return i * 100 end end })
for i, v in ipairs(proxy) do print("proxy", i, v) end
local base = { "a", "b", "c" }
local derived = setmetatable({ [1] = "override" }, { __index = base })
for i, v in ipairs(derived) do print("derived", i, v) end
local f, s, c = ipairs(base)
print(type(f), s == base, c)
print(f(base, 0))
print(f(base, 2))
print(f(base, 3))
print(pcall(ipairs))
print(select("#", ipairs(nil)))
print(pcall(function() for i in ipairs(nil) do end end))
print(pcall(function() local t; for i in ipairs(t) do end end))
local falsy = { true, false, nil, true }
local n = 0
for _, v in ipairs(falsy) do n = n + 1 end
print("stops at nil, not at false:", n)
for i, v in ipairs("abc") do print("string", i, v) end
