-- bitwise precedence: comparison < | < ~ < & < shift < .. < additive
print(1 | 2 & 3)       -- 1 | (2 & 3) = 3
print((1 | 2) & 3)
print(5 ~ 3 & 1)       -- 5 ~ (3 & 1) = 4
print(5 ~ 3 | 8)       -- (5 ~ 3) | 8 = 14
print(1 << 2 + 1)      -- 1 << 3 = 8
print(1 << 2 | 1)      -- (1 << 2) | 1 = 5
print(256 >> 2 >> 1)   -- left assoc: 32
print(1 << 1 << 2)     -- 8
print(6 & 3 == 2)      -- (6 & 3) == 2
print(~0 == -1, ~5 & 0xF)
print(- ~1, ~ -1)
print(3 | 4 ~ 1 & 7)   -- 3 | (4 ~ (1 & 7)) = 7
print(pcall(function() return "1" .. 2 << 1 end))  -- ("1" .. 2) << 1: strings are not coerced for bitwise ops
print(2 ^ 2 | 1)       -- 4.0 | 1 = 5
print(1 | 2 < 4)
print(0xF0 >> 4 & 0x3)
