-- gmatch iterators are ordinary values: called by hand, after their end,
-- from a coroutine, interleaved with each other
local it = string.gmatch("one two three", "%a+")
print(it(), it())
print(it(), it(), it())
local caps = string.gmatch("a=1, b=22, c=333", "(%a)=(%d+)")
local co = coroutine.wrap(function()
  while true do
    local k, v = caps()
    coroutine.yield(k, v)
    if not k then return end
  end
end)
print(co())
print(co())
local w1 = string.gmatch("x y z", "%a")
local w2 = string.gmatch("1 2 3", "%d")
print(w1(), w2(), w1(), w2(), w1(), w2(), w1(), w2())
local count = 0
for a, b in string.gmatch(string.rep("ab", 300), "(a)(b)") do count = count + #a + #b end
print(count)
print(pcall(string.gmatch("abc", "%a"), "ignored", "args"))
local empty = string.gmatch("", "%a+")
print(empty(), empty())
local late = string.gmatch("abc def", "%a+", 4)
print(late(), late())
local past = string.gmatch("abc", "%a+", 10)
print(past())
