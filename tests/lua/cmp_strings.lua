-- string comparison is byte-wise
print("a" < "b", "b" < "a", "a" < "a", "a" <= "a")
print("Z" < "a", "" < "a", "a" < "aa", "ab" < "b")
print("10" < "9", "10" < "10.0", "abc" > "abb")
print("\0" < "\1", "a\0b" < "a\0c", "a\0" > "a")
print("A" < "a", "a" >= "A", "abc" == "abc", "abc" ~= "abd")
local words = { "pear", "Apple", "apple", "banana", "", "a", "Banana" }
table.sort(words)
print(table.concat(words, ","))
print("\xff" > "\x7f", "\x80" > "a")
