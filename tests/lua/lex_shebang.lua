#!/usr/bin/lua
-- the first line is skipped by the loader
print("shebang ok")
local function where() return debug and 1 or 1 end
print(select("#", ...))
error("line numbers count the shebang line")
