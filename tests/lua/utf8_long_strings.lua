-- utf8.codepoint, utf8.len and utf8.offset on strings longer than the
-- pieces mani works in (64 KiB): characters that straddle a piece,
-- invalid bytes past the first piece, continuation bytes at either end.
local euro, emoji = "\u{20AC}", "\u{1F600}"
local long = string.rep("a" .. euro .. emoji, 20000)  -- 160,000 bytes
print(#long, utf8.len(long))

-- codepoint over the whole string and over slices that end mid-character
local cps = {utf8.codepoint(long, 1, -1)}
print(#cps, cps[1], cps[2], cps[3], cps[#cps])
for _, e in ipairs({65535, 65536, 65537, 131071, 131072, 131073}) do
  local r = {utf8.codepoint(long, 65530, e)}
  print(e, #r, r[#r])
end
print(select("#", utf8.codepoint(long, 2, 65540)))
print(pcall(utf8.codepoint, long, 3, 65540))  -- starts inside a character
local bad = string.rep("x", 70000) .. "\xff" .. "y"
print(pcall(utf8.codepoint, bad, 1, -1))
print(select("#", utf8.codepoint(bad .. "", 1, 70000)))
print(utf8.codepoint(string.rep("\u{7FF}", 40000) .. "\u{D800}", 1, -1, true) ~= nil)
print(pcall(utf8.codepoint, string.rep("\u{7FF}", 40000) .. "\u{D800}", 1, -1))
print(pcall(utf8.codepoint, string.rep("z", 1000001), 1, -1))

-- offset forward and back, across pieces, to the end and past it
for _, n in ipairs({1, 2, 3, 21845, 21846, 40000, 59999, 60000, 60001, 60002}) do
  print("fwd", n, utf8.offset(long, n), utf8.offset(long, n, 5))
end
for _, n in ipairs({-1, -2, -3, -21845, -40000, -59999, -60000, -60001}) do
  print("back", n, utf8.offset(long, n), utf8.offset(long, n, 100001))
end
print(utf8.offset(long, 0, 65536), utf8.offset(long, 0, 3))
print(pcall(utf8.offset, long, 1, 4))
-- a string that starts with continuation bytes: the start counts as a move
local odd = "\x80\x80" .. string.rep("b", 70000)
print(utf8.offset(odd, -70000), utf8.offset(odd, -70001), utf8.offset(odd, -70002))
print(utf8.offset(odd, 70000, 3), utf8.offset(odd, 69999, 3), utf8.offset(odd, 70001, 3))
local ascii = string.rep("q", 200000)
print(utf8.offset(ascii, 200000), utf8.offset(ascii, 200001), utf8.offset(ascii, 200002))
print(utf8.offset(ascii, -200000), utf8.offset(ascii, -200001))
