-- mani: allow io
-- io.write and io.stdout go where print goes, in order; write returns the file
io.write("one ", 2, " ", 3.5, "\n")
print("print after write")
print("chained", io.write("a"):write("b") == io.stdout)
io.stdout:write("direct ", 1.0, " ", -0.0, " ", 1e15, " ", 2^53, "\n")
print("output is stdout", io.output() == io.stdout, io.input() == io.stdin)
print("types", io.type(io.stdout), io.type(io.stdin), io.type(io.stderr), io.type({}), io.type(nil))
print("tostring", tostring(io.stdout):match("^file %(0x%x+%)$") ~= nil)
print("flush", io.stdout:flush(), io.flush())
print("setvbuf", io.stdout:setvbuf("no"), io.stdout:setvbuf("full", 1024), io.stdout:setvbuf("line"))
print("cannot close stdout", io.stdout:close())
print("nor through io.close", io.close())
print("still open", io.type(io.stdout))
print("write nothing", io.write() == io.stdout)
local name = TMPDIR .. "out.txt"
print("redirected", io.output(name) ~= io.stdout)
io.write("to the file\n")
print("back", io.output(io.stdout) == io.stdout)
print("reading it", io.input(name) ~= io.stdin, io.read("L"), io.read("a"), io.read("l"))
io.input():close()
print(pcall(io.read))
print(pcall(io.lines))
io.input(io.stdin)
local mt = getmetatable(io.stdout)
local keys = {}
for k in pairs(mt) do keys[#keys + 1] = k end
table.sort(keys)
print("metatable", table.concat(keys, " "), mt.__name)
keys = {}
for k in pairs(mt.__index) do keys[#keys + 1] = k end
table.sort(keys)
print("methods", table.concat(keys, " "))
print("__name in messages", pcall(string.rep, io.stdout))
