-- '..' is right associative and binds looser than arithmetic
print("a" .. "b" .. "c")
print(1 .. 2 .. 3)
print("x" .. 1 + 2)
print(1 + 2 .. "")
print("n=" .. 2 * 3 .. "!")
local mt = {}
mt.__concat = function(a, b)
  local sa = type(a) == "table" and a.name or a
  local sb = type(b) == "table" and b.name or b
  return { name = "(" .. sa .. "+" .. sb .. ")" }
end
local function obj(n) return setmetatable({ name = n }, mt) end
local r = obj("a") .. obj("b") .. obj("c")
print(r.name)
local r2 = (obj("a") .. obj("b")) .. obj("c")
print(r2.name)
print("p" .. "q" == "pq")
print(2 .. 3 == "23", "1" .. "0" + 1)
print(#"abc" .. "d")
print(-2 .. "")
