-- binary_trees: allocate and walk many short-lived binary trees.
local function make(depth)
  if depth == 0 then
    return {}
  end
  depth = depth - 1
  return { make(depth), make(depth) }
end

local function check(tree)
  local left = tree[1]
  if left then
    return 1 + check(left) + check(tree[2])
  end
  return 1
end

function run(n)
  local mindepth = 4
  local maxdepth = n
  if maxdepth < mindepth + 2 then
    maxdepth = mindepth + 2
  end
  local total = check(make(maxdepth + 1))
  local longlived = make(maxdepth)
  for depth = mindepth, maxdepth, 2 do
    local iters = 1
    for _ = 1, maxdepth - depth + mindepth do
      iters = iters * 2
    end
    local c = 0
    for _ = 1, iters do
      c = c + check(make(depth))
    end
    total = total + c
  end
  return total + check(longlived)
end
