-- infinite recursion raises a catchable "stack overflow" error
local function has_overflow(ok, msg)
  return ok, type(msg) == "string" and msg:find("stack overflow") ~= nil
end
local function infinite(n) return 1 + infinite(n + 1) end
print(has_overflow(pcall(infinite, 1)))
local function infinite2() local x = infinite2(); return x end
print(has_overflow(pcall(infinite2)))
-- mutual recursion
local ping, pong
function ping(n) return pong(n) + 1 end
function pong(n) return ping(n) + 1 end
print(has_overflow(pcall(ping, 0)))
-- the state is usable afterwards
local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end
print(depth(1000))
print(has_overflow(pcall(infinite, 1)))
print("still alive")
