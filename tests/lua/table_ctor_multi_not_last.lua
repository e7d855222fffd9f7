-- only the last item of a constructor expands to all of a call's values,
-- and only when it is positional
local function m() return 1, 2, 3 end
local function none() end
local function count(t) local n = 0 for _ in pairs(t) do n = n + 1 end return n end

local t = {m(), k = 1}
print("m(), k=1", #t, t[1], t[2], t[3], t.k, count(t))
t = {m(), 2}
print("m(), 2", #t, t[1], t[2], t[3], count(t))
t = {k = 1, m()}
print("k=1, m()", #t, t[1], t[2], t[3], t.k, count(t))
t = {m(), [5] = 1}
print("m(), [5]=1", t[1], t[2], t[3], t[5], count(t))
t = {[5] = 1, m()}
print("[5]=1, m()", t[1], t[2], t[3], t[5], count(t))
t = {(m())}
print("(m())", #t, t[1], t[2], count(t))
t = {m(), m()}
print("m(), m()", #t, t[1], t[2], t[3], t[4], count(t))
t = {none(), k = 2}
print("none(), k=2", t[1], t.k, count(t))
local function v(...) return {..., k = 1} end
t = v(7, 8, 9)
print("..., k=1", #t, t[1], t[2], t.k, count(t))
local function w(...) return {k = 1, ...} end
t = w(7, 8, 9)
print("k=1, ...", #t, t[1], t[2], t[3], t.k, count(t))
local o = {f = function(self) return "a", "b" end}
t = {o:f(), x = true}
print("o:f(), x=true", t[1], t[2], t.x, count(t))
t = {o:f(), ["y"] = false, [10] = 10}
print("o:f(), y=false", t[1], t[2], t.y, t[10], count(t))
