-- spectral_norm: power method on an infinite matrix (float arrays, calls).
local function A(i, j)
  local ij = i + j - 1
  return 1.0 / (ij * (ij - 1) * 0.5 + i)
end

local function mul_Av(x, y, n)
  for i = 1, n do
    local s = 0.0
    for j = 1, n do
      s = s + A(i, j) * x[j]
    end
    y[i] = s
  end
end

local function mul_Atv(x, y, n)
  for i = 1, n do
    local s = 0.0
    for j = 1, n do
      s = s + A(j, i) * x[j]
    end
    y[i] = s
  end
end

local function mul_AtAv(x, y, t, n)
  mul_Av(x, t, n)
  mul_Atv(t, y, n)
end

function run(n)
  local u, v, t = {}, {}, {}
  for i = 1, n do
    u[i] = 1.0
    v[i] = 0.0
    t[i] = 0.0
  end
  for _ = 1, 10 do
    mul_AtAv(u, v, t, n)
    mul_AtAv(v, u, t, n)
  end
  local vBv, vv = 0.0, 0.0
  for i = 1, n do
    local ui, vi = u[i], v[i]
    vBv = vBv + ui * vi
    vv = vv + vi * vi
  end
  return (vBv / vv) ^ 0.5
end
