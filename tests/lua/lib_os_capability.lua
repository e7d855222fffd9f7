-- mani: allow io os
-- the os library of a trusted script: files, environment, locale, time
local function clean(s) return (s:gsub(TMPDIR:gsub("%p", "%%%0"), "TMP/")) end
local a, b = TMPDIR .. "a.txt", TMPDIR .. "b.txt"
local f = io.open(a, "w") f:write("x") f:close()
print("rename", os.rename(a, b))
print("renamed", io.open(a) == nil, io.open(b):read("a"))
local r = table.pack(os.rename(a, b))
print("rename missing", r.n, r[1], r[2], r[3])
print("remove", os.remove(b))
r = table.pack(os.remove(b))
print("remove missing", r.n, r[1], clean(r[2]), r[3])
local d = TMPDIR .. "dir"
print("remove an empty directory", os.execute("mkdir " .. d), os.remove(d))
print("getenv", os.getenv("MANI_SURELY_UNSET_VARIABLE"), type(os.getenv("PATH")))
print("shell", os.execute())
print("execute", os.execute("true"))
print("setlocale", os.setlocale("C"), os.setlocale(nil, "numeric"), os.setlocale("no_such_locale"))
print(pcall(os.setlocale, "C", "bad"))
print("time", math.type(os.time()), math.type(os.clock()))
print("date", os.date("!%Y-%m-%d %H:%M:%S %A %j", 86400 * 365))
print("time of a table", os.time({year = 2020, month = 3, day = 1, hour = 0}) - os.time({year = 2020, month = 2, day = 28, hour = 0}))
local t = os.date("*t", os.time({year = 2021, month = 14, day = 1}))
print("normalised", t.year, t.month, t.day, t.hour)
print("difftime", os.difftime(10, 4))
print(pcall(os.getenv))
print(pcall(os.exit, "x"))
print(pcall(os.remove))
print("tmpname", type(os.tmpname()))
