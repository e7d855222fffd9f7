-- mani: allow io
-- file:read in every format (n, l, L, a, counts, the old "*" prefix),
-- seek, and what they return at the end of the file
local name = TMPDIR .. "formats.txt"
local f = assert(io.open(name, "w"))
print("write returns the file", f:write(1.0, " ", -0.0, " ", 1e100, " ", 1/0, " ", 2^63, " ", math.mininteger, "\n") == f)
f:write("0x1F 12 -3.5e2 .5 abc\n  nan 0x 1e 99999999999999999999 line2\n")
f:write("0x1p4 1e+ --1 ", string.rep("9", 250), "\nlast")
print("close", f:close())
f = assert(io.open(name))
print("L", f:read("L"))
print("five n", f:read("n", "n", "n", "n", "n"))
print("l after a failed n", f:read("l"))
print("n on 'nan'", f:read("n"))
print("*l", f:read("*l"))
print("hex float", f:read("n"))
print("bad exponent", f:read("n"))
print("rest of line", f:read("l"))
print("n on 250 digits", f:read("n"))
print("then", f:read("l"))
print("read(0) before the end", f:read(0))
print("counts", f:read(2), f:read(100), f:read(0))
print("at the end", f:read("a"), f:read("*a"), f:read("l"), f:read("L"), f:read(1), f:read("n"))
print("seek end", f:seek("end"))
print("seek set 3", f:seek("set", 3), f:read(2))
print("seek cur -1", f:seek("cur", -1), f:read(1))
print("seek before the start", f:seek("set", -5))
print("default: a line", f:seek("set"), f:read())
print("several", f:read("l", 3, "L"))
for a, b in f:lines(1, "l") do print("lines with formats", a, b) break end
f:close()
local n = 0
for l in io.lines(name) do n = n + 1 end
print("io.lines counts", n)
for l in io.lines(name, "L") do io.write("L line: ", l) end
print()
local it = io.lines(name, 4)
print("iterator", it(), it())
local t = {}
for c in io.lines(name, 1) do t[#t + 1] = c if #t == 5 then break end end
print("chars", table.concat(t, ","))
local g = io.open(name, "a+")
g:write("tail")
g:seek("set")
print("a+ reads it all", #g:read("a"))
g:close()
print("r+b keeps", io.open(name, "r+b"):read(3))
local w <close> = io.open(name, "w")
print("truncated", io.open(name):read("a") == "")
