-- loops: nested numeric for loops with integer arithmetic.
function run(n)
  local total = 0
  for i = 1, n do
    local acc = i
    for j = 1, 100 do
      acc = (acc * 31 + j) % 65521
    end
    for k = 10, 1, -1 do
      acc = acc + k * (i % k) - (acc % 3)
    end
    local w = 0
    while w < 5 do
      acc = acc + w * 7
      w = w + 1
    end
    total = (total + acc) % 1000000007
  end
  return total
end
