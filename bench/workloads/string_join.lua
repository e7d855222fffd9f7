-- string_join: building strings by collecting pieces and joining with table.concat.
function run(n)
  local total = 0
  local last = ""
  for i = 1, n do
    local parts = {}
    for j = 1, 40 do
      parts[#parts + 1] = "item" .. (i + j)
    end
    local s = table.concat(parts, ",")
    total = total + #s
    last = s
  end
  return total .. "|" .. last
end
