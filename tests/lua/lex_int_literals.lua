-- decimal and hexadecimal integer literals
print(0, 1, 42, 007, 1000000)
print(0x0, 0xff, 0XFF, 0xDeadBeef, 0x7fffffffffffffff)
print(0x10 + 0x01, 0xa * 2)
print(9223372036854775807)
print(9223372036854775807 == math.maxinteger)
print(-9223372036854775807 - 1 == math.mininteger)
-- a decimal literal that does not fit becomes a float
print(9223372036854775808)
print(-9223372036854775808)
print(18446744073709551616)
print(123456789012345678901234567890)
-- hexadecimal literals wrap around modulo 2^64
print(0xffffffffffffffff)
print(0xffffffffffffffff == -1)
print(0x8000000000000000 == math.mininteger)
print(0x10000000000000000)
print(0x1ffffffffffffffff)
-- leading zeros are fine
print(00012, 0x0000000010)
