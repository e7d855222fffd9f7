-- An upvalue is read where it stands in the evaluation order; a local of the
-- running function is a register, read when the operation runs. A call on
-- the right of an operator that assigns the variable shows the difference.
local x = 1
local function f() x = 10; return 1 end
print(x + f())                 -- x is a local here: 11
local function g() return x + f() end
x = 1
print(g())                     -- x is an upvalue in g: 2

local s = "a"
local function h() s = "zz"; return "b" end
local function cat() return s .. h() end
print(cat(), s)
local n = 5
local function m() n = 50; return 6 end
local function lt() return n < m(), n end
n = 5
print(lt())
local function eq() return n == m() - 44 end
n = 6
print(eq())

local t = { k = "first" }
local function swap() t = { k = "second" }; return "k" end
local function idx() return t[swap()] end
print(idx())

local up = 1.0
local function setup() up = 100.0; return 1.0 end
local function tree() return up + setup() * up end
print(tree())
local function tree2() up = 2.0; return up * 3.0 + setup() * up - up end
print(tree2())
local cnt = 0
local function bump() cnt = cnt + 1; return 1 end
local function keep() return cnt * 2 + bump() + cnt end
print(keep(), keep())
