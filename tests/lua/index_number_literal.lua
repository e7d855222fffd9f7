-- Indexing a number literal is a run-time error in Lua (numbers have no
-- metatable), not a compile error; the rest of the chunk must still run.
local function try(name, f) print(name, pcall(f)) end

try("read", function() return (10)[3] end)
try("field", function() return (2).x end)
try("hex", function() return (0x10).x end)
try("float", function() return (1e3)[1] end)
try("negative", function() return (-1)[1] end)
try("negative float", function() return (-2.5).x end)
try("store", function() (0x10).x = 1 end)
try("key", function() local t = {} t[(1)[2]] = 1 end)
try("method", function() return (1.5):foo() end)
try("length", function() return #(5) end)
try("append", function() (1)[#(1) + 1] = 5 end)
try("sum", function() local x = (2)[1] + (3).y end)
-- strings have a metatable: the same syntax works on them
try("string", function() return ("abc"):upper(), ("abc").len("xy"), ("abc")[1] end)
print("still running")
