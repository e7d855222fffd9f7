local config = { limits = { max = 10 } }
print(config.limits.max * 2)
print(config.limits.min * 2)
