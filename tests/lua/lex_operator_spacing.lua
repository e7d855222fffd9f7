-- operators written without spaces, and near-miss tokens
local a, b = 5, 2
print(a-1, a- -1, a*-1, a/-2, a^-1, a//-2, a%-3)
print(a-b, a--b is a comment here
)
print(a .. b, a..b == "52")
local t = { x = { y = "z" } }
print(t.x.y..t.x.y, #t.x.y..'!')
print(1==1, 1~=1, 2<=3, 3>=2, 2<3, 3>2)
print(a<<1, a>>1, a&3, a|8, a~3, ~a)
print(0xep1, 0xAp0, 1e-0, 0x1P+0, 0x10p-4)
print(3 // 2, 3 / 2, 3 % 2, -3 // 2)
local s = "x";local n = 1;print(s, n)
print(("a"):rep(2)..("b"):rep(2))
print(not-1 == 1, not nil == true, pcall(function() return -not nil end))
