-- an uncaught error whose value is a number
print("raising a number")
error(404)
