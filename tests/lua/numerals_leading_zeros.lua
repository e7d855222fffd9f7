-- Decimal integer numerals and numeric strings are integers when their
-- value fits in 64 bits, however many leading zeros they have.
print(00000000000000000000001, 09223372036854775807, 0000000000000000000000)
print(math.type(00000000000000000000001), math.type(09223372036854775808))
print(math.type(tonumber("09223372036854775807")), tonumber("09223372036854775807"))
print(math.type(tonumber("00000000000000000000001")), math.type("00000000000000000000001" + 0))
print(math.type(tonumber("-09223372036854775808")), "-09223372036854775808" + 0)
print(math.type(tonumber("-09223372036854775809")), tonumber("+000000000000000000000042"))
print(math.tointeger("0009223372036854775807"), math.tointeger("00000000000000000000012"))
print(("0009" .. "") // 2, "9223372036854775807" * 2, "9223372036854775808" + 0)
print(("0" .. math.maxinteger) * math.maxinteger)
print(tonumber("-0"), math.type(tonumber("-0")), tonumber(" 0012 "))
print(tonumber(string.rep("0", 5000) .. "7"), math.type(tonumber(string.rep("0", 5000) .. "7")))
print(tonumber(string.rep("9", 400)))
