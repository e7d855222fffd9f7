-- __newindex as a function and as a table
local log = {}
local t = setmetatable({ existing = 1 }, {
  __newindex = function(self, k, v)
    log[#log + 1] = tostring(k) .. "=" .. tostring(v)
    rawset(self, k, v)
  end,
})
t.a = 1
t.existing = 2       -- present key: __newindex not called
t.a = 3              -- now present
t[10] = "ten"
print(table.concat(log, " "), t.a, t.existing, t[10])
local store = {}
local proxy = setmetatable({}, { __newindex = store })
proxy.x = "to store"
print(rawget(proxy, "x"), store.x)
-- chain: __newindex table that itself has __newindex
local final = {}
local middle = setmetatable({}, { __newindex = final })
local front = setmetatable({}, { __newindex = middle })
front.deep = "landed"
print(rawget(front, "deep"), rawget(middle, "deep"), final.deep)
-- read-only table
local ro = setmetatable({}, { __index = { k = "v" }, __newindex = function(_, k) error("read-only: " .. k, 2) end })
print(ro.k, pcall(function() ro.k = 1 end))
-- assigning nil to an absent key still triggers __newindex
local nils = {}
local tn = setmetatable({}, { __newindex = function(_, k, v) nils[#nils + 1] = k .. ":" .. tostring(v) end })
tn.gone = nil
print(table.concat(nils))
-- rawset bypasses
rawset(tn, "direct", 1)
print(tn.direct, #nils)
