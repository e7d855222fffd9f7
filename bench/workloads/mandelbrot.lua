-- mandelbrot: escape-time iteration over an n x n grid (float arithmetic).
-- Returns (points inside) * 10^7 + (sum of escape iterations) mod 10^7.
function run(n)
  local max_iter = 50
  local inside, iters = 0, 0
  for y = 0, n - 1 do
    local ci = 2.0 * y / n - 1.0
    for x = 0, n - 1 do
      local cr = 2.0 * x / n - 1.5
      local zr, zi = 0.0, 0.0
      local k = 0
      while k < max_iter do
        local zr2, zi2 = zr * zr, zi * zi
        if zr2 + zi2 > 4.0 then
          break
        end
        zi = 2.0 * zr * zi + ci
        zr = zr2 - zi2 + cr
        k = k + 1
      end
      if k == max_iter then
        inside = inside + 1
      end
      iters = iters + k
    end
  end
  return inside * 10000000 + iters % 10000000
end
