-- function definitions nested at various levels
local function outer(a)
  local function middle(b)
    local function inner(c)
      return a + b + c
    end
    return inner
  end
  return middle
end
print(outer(1)(2)(3))
local adders = {}
function adders.make(n) return function(x) return x + n end end
print(adders.make(10)(5))
local anon = (function(x) return x * 2 end)(21)
print(anon)
print((function(...) return select("#", ...) end)(1, 2, 3))
local t = {
  f = function(self) return self.v end,
  v = "value",
}
print(t:f())
local function rec(n) if n == 0 then return "done" end return rec(n - 1) end
print(rec(5))
local fact
fact = function(n) return n <= 1 and 1 or n * fact(n - 1) end
print(fact(10), fact(20))
local compose = function(f, g) return function(...) return f(g(...)) end end
local inc = function(x) return x + 1 end
local dbl = function(x) return x * 2 end
print(compose(inc, dbl)(5), compose(dbl, inc)(5))
function globalfn(x) return "global " .. x end
print(globalfn("call"), type(_G.globalfn))
