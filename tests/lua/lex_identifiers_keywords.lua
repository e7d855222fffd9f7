-- identifiers, case sensitivity, names close to keywords
local And, OR, Nil, _end, end_, nil_ = 1, 2, 3, 4, 5, 6
print(And, OR, Nil, _end, end_, nil_)
local _ = "underscore"
local __ = "double"
local _1, a1b2, ABC, abc = 7, 8, 9, 10
print(_, __, _1, a1b2, ABC, abc)
local t = {}
t["end"] = "kw key"
t["nil"] = "nil key"
print(t["end"], t["nil"])
local r = { ["function"] = 1, ["local"] = 2 }
print(r["function"] + r["local"])
local returned = 1; local iff = 2; local whilee = 3
print(returned, iff, whilee)
local goto_ = "g"
print(goto_)
