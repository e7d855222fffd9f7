-- every iteration of a numeric for loop has a fresh control variable
local fs = {}
for i = 1, 5 do
  fs[#fs + 1] = function() return i end
end
local out = {}
for _, f in ipairs(fs) do out[#out + 1] = f() end
print(table.concat(out, " "))
local gs = {}
for i = 10, 1, -3 do
  local j = i * 2
  gs[#gs + 1] = function() j = j + 1; return i, j end
end
for _, g in ipairs(gs) do print(g()) end
print(gs[1]())    -- each closure keeps its own j
local hs = {}
for x = 0.5, 1.5, 0.5 do hs[#hs + 1] = function() return x end end
print(hs[1](), hs[2](), hs[3]())
