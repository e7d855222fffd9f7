-- text_patterns: Lua patterns over generated text (gmatch, gsub, find, match).
local WORDS = {
  "alpha", "beta", "gamma", "delta", "lorem", "ipsum", "dolor", "sit", "amet",
  "x", "key", "value", "mani", "lua", "python", "pattern",
}

local function make_text(lines)
  local out = {}
  local seed = 7
  for i = 1, lines do
    local parts = {}
    for j = 1, 12 do
      seed = seed * 16807 % 2147483647
      local w = WORDS[seed % #WORDS + 1]
      if seed % 5 == 0 then
        parts[#parts + 1] = w .. "=" .. (seed % 1000)
      else
        parts[#parts + 1] = w
      end
    end
    out[#out + 1] = "line " .. i .. ": " .. table.concat(parts, " ") .. "."
  end
  return table.concat(out, "\n")
end

function run(n)
  local text = make_text(n)

  -- count words
  local words = 0
  for _ in string.gmatch(text, "%a+") do
    words = words + 1
  end

  -- sum key=value numbers with captures
  local kvsum = 0
  for k, v in string.gmatch(text, "(%a+)=(%d+)") do
    kvsum = kvsum + #k * tonumber(v)
  end

  -- substitute with a function and a replacement string
  local replaced, nrep = string.gsub(text, "%d+", function(d)
    return "<" .. (#d) .. ">"
  end)
  local swapped, nswap = string.gsub(replaced, "(%a+)=(%S+)", "%2:%1")

  -- plain and pattern find in a loop
  local found, pos = 0, 1
  while true do
    local s, e = string.find(text, "mani", pos, true)
    if not s then
      break
    end
    found = found + 1
    pos = e + 1
  end
  local first_line = string.match(text, "^line (%d+): (%a+)")
  local upper = string.upper(string.sub(swapped, 1, 40))

  return words .. ":" .. kvsum .. ":" .. nrep .. ":" .. nswap .. ":" .. found .. ":"
    .. #swapped .. ":" .. first_line .. ":" .. upper
end
