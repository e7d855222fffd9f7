-- Float loops with a NaN start or limit run once (the first test is "not
-- past the limit"); argument errors come in reference Lua's order.
for i = 0/0, 5 do print("a", i ~= i) end
for i = 1.0, 0/0 do print("c", i) end
for i = 1, 0/0 do print("d", i) end
for i = 5.0, 0/0, -1 do print("e", i) end
for i = 0/0, 0/0, -0.5 do print("f", i ~= i) end
for i = 1.0, 3 do print("g", i) end
for i = 3.0, 1 do print("h", i) end
print(pcall(function() for i = "", 2, "abc" do end end))
print(pcall(function() for i = "1", 2 do print(i) end end))
print(pcall(function() for i = 1, "2" do print(i) end end))
print(pcall(function() for i = 1.0, 2, {} do print(i) end end))
print(pcall(function() for i = {}, {} do end end))
print(pcall(function() for i = {}, 1, {} do end end))
print(pcall(function() for i = 1, {}, 0 do end end))
print(pcall(function() for i = 1, 2, 0 do end end))
print(pcall(function() for i = {}, 2, 0 do end end))
