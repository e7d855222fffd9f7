-- Unary metamethods (__len, __unm, __bnot) receive the operand twice, as
-- in reference Lua (which calls them like binary ones).
local seen = {}
local mt = {}
for _, ev in ipairs({"__len", "__unm", "__bnot"}) do
  mt[ev] = function(...)
    local a, b = ...
    seen[#seen + 1] = ev .. " " .. select("#", ...) .. " " .. tostring(rawequal(a, b))
    return 3
  end
end
local t = setmetatable({}, mt)
print(#t, -t, ~t)
-- library functions that take a length through __len
table.insert(t, "x")
print(rawget(t, 4), #seen)
print(table.concat(seen, "\n"))
