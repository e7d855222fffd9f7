-- __newindex used to validate and observe appends
local log = {}
local list = setmetatable({}, {
  __newindex = function(t, k, v)
    if type(k) ~= "number" then error("only numeric keys allowed, got " .. type(k), 2) end
    log[#log + 1] = k
    rawset(t, k, v)
  end,
})
for i = 1, 5 do list[#list + 1] = i * 2 end
print(#list, table.concat(list, ","), table.concat(log, ","))
list[3] = "replaced"            -- existing key: no __newindex
print(list[3], #log)
print(pcall(function() list.name = "x" end))
list[2] = nil                   -- existing key set to nil: still raw
list[2] = "back"                -- now absent: __newindex again
print(list[2], #log, log[#log])
