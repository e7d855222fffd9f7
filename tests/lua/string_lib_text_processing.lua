-- typical text processing: split, trim, word counts, CSV, templates, escapes
local function split(s, sep)
  local out = {}
  for piece in (s .. sep):gmatch("(.-)" .. sep:gsub("%p", "%%%0")) do out[#out + 1] = piece end
  return out
end
print(table.concat(split("a,b,,c", ","), "|"), #split("", ","), table.concat(split("x--y--z", "--"), "|"))
local function trim(s) return (s:gsub("^%s+", ""):gsub("%s+$", "")) end
print("[" .. trim("  \t hello world \n ") .. "]", "[" .. trim("") .. "]", "[" .. trim("   ") .. "]")
local text = [[
The quick brown fox jumps over the lazy dog. The dog sleeps;
the fox runs! Foxes and dogs: friends? Maybe. 42 times, 7 days.
]]
local counts = {}
for w in text:lower():gmatch("%a+") do counts[w] = (counts[w] or 0) + 1 end
local keys = {}
for k in pairs(counts) do keys[#keys + 1] = k end
table.sort(keys, function(a, b) if counts[a] ~= counts[b] then return counts[a] > counts[b] end return a < b end)
for i = 1, 6 do print(keys[i], counts[keys[i]]) end
local nums = {}
for n in text:gmatch("%d+") do nums[#nums + 1] = tonumber(n) end
print(#nums, nums[1] + nums[2])
print(text:gsub("%f[%a]%a", string.upper):sub(1, 40))
print(select(2, text:gsub("\n", "\n")), select(2, text:gsub("%p", "")), select(2, text:gsub("%s+", " ")))
-- CSV with quoted fields
local function parse_csv_line(line)
  local res, pos = {}, 1
  while true do
    if line:sub(pos, pos) == '"' then
      local txt, i = "", pos + 1
      while true do
        local a, b = line:find('"', i, true)
        if not a then error("unmatched quote") end
        txt = txt .. line:sub(i, a - 1)
        if line:sub(b + 1, b + 1) == '"' then txt = txt .. '"'; i = b + 2 else pos = b + 1; break end
      end
      res[#res + 1] = txt
      if line:sub(pos, pos) == "," then pos = pos + 1 else break end
    else
      local s, e = line:find(",", pos, true)
      if s then res[#res + 1] = line:sub(pos, s - 1); pos = e + 1
      else res[#res + 1] = line:sub(pos); break end
    end
  end
  return res
end
local row = parse_csv_line('1,"hello, world","say ""hi""",,end')
print(#row, table.concat(row, "|"))
print(pcall(parse_csv_line, '"open'))
-- templates
local tpl = "Dear ${name}, you owe ${amount} (${missing})."
print((tpl:gsub("%${(%w+)}", {name = "Ann", amount = string.format("%.2f", 12.5)})))
-- URL encoding round trip
local function urlencode(s) return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", c:byte()) end)) end
local function urldecode(s) return (s:gsub("%%(%x%x)", function(h) return string.char(tonumber(h, 16)) end)) end
local raw = "a b&c=d/é?"
print(urlencode(raw), urldecode(urlencode(raw)) == raw)
-- hex dump
local function hexdump(s) return (s:gsub(".", function(c) return string.format("%02x ", c:byte()) end)) end
print(hexdump("Lua\0\255"))
-- camelCase <-> snake_case
print(("someVariableName"):gsub("(%l)(%u)", function(a, b) return a .. "_" .. b:lower() end))
print(("some_variable_name"):gsub("_(%l)", string.upper))
-- balanced expressions
local expr = "f(a, g(b, c), h(i(j)))"
for call in expr:gmatch("%a%b()") do print(call) end
-- line iteration with numbers
local ln = 0
for line in ("one\ntwo\n\nfour"):gmatch("([^\n]*)\n?") do ln = ln + 1; print(ln, "[" .. line .. "]") end
