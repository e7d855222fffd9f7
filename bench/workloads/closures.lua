-- closures: creating and calling closures, counters with shared upvalues.
local function make_counter(step)
  local count = 0
  return function()
    count = count + step
    return count
  end
end

local function make_pair()
  local value = 0
  local function inc(d)
    value = value + d
  end
  local function get()
    return value
  end
  return inc, get
end

local function compose(f, g)
  return function(x)
    return f(g(x))
  end
end

local function apply_n(f, k, x)
  for _ = 1, k do
    x = f(x)
  end
  return x
end

function run(n)
  local total = 0
  local inc, get = make_pair()
  for i = 1, n do
    local c = make_counter(i % 5 + 1)
    c()
    c()
    total = total + c()
    local add = function(x) return x + i end
    local dbl = function(x) return x * 2 end
    local h = compose(add, dbl)
    total = total + h(i % 100)
    total = total + apply_n(function(x) return (x * 3 + i) % 1009 end, 5, i)
    inc(i % 7)
    total = (total + get()) % 1000000007
  end
  return total
end
