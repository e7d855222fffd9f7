-- __pairs customizes pairs()
local proxy = setmetatable({}, {
  __pairs = function(self)
    local i = 0
    return function(_, k)
      i = i + 1
      if i <= 3 then return i, "item" .. i end
    end, self, nil
  end,
})
for k, v in pairs(proxy) do print(k, v) end
local backing = { a = 1, b = 2 }
local view = setmetatable({}, { __pairs = function() return next, backing, nil end })
local keys = {}
for k, v in pairs(view) do keys[#keys + 1] = k .. v end
table.sort(keys)
print(table.concat(keys, ","))
-- next ignores __pairs
print(next(view))
-- __pairs return values are truncated to three
local extra = setmetatable({}, { __pairs = function(t) return function(s, c) if not c then return 1, s, "third" end end, "state", nil, "ignored" end })
for a, b, c in pairs(extra) do print(a, b, c) end
-- __pairs can return a value that has __call
local callable = setmetatable({}, { __call = function(self, s, c) if c == nil then return "k", "v" end end })
for k, v in pairs(setmetatable({}, { __pairs = function() return callable, nil, nil end })) do print(k, v) end
