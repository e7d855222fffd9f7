"""method_calls: method calls on class instances, with a subclass."""

N = 20000


class Account:
    def __init__(self, balance):
        self.balance = balance
        self.ops = 0

    def deposit(self, v):
        self.balance += v
        self.ops += 1

    def withdraw(self, v):
        if v <= self.balance:
            self.balance -= v
            self.ops += 1
            return True
        return False

    def get_balance(self):
        return self.balance


class Savings(Account):
    def __init__(self, balance, rate):
        super().__init__(balance)
        self.rate = rate

    def accrue(self):
        self.deposit(self.balance % self.rate + 1)


def run(n):
    accounts = []
    for i in range(1, 9):
        if i % 2 == 0:
            accounts.append(Savings(i * 100, i + 3))
        else:
            accounts.append(Account(i * 50))
    failed = 0
    for step in range(1, n + 1):
        for i, a in enumerate(accounts, 1):
            a.deposit(step % 13)
            if not a.withdraw(step % 17 + i):
                failed += 1
            if a.get_balance() > 10000:
                a.withdraw(5000)
        accounts[1].accrue()
        accounts[3].accrue()
    total = failed
    for a in accounts:
        total += a.get_balance() + a.ops
    return total
