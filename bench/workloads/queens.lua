-- queens: count all solutions of the n-queens problem by backtracking
-- (boolean arrays for columns and diagonals).
local function solve(n, row, cols, diag1, diag2)
  if row > n then
    return 1
  end
  local count = 0
  for c = 1, n do
    local d1 = row + c
    local d2 = row - c + n
    if not cols[c] and not diag1[d1] and not diag2[d2] then
      cols[c], diag1[d1], diag2[d2] = true, true, true
      count = count + solve(n, row + 1, cols, diag1, diag2)
      cols[c], diag1[d1], diag2[d2] = false, false, false
    end
  end
  return count
end

function run(n)
  local cols, diag1, diag2 = {}, {}, {}
  for i = 1, 2 * n do
    cols[i], diag1[i], diag2[i] = false, false, false
  end
  return solve(n, 1, cols, diag1, diag2)
end
