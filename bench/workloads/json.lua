-- json: a small JSON encoder/decoder written in Lua (objects are encoded with
-- sorted keys so the output is deterministic). Numbers are integers only.
local ESCAPES = { ['"'] = '\\"', ['\\'] = '\\\\', ['\n'] = '\\n', ['\t'] = '\\t' }
local UNESCAPES = { ['"'] = '"', ['\\'] = '\\', ['/'] = '/', n = '\n', t = '\t' }

local function encode_string(s)
  return '"' .. (string.gsub(s, '["\\\n\t]', ESCAPES)) .. '"'
end

local function encode_value(v, out)
  local t = type(v)
  if t == "table" then
    if v[1] ~= nil or next(v) == nil then
      out[#out + 1] = "["
      for i = 1, #v do
        if i > 1 then
          out[#out + 1] = ","
        end
        encode_value(v[i], out)
      end
      out[#out + 1] = "]"
    else
      local keys = {}
      for k in pairs(v) do
        keys[#keys + 1] = k
      end
      table.sort(keys)
      out[#out + 1] = "{"
      for i, k in ipairs(keys) do
        if i > 1 then
          out[#out + 1] = ","
        end
        out[#out + 1] = encode_string(k)
        out[#out + 1] = ":"
        encode_value(v[k], out)
      end
      out[#out + 1] = "}"
    end
  elseif t == "string" then
    out[#out + 1] = encode_string(v)
  elseif t == "number" then
    out[#out + 1] = tostring(v)
  elseif t == "boolean" then
    out[#out + 1] = v and "true" or "false"
  else
    error("cannot encode " .. t)
  end
end

local function encode(v)
  local out = {}
  encode_value(v, out)
  return table.concat(out)
end

local decode_value

local function skip_ws(s, i)
  local _, e = string.find(s, "^[ \t\r\n]*", i)
  return e + 1
end

local function decode_string(s, i)
  -- s:sub(i, i) == '"'
  local parts = {}
  i = i + 1
  while true do
    local j = string.find(s, '["\\]', i)
    if not j then
      error("unterminated string")
    end
    if j > i then
      parts[#parts + 1] = string.sub(s, i, j - 1)
    end
    if string.sub(s, j, j) == '"' then
      return table.concat(parts), j + 1
    end
    local esc = string.sub(s, j + 1, j + 1)
    parts[#parts + 1] = UNESCAPES[esc] or error("bad escape \\" .. esc)
    i = j + 2
  end
end

function decode_value(s, i)
  i = skip_ws(s, i)
  local c = string.sub(s, i, i)
  if c == "{" then
    local obj = {}
    i = skip_ws(s, i + 1)
    if string.sub(s, i, i) == "}" then
      return obj, i + 1
    end
    while true do
      local key
      key, i = decode_string(s, skip_ws(s, i))
      i = skip_ws(s, i)
      if string.sub(s, i, i) ~= ":" then
        error("expected ':' at " .. i)
      end
      obj[key], i = decode_value(s, i + 1)
      i = skip_ws(s, i)
      c = string.sub(s, i, i)
      if c == "}" then
        return obj, i + 1
      elseif c ~= "," then
        error("expected ',' or '}' at " .. i)
      end
      i = i + 1
    end
  elseif c == "[" then
    local arr = {}
    i = skip_ws(s, i + 1)
    if string.sub(s, i, i) == "]" then
      return arr, i + 1
    end
    while true do
      arr[#arr + 1], i = decode_value(s, i)
      i = skip_ws(s, i)
      c = string.sub(s, i, i)
      if c == "]" then
        return arr, i + 1
      elseif c ~= "," then
        error("expected ',' or ']' at " .. i)
      end
      i = i + 1
    end
  elseif c == '"' then
    return decode_string(s, i)
  elseif c == "t" and string.sub(s, i, i + 3) == "true" then
    return true, i + 4
  elseif c == "f" and string.sub(s, i, i + 4) == "false" then
    return false, i + 5
  else
    local _, e = string.find(s, "^-?%d+", i)
    if not e then
      error("unexpected character at " .. i)
    end
    return tonumber(string.sub(s, i, e)), e + 1
  end
end

local function decode(s)
  local v, i = decode_value(s, 1)
  return v
end

local function make_document(n)
  local items = {}
  for i = 1, n do
    items[i] = {
      id = i,
      name = "user" .. i,
      active = i % 3 == 0,
      score = (i * 7919) % 10007 - 5000,
      tags = { "t" .. (i % 5), "group" .. (i % 11), "x" },
      note = 'said "hi"\n\tback\\slash ' .. i,
      pos = { x = i % 17, y = i % 23, z = 0 - i % 5 },
    }
  end
  return { version = 1, kind = "bench", items = items }
end

function run(n)
  local text = encode(make_document(n))
  local doc = decode(text)
  local sum = 0
  local items = doc.items
  for i = 1, #items do
    local it = items[i]
    sum = sum + it.id + it.score + it.pos.x * it.pos.y + #it.note + #it.tags
    if it.active then
      sum = sum + 1
    end
  end
  local again = encode(doc)
  local same = again == text
  return #text .. ":" .. sum .. ":" .. tostring(same) .. ":" .. string.sub(text, 1, 80)
end
