-- string.gsub with table and function replacements, each call made twice (a
-- compiled pattern is reused from then on): the second must match the first
local function twice(...)
  local a = table.pack(pcall(string.gsub, ...))
  local b = table.pack(pcall(string.gsub, ...))
  local out = {}
  for i = 1, a.n do out[#out + 1] = tostring(a[i]) end
  for i = 1, b.n do
    if tostring(b[i]) ~= tostring(a[i]) then out[#out + 1] = "DIFFERS" end
  end
  print(table.concat(out, " | "))
end

local ESC = { ['"'] = '\\"', ['\\'] = '\\\\', ['\n'] = '\\n', ['\t'] = '\\t' }
local text = 'said "hi"\n\tback\\slash 12'
twice(text, '["\\\n\t]', ESC)
twice("user12", '["\\\n\t]', ESC)
twice("", '["\\\n\t]', ESC)
twice('""""', '["\\\n\t]', ESC)

-- values that are not strings
local MIXED = { a = "A", b = false, c = 42, d = 1.5, e = {}, f = print }
twice("abc", "%a", MIXED)
twice("xaxbxcx", "%a", MIXED)
twice("ad", "%a", MIXED)
twice("ae", "%a", MIXED)
twice("af", "%a", MIXED)
twice("zzz", "%a", MIXED)

-- keys from captures: the first capture, a position capture
twice("k1=v1, k2=v2", "(%w+)=(%w+)", { k1 = "ONE", k2 = "TWO" })
twice("k1=v1, k2=v2", "()=", { [3] = ":", [9] = "::" })
twice("hello world", "(o)", { o = "0" })

-- a replacement table with __index
local proxy = setmetatable({}, { __index = function(_, k) return "<" .. k .. ">" end })
twice("one two", "%a+", proxy)
local inherit = setmetatable({ x = "X" }, { __index = { y = "Y" } })
twice("xyz", "%a", inherit)

-- functions
twice("abc", "%a", string.upper)
twice("abc", "%a", function(c) return c == "b" and "B" or nil end)
twice("abc", "%a", function(c) return c == "b" end)
twice("abc", "%a", function() end)
twice("abc", "%a", function(c) return 7 end)
twice("abc", "%a", function(c) return {} end)
twice("abc", "%a", function(c) return "x", "y" end)
twice("k=v; a=b", "(%w)=(%w)", function(k, v) return v .. "=" .. k end)
twice("abc", "%a", function(c) error("boom " .. c) end)
local seen = {}
twice("a1b2", "%d", function(d) seen[#seen + 1] = d end)
print(table.concat(seen, ","))

-- patterns on other paths: anchored, empty matches, start of runs, ".-x",
-- a limit on the number of replacements
twice("aaa bbb", "^%a+", { aaa = "A" })
twice("abc", "%a*", { abc = "X" })
twice("abc", ".-", { [""] = "-" })
twice("  a  b", "%s+", { [" "] = "_", ["  "] = "__" })
twice("(a)(bc)", "%((.-)%)", { a = "1", bc = "2" })
twice("aaaa", "a", { a = "b" }, 2)
twice("aaaa", "a", { a = "b" }, 0)
twice("aaaa", "a", { a = "b" }, -1)
twice("aaaa", "a", { a = "b" }, nil)
twice(123, "%d", { ["2"] = "two" })
twice("abc", 1, { })
twice("abc", "%a")
twice("abc", "%a", 5)
twice("abc", "%a", true)
twice("abc", "[a", { })
twice("abc", "%", { })

-- many matches and long results (the charges are made in steps)
local long = string.rep("ab\n", 3000)
local r, n = string.gsub(long, "\n", ESC)
print(#r, n, r:sub(1, 12))
r, n = string.gsub(long, "%a", { a = string.rep("x", 20) })
print(#r, n)
r, n = string.gsub(long, "%a", function(c) return c:upper() end)
print(#r, n, r:sub(-7))
