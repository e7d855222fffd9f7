-- "strict" globals: reading or writing undeclared globals raises errors
local declared = {}
setmetatable(_G, {
  __newindex = function(t, k, v)
    if not declared[k] then error("assignment to undeclared global '" .. tostring(k) .. "'", 2) end
    rawset(t, k, v)
  end,
  __index = function(_, k)
    error("undeclared global '" .. tostring(k) .. "'", 2)
  end,
})
local function declare(name, value) declared[name] = true; rawset(_G, name, value) end
declare("allowed", 1)
allowed = 2
print(allowed)
print(pcall(function() return missing_one end))
print(pcall(function() not_declared = 5 end))
declared.later = true
later = "ok now"
print(later)
print(rawget(_G, "missing_one"))
setmetatable(_G, nil)
print(missing_one)
