-- Blocks nested more deeply than CPython allows in one function (100
-- levels of indentation, 20 loops): mani moves the deep part into local
-- functions. Everything a block can do must still work across that line:
-- locals of the enclosing code, break, goto, return, <close>, errors.

local function nest(open, close, n, inner)
  return string.rep(open, n) .. inner .. " " .. string.rep(close, n)
end

local function run(name, src, ...)
  local f, err = load(src, "=" .. name)
  if not f then
    print(name, "load error", err)
    return
  end
  print(name, pcall(f, ...))
end

-- 40 nested loops; the innermost updates a local declared outside all of them
run("loops", "local n = 0 " .. nest("for i = 1, 2 do ", "end ", 10, nest("for j = 1, 1 do ", "end ", 30, "n = n + 1")) .. " return n")

-- while and repeat, 60 deep, counting down a shared counter
run("while", "local k = 0 " .. nest("while k < 1000 do ", "k = k + 1 end ", 60, "k = k + 1") .. " return k")
run("repeat", "local k = 0 " .. nest("repeat ", "k = k + 1 until k > 500 ", 60, "k = k + 1") .. " return k")

-- 150 nested ifs and dos, with locals declared at every level
run("ifs", "local x = ... " .. nest("if x then local y = x ", "end ", 150, "x = y + 1") .. " return x", 41)
run("dos", nest("do local a = 1 ", "end ", 180, "a = a + 1 return a"))

-- return from deep inside: several values, none, a tail call
run("return_many", nest("for i = 1, 1 do ", "end ", 30, "return 1, 2, 3") .. " return 'not reached'")
run("return_none", "local t = {} " .. nest("for i = 1, 1 do ", "end ", 30, "do return end") .. " return 'not reached'")
run("return_call", "local function f(a, b) return b, a end " .. nest("if true then ", "end ", 120, "return f(1, 2)"))
run("return_vararg", nest("for i = 1, 1 do ", "end ", 25, "return ...") .. " return 0", "a", nil, "c")

-- break out of the loop the deep part is in; break out of a deep loop only
run("break_outer", "local n = 0 for i = 1, 10 do " .. nest("if i > 0 then ", "end ", 120, "n = n + i if i == 4 then break end") .. " end return n")
run("break_inner", "local n = 0 " .. nest("for i = 1, 1 do ", "n = n + 1 end ", 20, "for j = 1, 3 do n = n + 100 break end") .. " return n")

-- goto across the outlined part: continue-style, backward, forward
run("goto_continue", "local s = '' for i = 1, 5 do " .. nest("if true then ", "end ", 120, "if i % 2 == 0 then goto continue end s = s .. i") .. " ::continue:: end return s")
run("goto_back", "local n = 0 ::top:: n = n + 1 " .. nest("do ", "end ", 150, "if n < 5 then goto top end") .. " return n")
run("goto_forward", "local n = 0 " .. nest("for i = 1, 1 do ", "end ", 30, "n = 7 goto done") .. " n = -1 ::done:: return n")

-- closures made deep inside capture per-iteration locals and outer locals
run("closures", [[
  local fs, base = {}, 10
  ]] .. nest("for i = 1, 1 do ", "end ", 30, "for j = 1, 3 do fs[#fs + 1] = function() base = base + 1 return j + base end end") .. [[
  local out = {}
  for _, f in ipairs(fs) do out[#out + 1] = f() end
  return table.concat(out, " "), base]])

-- to-be-closed variables nested deeply, in order, also on error
run("close_nested", [[
  local log = {}
  local function closer(name) return setmetatable({}, {__close = function(_, e) log[#log + 1] = name .. (e and "!" or "") end}) end
  local ok, err = pcall(function()
  ]] .. nest("do local c <close> = closer('c') ", "end ", 25, "error('boom')") .. [[
  end)
  return ok, err, #log, log[1], log[25]
]])
run("close_flat", [[
  local log = {}
  local function closer(name) return setmetatable({}, {__close = function() log[#log + 1] = name end}) end
  do
  ]] .. string.rep("local c <close> = closer(#log) ", 30) .. [[
  end
  return #log]])
run("close_repeat", "local n = 0 " .. nest("for i = 1, 1 do ", "end ", 20,
  "repeat local c <close> = setmetatable({}, {__close = function() n = n + 1 end}) until n >= 3") .. " return n")

-- errors raised deep inside report the line; error levels skip nothing
run("error_line", "local t = nil\n" .. nest("if true then\n", "end\n", 120, "return t.x\n"))
run("error_level", "local function f() error('lvl2', 2) end\n" .. nest("while true do\n", "end\n", 30, "f()\n"))
run("error_arith", "local s = {}\n" .. nest("for i = 1, 1 do\n", "end\n", 30, "local x = s + 1\n"))

-- elseif chains whose conditions need statements first
run("elseif_chain", "local x = 150 if x == 0 then return 0 " ..
  (function()
    local parts = {}
    for i = 1, 200 do parts[#parts + 1] = "elseif (function() return x end)() == " .. i .. " then return " .. i .. " " end
    return table.concat(parts)
  end)() .. "end return -1")
