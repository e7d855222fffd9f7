-- utf8.len over strings longer than the piece it checks at a time (64 KiB),
-- with characters cut by piece boundaries, invalid bytes and lax mode
local euro = "\u{20AC}"
local s = string.rep("ab" .. euro, 30000)          -- 150,000 bytes
print(utf8.len(s), #s)
print(utf8.len(s, 2), utf8.len(s, 3), utf8.len(s, 65535), utf8.len(s, 65536, 65540))
print(utf8.len(s, 1, 65536), utf8.len(s, 1, 65537), utf8.len(s, 65536))
local bad = string.rep("x", 70000) .. "\xff" .. string.rep("y", 10)
print(utf8.len(bad))
local cut = string.rep(euro, 40000) .. "\xe2\x82"  -- a truncated character at the end
print(utf8.len(cut))
local sur = string.rep("a", 66000) .. "\u{D800}" .. "b"
print(utf8.len(sur), utf8.len(sur, 1, -1, true))
local big = string.rep("a", 65534) .. "\u{10FFFF}" .. string.rep("\u{7FF}", 5000)
print(utf8.len(big), utf8.len(big, 65535), utf8.len(big, 65536), utf8.len(big, -3))
print(pcall(utf8.len, s, 65537))
