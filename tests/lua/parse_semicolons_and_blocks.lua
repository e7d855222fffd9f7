-- empty statements, do blocks and scoping
;;;
local a = 1;
do local a = 2; print(a) end;
print(a);
do ; end
do
  local a = 3
  do
    local a = a + 1
    print(a)
  end
  print(a)
end
local x = 1 local y = 2 print(x + y)
local function f() return end
print(f())
local function g() ; return 5; end
print(g())
if true then ; end
while false do end
repeat ; until true
for i = 1, 2 do ; end
local b = 10; b = b + 1; print(b);
local shadow = "outer"
local function s() return shadow end
local shadow = "inner"
print(s(), shadow)
