-- long chains of indexing, calls and method calls
local data = {
  list = { { name = "a", tags = { "x", "y" } }, { name = "b", tags = { "z" } } },
  get = function(self, i) return self.list[i] end,
}
print(data.list[1].name, data.list[2].tags[1], #data.list[1].tags)
print(data:get(2).name, data:get(1).tags[2])
print(data["list"][1]["tags"][1])
local function ret() return data end
print(ret().list[2].name, ret():get(1).name)
local s = ({ "p", "q", "r" })[2]
print(s)
print(("x"):rep(3), ("%d-%d"):format(1, 2))
local f = { g = { h = function() return { i = function() return "deep" end } end } }
print(f.g.h().i())
data.list[1].name = "changed"
print(data.list[1].name)
data.list[3] = { name = "c" }
print(#data.list, data.list[#data.list].name)
local k = "list"
print(data[k][1 + 1].name)
