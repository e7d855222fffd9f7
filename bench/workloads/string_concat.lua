-- string_concat: building strings with the .. operator (incl. number coercion).
function run(n)
  local total = 0
  local last = ""
  for i = 1, n do
    local s = ""
    for j = 1, 20 do
      s = s .. j .. ","
    end
    s = "<" .. s .. i .. ">"
    local label = "item-" .. i % 97 .. "-" .. "x"
    total = total + #s + #label
    last = s
  end
  return total .. "|" .. last
end
