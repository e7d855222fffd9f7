-- multiple results are adjusted depending on position
local function three() return 1, 2, 3 end
local function none() end
print(three())
print(three(), "x")                 -- truncated to 1 in the middle
print("x", three())                 -- expanded at the end
print((three()))                    -- parentheses truncate to 1
print(three(), three())
print(none(), "after")              -- nil in the middle
print("before", none())             -- nothing at the end
print((none()))                     -- parentheses give exactly one nil
local a, b, c, d = three()
print(a, b, c, d)
local e, f = three(), 10
print(e, f)
local g, h, i = 0, three()
print(g, h, i)
local x, y = (three())
print(x, y)
print(#{ three() }, #{ three(), three() }, #{ (three()) })
print(select("#", three()), select("#", (three())), select("#", none()), select("#", (none())))
print(three() + 10, -three(), three() .. "")
local t = { three(), three() }
print(t[1], t[2], t[3], t[4], t[5])
local u = { three(), "end" }
print(#u, u[2])
print(math.floor(three()))
