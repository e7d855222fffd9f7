print(tonumber("+1Z", 36), tonumber("1Z", 36), tonumber("-ff", 16), tonumber("zz", 36), tonumber("7fffffffffffffff", 16))
print(tonumber("ffffffffffffffff", 16), tonumber("10000000000000000", 16), tonumber("1_0", 10), tonumber("", 10), tonumber(" 11 ", 2))
print(tonumber("12", 2), tonumber("- 1", 10), tonumber("-", 10), tonumber(string.rep("9", 3000), 10), tonumber(string.rep("z", 700), 36))
print(tonumber("0x10", 16), tonumber("1e1", 10), tonumber("AbC", 16), tonumber("\t-7\n", 8), tonumber("8", 8))
