-- generic for with custom stateful and stateless iterators
local function range(from, to, step)
  step = step or 1
  local i = from - step
  return function()
    i = i + step
    if i <= to then return i end
  end
end
local out = {}
for v in range(1, 10, 3) do out[#out + 1] = v end
print(table.concat(out, " "))
-- stateless: iterator function, invariant state, control variable
local function iter(t, i)
  i = i + 1
  local v = t[i]
  if v ~= nil then return i, v end
end
local function my_ipairs(t) return iter, t, 0 end
for i, v in my_ipairs({ "x", "y", "z" }) do print(i, v) end
-- iterator returning several values
local function triples(n)
  return function(s, c)
    if c >= n then return nil end
    return c + 1, (c + 1) ^ 2, s
  end, "state", 0
end
for a, b, c in triples(3) do print(a, b, c) end
-- extra loop variables receive nil
for a, b, c, d in my_ipairs({ "q" }) do print(a, b, c, d) end
-- the iterator is called with (state, control) each time
local calls = {}
local function spy(s, c)
  calls[#calls + 1] = s .. ":" .. tostring(c)
  if c == nil then return 1 end
  if c < 3 then return c + 1 end
end
for _ in spy, "S", nil do end
print(table.concat(calls, " "))
-- a loop over a string split into characters
local function chars(s)
  local i = 0
  return function() i = i + 1; if i <= #s then return string.sub(s, i, i), i end end
end
for ch, i in chars("lua") do print(i, ch) end
