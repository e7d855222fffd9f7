-- upvalues through several levels of nesting
local function level1()
  local a = "a"
  return function()
    local b = "b"
    return function()
      local c = "c"
      return function() return a .. b .. c end
    end
  end
end
print(level1()()()())
local function acc()
  local total = 0
  return function(x)
    return (function(y) total = total + y; return total end)(x)
  end
end
local f = acc()
f(5); f(10)
print(f(0))
local fns = {}
for i = 1, 3 do
  local function mk()
    return function() return i * 2 end
  end
  fns[i] = mk()
end
print(fns[1](), fns[2](), fns[3]())
local function fibgen()
  local a, b = 0, 1
  return function() a, b = b, a + b; return a end
end
local g = fibgen()
local seq = {}
for _ = 1, 10 do seq[#seq + 1] = g() end
print(table.concat(seq, " "))
