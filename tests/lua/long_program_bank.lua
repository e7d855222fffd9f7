-- a longer program: accounts with validation, errors and a transaction log
local Account = {}
Account.__index = Account
Account.__tostring = function(a) return a.owner .. ":" .. a.balance end
local next_id = 0
function Account.new(owner, balance)
  if type(owner) ~= "string" then error("owner must be a string", 2) end
  next_id = next_id + 1
  return setmetatable({ id = next_id, owner = owner, balance = balance or 0, log = {} }, Account)
end
function Account:deposit(n)
  if n <= 0 then error({ code = "EAMOUNT", amount = n }) end
  self.balance = self.balance + n
  self.log[#self.log + 1] = "+" .. n
end
function Account:withdraw(n)
  if n > self.balance then error("insufficient funds in account " .. self.id, 2) end
  self.balance = self.balance - n
  self.log[#self.log + 1] = "-" .. n
end
local function transfer(from, to, n)
  local ok, err = pcall(from.withdraw, from, n)
  if not ok then return false, err end
  to:deposit(n)
  return true
end
local a, b = Account.new("ann", 100), Account.new("bob")
a:deposit(50)
print(a, b)
print(transfer(a, b, 120))
print(transfer(a, b, 100))
print(a, b, table.concat(a.log, " "), table.concat(b.log, " "))
local ok, e = pcall(a.deposit, a, -5)
print(ok, e.code, e.amount)
print(pcall(Account.new, 42))
print(select(2, pcall(function() return Account.new(nil) end)))            -- tail call: no caller line
print(select(2, pcall(function() local acc = Account.new(nil); return acc end)))
local total = 0
for _, acc in ipairs({ a, b }) do total = total + acc.balance end
print("total", total)
