local function check(v)
  if not v then error("check failed in caller", 2) end
end
print("checking")
check(true)
check(false)   -- line 6 is blamed
