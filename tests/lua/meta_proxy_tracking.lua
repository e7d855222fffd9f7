-- a proxy table that logs every access and forwards to a hidden table
local function track(target)
  local log = {}
  local proxy = setmetatable({}, {
    __index = function(_, k) log[#log + 1] = "get " .. tostring(k); return target[k] end,
    __newindex = function(_, k, v) log[#log + 1] = "set " .. tostring(k); target[k] = v end,
    __len = function() return #target end,
    __pairs = function() return next, target, nil end,
  })
  return proxy, log
end
local p, log = track({ 1, 2, 3, name = "t" })
print(p[1], p.name, #p)
p[4] = 4
p.name = "renamed"
print(#p, p.name)
local keys = {}
for k, v in pairs(p) do keys[#keys + 1] = tostring(k) .. ":" .. tostring(v) end
table.sort(keys)
print(table.concat(keys, " "))
print(table.concat(log, ", "))
print(rawlen(p), next(p))
for i, v in ipairs(p) do keys[i] = v end
print(#log)
