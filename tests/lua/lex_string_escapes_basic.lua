-- single-character escapes, checked via their byte codes
local function codes(s)
  local t = {}
  for i = 1, #s do t[#t + 1] = string.byte(s, i) end
  return table.concat(t, " ")
end
print(codes("\a\b\f\n\r\t\v"))
print(codes("\\"), codes("\""), codes("\'"))
print("quote: \" and apostrophe: \' and backslash: \\")
print('single "double" inside', "double 'single' inside")
print("tab:[\t] end")
print("line1\nline2")
print(#"\n", #"\\n", #"")
print("a\0b" == "a\0b", #"a\0b", codes("a\0b"))
print(codes('\65\066\0671'))
