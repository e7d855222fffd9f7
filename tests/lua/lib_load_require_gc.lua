-- lib_load_require_gc: library behaviour compared with reference Lua 5.4
print(collectgarbage("step"), collectgarbage("isrunning"), collectgarbage("incremental"), collectgarbage("generational"), collectgarbage("incremental"))
print(collectgarbage())
print(collectgarbage("collect"))
print(pcall(collectgarbage, "foo"))
print(pcall(function() collectgarbage("bar") end))
print(collectgarbage("setpause", 100), collectgarbage("setpause", 200))
print(collectgarbage("setstepmul", 300), collectgarbage("setstepmul", 100))
print(collectgarbage("stop"), collectgarbage("isrunning"), collectgarbage("restart"), collectgarbage("isrunning"))
print(type(collectgarbage("count")), math.type(collectgarbage("count")))
print(pcall(collectgarbage, 1))
print(pcall(collectgarbage, {}))
package.preload.mymod = function(name, data) print("loading", name, data) return {value = 42} end
local m, d = require("mymod")
print(m.value, d)
print(require("mymod") == m, package.loaded.mymod == m)
package.preload.nothing = function() end
print(require("nothing"), package.loaded.nothing)
package.preload.falsy = function() return false end
print(require("falsy"))
print(package.loaded.falsy)
print(require("string") == string, require("table") == table, require("_G") == _G, require("math") == math, require("coroutine") == coroutine, require("utf8") == utf8)
print(package.loaded.package == package)
package.loaded.pre = "already"
print(require("pre"))
print(pcall(require))
print(pcall(function() require({}) end))
package.preload.err = function() error("module failed") end
print(pcall(require, "err"))
local saved = package.searchers
package.searchers = nil
print(pcall(require, "zzz"))
package.searchers = {function(n) return "\n\tcustom miss " .. n end, function(n) return nil end, function(n) return 42 end}
print(pcall(require, "zzz"))
package.searchers = {function(n) return function(a, b) return "via custom " .. a .. " " .. tostring(b) end, "extra" end}
print(require("custom"))
package.searchers = saved
print(type(package.path), type(package.config))
