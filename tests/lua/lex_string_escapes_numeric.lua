-- \xXX, \ddd and \u{XXXX} escapes
local function codes(s)
  local t = {}
  for i = 1, #s do t[#t + 1] = string.byte(s, i) end
  return table.concat(t, " ")
end
print("\x41\x42\x43", "\x61\x62")
print(codes("\x00\x7f\x80\xff\xFf"))
print("\65\066\0671", codes("\255\0\1"))
print("\49\50\51", "\0490")
print(codes("\u{41}"), "\u{48}\u{49}")
print(codes("\u{7F}"), codes("\u{80}"), codes("\u{7FF}"), codes("\u{800}"))
print(codes("\u{FFFF}"), codes("\u{10000}"), codes("\u{10FFFF}"))
print(codes("\u{7FFFFFFF}"))
print("\u{48}\u{65}\u{6C}\u{6c}\u{6F}")
print(#"\u{20AC}", "\u{20AC}" == "\xE2\x82\xAC")
print(codes("\u{0000041}"))
