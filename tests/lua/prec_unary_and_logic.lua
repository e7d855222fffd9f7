-- unary operators, not, and/or precedence
local a, b = 1, 2
print(not a == b)          -- (not a) == b -> false == 2
print(not (a == b))
print(not nil == true)
print(- -a, - - -a)
print(not not a, not not nil)
print(#"abc" + 1, -#"ab")
print(1 + 2 * 3 - 4 / 2)
print((1 + 2) * 3, 1 + 2 * 3)
print(7 - 2 - 1, 2 * 3 % 4, 2 + 3 % 2)
print(8 / 2 / 2, 8 // 3 * 3)
print(1 < 2 == true, "a" < "b" == not false)
print(1 == 1 and 2 or 3, nil and 1 or 2)
print(false or nil and 1)
print(1 or error("not evaluated"))
print(nil and error("not evaluated"))
print(1 and 2 and 3, 1 and nil and 3)
print(false or false or "last")
print(a < b and "lt" or "ge", a > b and "gt" or "le")
print(1 + 1 == 2 and 3 .. 4 == "34")
print(pcall(function() return not 1 + 1 == 2 end))  -- (not 1) + 1 fails
