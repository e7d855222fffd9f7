-- table constructors in all forms
local function dump(t)
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b)
    if type(a) == type(b) then return a < b end
    return type(a) < type(b)
  end)
  local parts = {}
  for _, k in ipairs(keys) do parts[#parts + 1] = tostring(k) .. "=" .. tostring(t[k]) end
  return "{" .. table.concat(parts, ", ") .. "}"
end
print(dump({}))
print(dump({ 1, 2, 3 }))
print(dump({ 1, 2, 3, }))
print(dump({ 1; 2; 3; }))
print(dump({ a = 1, b = 2 }))
print(dump({ ["a b"] = 1, [10] = 2, [2.5] = 3 }))
print(dump({ 1, x = "x", 2, [30] = 30, 3 }))
local k = "dyn"
print(dump({ [k] = 1, [k .. "2"] = 2, [1 + 1] = "two" }))
print(dump(({ { 1 }, { 2 } })[2]))
print(dump(({ x = { y = { z = "deep" } } }).x.y))
print(#{ 1, 2, 3, 4, 5 })
print(dump({ 1, 2; a = 3, b = 4; 5 }))
print(dump({ nil, 2 }) )
local n = 0
local function nx() n = n + 1; return n end
print(dump({ nx(), nx(), nx() }))
