-- method_calls: method calls on metatable-based objects with __index class
-- tables, including a two-level inheritance chain.
local Account = {}
Account.__index = Account

function Account.new(balance)
  return setmetatable({ balance = balance, ops = 0 }, Account)
end

function Account:deposit(v)
  self.balance = self.balance + v
  self.ops = self.ops + 1
end

function Account:withdraw(v)
  if v <= self.balance then
    self.balance = self.balance - v
    self.ops = self.ops + 1
    return true
  end
  return false
end

function Account:get_balance()
  return self.balance
end

local Savings = setmetatable({}, { __index = Account })
Savings.__index = Savings

function Savings.new(balance, rate)
  local o = Account.new(balance)
  o.rate = rate
  return setmetatable(o, Savings)
end

function Savings:accrue()
  self:deposit(self.balance % self.rate + 1)
end

function run(n)
  local accounts = {}
  for i = 1, 8 do
    if i % 2 == 0 then
      accounts[i] = Savings.new(i * 100, i + 3)
    else
      accounts[i] = Account.new(i * 50)
    end
  end
  local failed = 0
  for step = 1, n do
    for i = 1, 8 do
      local a = accounts[i]
      a:deposit(step % 13)
      if not a:withdraw(step % 17 + i) then
        failed = failed + 1
      end
      if a:get_balance() > 10000 then
        a:withdraw(5000)
      end
    end
    accounts[2]:accrue()
    accounts[4]:accrue()
  end
  local total = failed
  for i = 1, 8 do
    local a = accounts[i]
    total = total + a:get_balance() + a.ops
  end
  return total
end
