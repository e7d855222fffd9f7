-- concatenation chains are evaluated right to left when metamethods are involved
local log = {}
local function obj(name)
  return setmetatable({ name = name }, { __concat = function(a, b)
    local an = type(a) == "table" and a.name or tostring(a)
    local bn = type(b) == "table" and b.name or tostring(b)
    log[#log + 1] = an .. "+" .. bn
    return an .. bn
  end })
end
local r = "a" .. obj("B") .. "c" .. obj("D") .. "e"
print(r)
print(table.concat(log, " | "))
log = {}
local r2 = obj("X") .. 1 .. 2
print(r2, table.concat(log, " | "))
log = {}
local r3 = 1 .. 2 .. obj("Y")
print(r3, table.concat(log, " | "))
