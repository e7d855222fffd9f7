-- varargs edge cases
local function v(...) return ... end
print(select("#", v()), select("#", v(nil)), select("#", v(nil, nil)))
local function tail(...) return select(2, ...) end
print(tail(1, 2, 3))
print(tail(1))
local function nils(...) local a, b, c = ...; return a == nil, b == nil, c == nil end
print(nils(1))
local function pack2(...) return { n = select("#", ...), ... } end
local p = pack2(nil, 2, nil)
print(p.n, p[1], p[2], p[3])
local function unpack2(t, i, j)
  i = i or 1
  j = j or t.n or #t
  if i > j then return end
  return t[i], unpack2(t, i + 1, j)
end
print(unpack2(p))
print(unpack2({ 1, 2, 3 }, 2))
local function forward(...) return v(...) end
print(forward("a", nil, "c"))
local function varargs_in_table_middle(...) return { ..., "end" } end
local t = varargs_in_table_middle(1, 2, 3)
print(#t, t[1], t[2])
local function arith(...) return ... + 1 end
print(arith(10, 20))
local function concat_all(...)
  local s = ""
  for i = 1, select("#", ...) do s = s .. tostring((select(i, ...))) end
  return s
end
print(concat_all(1, nil, true, "x", 2.5))
print((v(1, 2, 3)))
local big = {}
for i = 1, 200 do big[i] = i end
print(select("#", unpack2(big)), (select(200, unpack2(big))))
