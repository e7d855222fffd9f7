print("before")
error("no position here", 0)
