-- A constant-folded 'and'/'or' (a true constant and x, nil or x) keeps
-- x's name in error messages.
local function f(a0) return 2^53 | (63 and a0) end
print(pcall(f, "x"))
local function g(a) return 1 + (nil or a) end
print(pcall(g, {}))
local function h(a) return 1 + (false or a) end
print(pcall(h, {}))
local function k(a) return 1 + ("s" and a) end
print(pcall(k, {}))
local function m(a) return 1 + (a and a) end
print(pcall(m, {}))
local function n(a) return 1 + (true and a) end
print(pcall(n, {}))
local function o(a) return 1 + (a or 1 and a) end
print(pcall(o, {}))
local t = {}
local function p(a) return 1 + (1 and t.x) end
print(pcall(p))
