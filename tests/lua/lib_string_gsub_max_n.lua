-- gsub's fourth argument: at most n replacements; zero or negative: none
for _, n in ipairs({-2, -1, 0, 1, 2, 5}) do
  print("literal", n, string.gsub("abcabcb", "b", "x", n))
  print("class", n, string.gsub("abcabcb", "%a", "x", n))
  print("capture", n, string.gsub("abcabcb", "(b)", "<%1>", n))
  print("function", n, string.gsub("abcabcb", "b", function(s) return s:upper() end, n))
  print("empty match", n, string.gsub("abc", "", "-", n))
end
print("float count", string.gsub("aaa", "a", "b", 2.0))
print(pcall(string.gsub, "aaa", "a", "b", 1.5))
