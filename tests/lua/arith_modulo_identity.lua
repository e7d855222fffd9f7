-- a == (a // b) * b + a % b for many integer pairs; float results for float pairs
local seed = 12345
local function rnd(lo, hi)
  seed = (seed * 6364136223846793005 + 1442695040888963407)
  local r = (seed >> 33) % (hi - lo + 1)
  return lo + r
end
local bad = 0
for _ = 1, 500 do
  local a, b = rnd(-1000, 1000), rnd(-50, 50)
  if b ~= 0 then
    local q, r = a // b, a % b
    if q * b + r ~= a then bad = bad + 1 end
    if r ~= 0 and (r < 0) ~= (b < 0) then bad = bad + 1 end
  end
end
print("integer identity failures:", bad)
local samples = {}
for _ = 1, 8 do
  local a, b = rnd(-100, 100), rnd(1, 9)
  samples[#samples + 1] = a .. "//" .. b .. "=" .. (a // b) .. " " .. a .. "%" .. -b .. "=" .. (a % -b)
end
print(table.concat(samples, "; "))
local fl = {}
for _, p in ipairs({ { 5.5, 2 }, { -5.5, 2 }, { 5.5, -2 }, { 1, 0.25 }, { -1, 0.3 } }) do
  fl[#fl + 1] = tostring(p[1] // p[2]) .. "," .. tostring(p[1] % p[2])
end
print(table.concat(fl, " "))
