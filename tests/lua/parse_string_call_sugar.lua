-- call sugar: f"str", f'str', f[[str]], f{table}
local function id(x) return x end
local function show(t) return type(t) == "table" and ("table#" .. #t) or tostring(t) end
print(id"plain", id'single', id[[long]], id[==[level]==])
print(show(id{1, 2, 3}))
local function curry(a) return function(b) return function(c) return a .. b .. c end end end
print(curry "x" "y" "z")
print(curry"1"[[2]]'3')
local function count(t) return #t end
print(count{}, count{ 1 }, count{ 1, 2, nil and 3 })
local o = { m = function(self, s) return s .. "!" end }
print(o:m"hey", o:m[[yo]])
print(type{}, #"abc")
local function kv(t) return t.a + t.b end
print(kv{ a = 1, b = 2 })
