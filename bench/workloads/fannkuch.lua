-- fannkuch: pancake flips over all permutations (integer arrays).
-- Returns checksum * 1000 + maxflips.
function run(n)
  local perm1, perm, count = {}, {}, {}
  for i = 1, n do
    perm1[i] = i
    perm[i] = 0
    count[i] = 0
  end
  local maxflips, checksum, permcount = 0, 0, 0
  local r = n
  while true do
    while r ~= 1 do
      count[r] = r
      r = r - 1
    end

    for i = 1, n do
      perm[i] = perm1[i]
    end
    local flips = 0
    local k = perm[1]
    while k ~= 1 do
      local lo, hi = 1, k
      while lo < hi do
        perm[lo], perm[hi] = perm[hi], perm[lo]
        lo = lo + 1
        hi = hi - 1
      end
      flips = flips + 1
      k = perm[1]
    end
    if flips > maxflips then
      maxflips = flips
    end
    if permcount % 2 == 0 then
      checksum = checksum + flips
    else
      checksum = checksum - flips
    end

    -- advance to the next permutation
    while true do
      if r == n then
        return checksum * 1000 + maxflips
      end
      local first = perm1[1]
      for i = 1, r do
        perm1[i] = perm1[i + 1]
      end
      perm1[r + 1] = first
      count[r + 1] = count[r + 1] - 1
      if count[r + 1] > 0 then
        break
      end
      r = r + 1
    end
    permcount = permcount + 1
  end
end
