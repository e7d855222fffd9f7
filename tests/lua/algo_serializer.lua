-- a deterministic serializer for nested tables (keys sorted)
local function serialize(v, indent)
  indent = indent or ""
  local t = type(v)
  if t == "string" then return '"' .. v .. '"' end
  if t ~= "table" then return tostring(v) end
  local keys = {}
  for k in pairs(v) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b)
    local ta, tb = type(a), type(b)
    if ta ~= tb then return ta < tb end
    return a < b
  end)
  local parts = {}
  for _, k in ipairs(keys) do
    local ks = type(k) == "string" and k or "[" .. tostring(k) .. "]"
    parts[#parts + 1] = indent .. "  " .. ks .. " = " .. serialize(v[k], indent .. "  ")
  end
  if #parts == 0 then return "{}" end
  return "{\n" .. table.concat(parts, ",\n") .. "\n" .. indent .. "}"
end
print(serialize({
  name = "config",
  version = 3,
  ratio = 0.75,
  enabled = true,
  list = { 10, 20, 30 },
  nested = { deep = { deeper = { "x" } }, empty = {} },
  [1] = "one",
  [2.5] = "two and a half",
}))
print(serialize(42), serialize("s"), serialize(nil), serialize(false))
