-- __len drives numeric loops that use '#'
local Range = {}
Range.__index = function(self, i) if type(i) == "number" and i >= 1 and i <= self.n then return i * self.step end end
Range.__len = function(self) return self.n end
local function range(n, step) return setmetatable({ n = n, step = step }, Range) end
local r = range(5, 3)
local out = {}
for i = 1, #r do out[#out + 1] = r[i] end
print(#r, table.concat(out, " "))
local ipairs_out = {}
for i, v in ipairs(r) do ipairs_out[#ipairs_out + 1] = i .. "=" .. v end
print(table.concat(ipairs_out, " "))
print(r[0], r[6], r.n)
-- __len result is not checked: it can be anything
local weird = setmetatable({}, { __len = function() return -1 end })
print(#weird)
for i = 1, #weird do print("never") end
