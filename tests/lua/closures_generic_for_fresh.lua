-- generic for loop variables are fresh per iteration
local fs = {}
for i, v in ipairs({ "a", "b", "c" }) do
  fs[i] = function() return i .. v end
end
print(fs[1](), fs[2](), fs[3]())
local ks = {}
local t = { x = 1, y = 2, z = 3 }
for k, v in pairs(t) do
  ks[#ks + 1] = function() return k .. "=" .. v end
end
local res = {}
for _, f in ipairs(ks) do res[#res + 1] = f() end
table.sort(res)
print(table.concat(res, ","))
local function range(n)
  return function(_, i) if i < n then return i + 1 end end, nil, 0
end
local rs = {}
for i in range(4) do rs[i] = function() return i * 10 end end
print(rs[1](), rs[2](), rs[3](), rs[4]())
