-- load: environments, upvalues, chunk results and varargs
local env = setmetatable({}, {__index = _G})
local f = load("x = 10; y = (y or 0) + 1; return x + y", "=envchunk", "t", env)
print(f(), f(), env.x, env.y, x, y)
print(rawget(env, "print") == nil, env.print == print)
local g = load("local a, b = ...; return b, a, select('#', ...)")
print(g(1, 2, 3))
local h = load("return function(n) return n * k end", "=maker", "t", {k = 3})
print(h()(14))
local counter = load([[
  local n = 0
  return function() n = n + 1 return n end
]])()
print(counter(), counter(), counter())
-- _ENV inside loaded chunk
local e2 = {}
load("function gl() return 'gl' end; val = _ENV", "=c", "t", e2)()
print(type(e2.gl), e2.val == e2, gl)
-- load errors at run time carry the chunk name
print(pcall(load("local t = {} ; return t.a.b", "=runtime")))
print(pcall(load("error('custom', 2)", "=lvl2")))
print(pcall(load("return 1 + {}", "@some/file.lua")))
-- syntax errors
print(load("return (", "=s1"))
print(load("x = ", "=s2"))
print(load("for", "=s3"))
print(load("return 'unfinished", "=s4"))
print(load("goto nowhere", "=s5"))
print(load("local x <const> = 1; x = 2", "=s6"))
print(load("break", "=s7"))
-- reader functions
local pieces = {"local a", " = 4", "0; return a", " + 2"}
local k = 0
local r = load(function() k = k + 1 return pieces[k] end, "=reader")
print(r())
k = 0
print(load(function() k = k + 1 if k == 1 then return "return " elseif k == 2 then return 5 end end)())
print(load(function() return nil end, "=empty", "t")())
print(pcall(load, function() return true end))
-- mode strings
print(load("return 1", "m", "bt")(), load("return 2", "m", "t")())
print(load("return 1", "m", "b"))
print(load("return 1", "m", ""))
print(load("\27Lua junk", "m", "t"))
