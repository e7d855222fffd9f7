-- mani: allow io require
-- require, package.searchpath, loadfile and dofile of Lua files on disk
local function clean(s) return (s:gsub(TMPDIR:gsub("%p", "%%%0"), "TMP/")) end
local function write(name, text)
  local f = assert(io.open(TMPDIR .. name, "w"))
  f:write(text)
  f:close()
end
write("mod.lua", "local n, fn = ... return {name = n, file = fn and fn:sub(-7)}")
write("bad.lua", "return +")
write("err.lua", "error('boom')")
write("nothing.lua", "x_loaded = (x_loaded or 0) + 1")
package.path = TMPDIR .. "?.lua;" .. TMPDIR .. "?/init.lua"
package.cpath = ""
package.searchers[3] = nil
package.searchers[4] = nil
print("path is a string", type(package.path))
local m, extra = require("mod")
print("require", m.name, m.file, clean(extra))
print("cached", require("mod") == m, package.loaded.mod == m)
print("true for no result", require("nothing"), x_loaded, require("nothing"), x_loaded)
local ok, e = pcall(require, "nomod")
print(ok, clean(e))
ok, e = pcall(require, "bad")
print(ok, clean(e))
ok, e = pcall(require, "err")
print(ok, clean(e))
print("searchpath", package.searchpath("x.y", "a/?.lua;b/?.z"))
print("searchpath sep", package.searchpath("x.y", "a/?.lua", ".", "_"))
print("found", clean(package.searchpath("mod", package.path)))
print("empty path", package.searchpath("x", ""))
print("preload first", pcall(function() package.preload.mod2 = function(...) return select("#", ...) end return require("mod2") end))
local r = table.pack(loadfile(TMPDIR .. "none.lua"))
print("loadfile missing", r.n, r[1], clean(r[2]))
print("loadfile", loadfile(TMPDIR .. "mod.lua")("A", "B.......").name)
r = table.pack(loadfile(TMPDIR .. "bad.lua"))
print("loadfile bad", r.n, r[1], clean(r[2]))
print("loadfile env", type(loadfile(TMPDIR .. "nothing.lua", "t", {})))
print("dofile", dofile(TMPDIR .. "mod.lua").file)
ok, e = pcall(dofile, TMPDIR .. "err.lua")
print("dofile error", ok, clean(e))
ok, e = pcall(dofile, TMPDIR .. "none.lua")
print("dofile missing", ok, clean(e))
package.path = 5
print(pcall(require, "zz"))
package.path = {}
print(pcall(require, "zz"))
