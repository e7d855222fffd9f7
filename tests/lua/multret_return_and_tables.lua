-- return f(), {...}, {f()}, {f(), nil}
local function pass(...) return ... end
local function many() return "a", "b", "c" end
local function wrap1() return many() end
local function wrap2() return (many()) end
local function wrap3() return many(), "z" end
local function wrap4() return "z", many() end
print(wrap1())
print(wrap2())
print(wrap3())
print(wrap4())
print(select("#", pass(nil, nil, nil)))
local function pack(...) return { n = select("#", ...), ... } end
local p = pack(1, nil, 3, nil)
print(p.n, p[1], p[2], p[3], p[4])
local t1 = { many() }
print(#t1, t1[1], t1[3])
local t2 = { many(), nil }
print(t2[1], t2[2], t2[3])
local t3 = { many(), many() }
print(#t3, table.concat(t3))
local t4 = { (many()) }
print(#t4)
local t5 = { pass() }
print(#t5, next(t5))
local t6 = { x = many(), many() }
print(t6.x, #t6)
local function tail(n) if n == 0 then return "done", n end return tail(n - 1) end
print(tail(3))
local function cond(c) if c then return many() else return end end
print(cond(true))
print(cond(false))
print(select("#", cond(false)))
