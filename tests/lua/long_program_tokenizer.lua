-- a longer program: tokenize and evaluate arithmetic expressions
local function tokenize(s)
  local tokens, i = {}, 1
  while i <= #s do
    local c = string.sub(s, i, i)
    if c == " " then
      i = i + 1
    elseif string.byte(c) >= 48 and string.byte(c) <= 57 then
      local j = i
      while j <= #s and string.byte(s, j) >= 48 and string.byte(s, j) <= 57 do j = j + 1 end
      tokens[#tokens + 1] = { kind = "num", value = tonumber(string.sub(s, i, j - 1)) }
      i = j
    else
      tokens[#tokens + 1] = { kind = "op", value = c }
      i = i + 1
    end
  end
  return tokens
end
local function parse(tokens)
  local pos = 1
  local expr
  local function peek() return tokens[pos] end
  local function take() pos = pos + 1; return tokens[pos - 1] end
  local function atom()
    local t = take()
    if not t then error("unexpected end", 0) end
    if t.kind == "num" then return t.value end
    if t.value == "(" then
      local v = expr()
      local close = take()
      if not close or close.value ~= ")" then error("expected )", 0) end
      return v
    end
    if t.value == "-" then return -atom() end
    error("unexpected " .. t.value, 0)
  end
  local function term()
    local v = atom()
    while peek() and (peek().value == "*" or peek().value == "/" or peek().value == "%") do
      local op = take().value
      local r = atom()
      if op == "*" then v = v * r elseif op == "/" then v = v // r else v = v % r end
    end
    return v
  end
  function expr()
    local v = term()
    while peek() and (peek().value == "+" or peek().value == "-") do
      local op = take().value
      local r = term()
      if op == "+" then v = v + r else v = v - r end
    end
    return v
  end
  local v = expr()
  if pos <= #tokens then error("trailing input", 0) end
  return v
end
for _, src in ipairs({ "1 + 2 * 3", "(1 + 2) * 3", "100 / 7", "100 % 7", "-3 * -(2 + 1)",
  "2 * (3 + (4 - 1)) * 2", "1 +", "(1 + 2", "5 / 0", "9223372036854775807 + 1" }) do
  print(src, pcall(parse, tokenize(src)))
end
