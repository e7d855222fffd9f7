-- anonymous recursion through function arguments
local Y = function(f)
  return (function(x) return x(x) end)(function(x)
    return f(function(...) return x(x)(...) end)
  end)
end
local fact = Y(function(self) return function(n) if n == 0 then return 1 end return n * self(n - 1) end end)
print(fact(5), fact(10))
local fib = Y(function(self) return function(n) if n < 2 then return n end return self(n - 1) + self(n - 2) end end)
print(fib(15))
local function apply_n(f, n, x) for _ = 1, n do x = f(x) end return x end
print(apply_n(function(v) return v * 2 end, 10, 1))
local function make_chain()
  local ops = {}
  local chain = {}
  function chain.add(n) ops[#ops + 1] = function(v) return v + n end; return chain end
  function chain.mul(n) ops[#ops + 1] = function(v) return v * n end; return chain end
  function chain.run(v) for _, op in ipairs(ops) do v = op(v) end return v end
  return chain
end
print(make_chain().add(1).mul(10).add(5).run(2))
