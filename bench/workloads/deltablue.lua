-- deltablue: the DeltaBlue incremental constraint solver (class hierarchy via
-- metatables, polymorphic calls, ordered collections), driven by a chain test
-- and a projection test. Returns a checksum of the computed values and the
-- number of marks the planner used.

-- strengths: smaller is stronger
local REQUIRED, STRONG_PREFERRED, PREFERRED, STRONG_DEFAULT, NORMAL, WEAK_DEFAULT, WEAKEST =
  0, 1, 2, 3, 4, 5, 6

local NONE, FORWARD, BACKWARD = 0, 1, 2

local function stronger(s1, s2)
  return s1 < s2
end

local function weaker(s1, s2)
  return s1 > s2
end

local function weakest_of(s1, s2)
  if s1 > s2 then
    return s1
  end
  return s2
end

local function class(base)
  local c = {}
  c.__index = c
  if base then
    setmetatable(c, { __index = base })
  end
  return c
end

-- a FIFO queue: items in an array, `head` is the index of the next one
local function queue_new(first)
  if first == nil then
    return { head = 1, tail = 0 }
  end
  return { head = 1, tail = 1, first }
end

local function queue_push(q, v)
  q.tail = q.tail + 1
  q[q.tail] = v
end

local function queue_pop(q)
  local h = q.head
  local v = q[h]
  q[h] = nil
  q.head = h + 1
  return v
end

local function queue_empty(q)
  return q.head > q.tail
end

local planner = nil

---------------------------------------------------------------- variables
local Variable = class()

function Variable.new(name, value)
  return setmetatable({
    name = name, value = value, constraints = {}, determined_by = nil,
    mark = 0, walk_strength = WEAKEST, stay = true,
  }, Variable)
end

function Variable:add_constraint(c)
  local cs = self.constraints
  cs[#cs + 1] = c
end

function Variable:remove_constraint(c)
  -- remove c, keeping the order of the others (no table library needed)
  local cs = self.constraints
  local n = #cs
  for i = 1, n do
    if cs[i] == c then
      for j = i, n - 1 do
        cs[j] = cs[j + 1]
      end
      cs[n] = nil
      break
    end
  end
  if self.determined_by == c then
    self.determined_by = nil
  end
end

---------------------------------------------------------------- constraints
local Constraint = class()

function Constraint:add_constraint()
  self:add_to_graph()
  planner:incremental_add(self)
end

function Constraint:satisfy(mark)
  self:choose_method(mark)
  if not self:is_satisfied() then
    if self.strength == REQUIRED then
      error("could not satisfy a required constraint")
    end
    return nil
  end
  self:mark_inputs(mark)
  local out = self:output()
  local overridden = out.determined_by
  if overridden ~= nil then
    overridden:mark_unsatisfied()
  end
  out.determined_by = self
  if not planner:add_propagate(self, mark) then
    error("cycle encountered")
  end
  out.mark = mark
  return overridden
end

function Constraint:destroy_constraint()
  if self:is_satisfied() then
    planner:incremental_remove(self)
  else
    self:remove_from_graph()
  end
end

function Constraint:is_input()
  return false
end

local UnaryConstraint = class(Constraint)

function UnaryConstraint.init(self, v, strength)
  self.strength = strength
  self.my_output = v
  self.satisfied = false
  self:add_constraint()
  return self
end

function UnaryConstraint:add_to_graph()
  self.my_output:add_constraint(self)
  self.satisfied = false
end

function UnaryConstraint:choose_method(mark)
  local out = self.my_output
  self.satisfied = out.mark ~= mark and stronger(self.strength, out.walk_strength)
end

function UnaryConstraint:is_satisfied()
  return self.satisfied
end

function UnaryConstraint:mark_inputs(mark)
end

function UnaryConstraint:output()
  return self.my_output
end

function UnaryConstraint:recalculate()
  local out = self.my_output
  out.walk_strength = self.strength
  out.stay = not self:is_input()
  if out.stay then
    self:execute()
  end
end

function UnaryConstraint:mark_unsatisfied()
  self.satisfied = false
end

function UnaryConstraint:inputs_known(mark)
  return true
end

function UnaryConstraint:remove_from_graph()
  if self.my_output ~= nil then
    self.my_output:remove_constraint(self)
  end
  self.satisfied = false
end

local StayConstraint = class(UnaryConstraint)

function StayConstraint.new(v, strength)
  return UnaryConstraint.init(setmetatable({}, StayConstraint), v, strength)
end

function StayConstraint:execute()
end

local EditConstraint = class(UnaryConstraint)

function EditConstraint.new(v, strength)
  return UnaryConstraint.init(setmetatable({}, EditConstraint), v, strength)
end

function EditConstraint:is_input()
  return true
end

function EditConstraint:execute()
end

local BinaryConstraint = class(Constraint)

function BinaryConstraint.init(self, v1, v2, strength)
  self.strength = strength
  self.v1 = v1
  self.v2 = v2
  self.direction = NONE
  self:add_constraint()
  return self
end

function BinaryConstraint:choose_method(mark)
  local v1, v2 = self.v1, self.v2
  if v1.mark == mark then
    if v2.mark ~= mark and stronger(self.strength, v2.walk_strength) then
      self.direction = FORWARD
    else
      self.direction = NONE
    end
  elseif v2.mark == mark then
    if v1.mark ~= mark and stronger(self.strength, v1.walk_strength) then
      self.direction = BACKWARD
    else
      self.direction = NONE
    end
  elseif weaker(v1.walk_strength, v2.walk_strength) then
    if stronger(self.strength, v1.walk_strength) then
      self.direction = BACKWARD
    else
      self.direction = NONE
    end
  else
    if stronger(self.strength, v2.walk_strength) then
      self.direction = FORWARD
    else
      self.direction = NONE
    end
  end
end

function BinaryConstraint:add_to_graph()
  self.v1:add_constraint(self)
  self.v2:add_constraint(self)
  self.direction = NONE
end

function BinaryConstraint:is_satisfied()
  return self.direction ~= NONE
end

function BinaryConstraint:mark_inputs(mark)
  self:input().mark = mark
end

function BinaryConstraint:input()
  if self.direction == FORWARD then
    return self.v1
  end
  return self.v2
end

function BinaryConstraint:output()
  if self.direction == FORWARD then
    return self.v2
  end
  return self.v1
end

function BinaryConstraint:recalculate()
  local ihn, out = self:input(), self:output()
  out.walk_strength = weakest_of(self.strength, ihn.walk_strength)
  out.stay = ihn.stay
  if out.stay then
    self:execute()
  end
end

function BinaryConstraint:mark_unsatisfied()
  self.direction = NONE
end

function BinaryConstraint:inputs_known(mark)
  local i = self:input()
  return i.mark == mark or i.stay or i.determined_by == nil
end

function BinaryConstraint:remove_from_graph()
  if self.v1 ~= nil then
    self.v1:remove_constraint(self)
  end
  if self.v2 ~= nil then
    self.v2:remove_constraint(self)
  end
  self.direction = NONE
end

local ScaleConstraint = class(BinaryConstraint)

function ScaleConstraint.new(src, scale, offset, dest, strength)
  local self = setmetatable({ scale = scale, offset = offset }, ScaleConstraint)
  return BinaryConstraint.init(self, src, dest, strength)
end

function ScaleConstraint:add_to_graph()
  BinaryConstraint.add_to_graph(self)
  self.scale:add_constraint(self)
  self.offset:add_constraint(self)
end

function ScaleConstraint:remove_from_graph()
  BinaryConstraint.remove_from_graph(self)
  if self.scale ~= nil then
    self.scale:remove_constraint(self)
  end
  if self.offset ~= nil then
    self.offset:remove_constraint(self)
  end
end

function ScaleConstraint:mark_inputs(mark)
  BinaryConstraint.mark_inputs(self, mark)
  self.scale.mark = mark
  self.offset.mark = mark
end

function ScaleConstraint:execute()
  if self.direction == FORWARD then
    self.v2.value = self.v1.value * self.scale.value + self.offset.value
  else
    self.v1.value = (self.v2.value - self.offset.value) // self.scale.value
  end
end

function ScaleConstraint:recalculate()
  local ihn, out = self:input(), self:output()
  out.walk_strength = weakest_of(self.strength, ihn.walk_strength)
  out.stay = ihn.stay and self.scale.stay and self.offset.stay
  if out.stay then
    self:execute()
  end
end

local EqualityConstraint = class(BinaryConstraint)

function EqualityConstraint.new(v1, v2, strength)
  return BinaryConstraint.init(setmetatable({}, EqualityConstraint), v1, v2, strength)
end

function EqualityConstraint:execute()
  self:output().value = self:input().value
end

---------------------------------------------------------------- plans
local Plan = class()

function Plan.new()
  return setmetatable({ constraints = {} }, Plan)
end

function Plan:add_constraint(c)
  local cs = self.constraints
  cs[#cs + 1] = c
end

function Plan:execute()
  local cs = self.constraints
  for i = 1, #cs do
    cs[i]:execute()
  end
end

---------------------------------------------------------------- planner
local Planner = class()

function Planner.new()
  return setmetatable({ current_mark = 0 }, Planner)
end

function Planner:new_mark()
  self.current_mark = self.current_mark + 1
  return self.current_mark
end

function Planner:incremental_add(c)
  local mark = self:new_mark()
  local overridden = c:satisfy(mark)
  while overridden ~= nil do
    overridden = overridden:satisfy(mark)
  end
end

function Planner:incremental_remove(c)
  local out = c:output()
  c:mark_unsatisfied()
  c:remove_from_graph()
  local unsatisfied = self:remove_propagate_from(out)
  local strength = REQUIRED
  while strength ~= WEAKEST do
    for i = 1, #unsatisfied do
      local u = unsatisfied[i]
      if u.strength == strength then
        self:incremental_add(u)
      end
    end
    strength = strength + 1
  end
end

function Planner:make_plan(sources)
  local mark = self:new_mark()
  local plan = Plan.new()
  local todo = queue_new()
  for i = 1, #sources do
    queue_push(todo, sources[i])
  end
  while not queue_empty(todo) do
    local c = queue_pop(todo)
    local out = c:output()
    if out.mark ~= mark and c:inputs_known(mark) then
      plan:add_constraint(c)
      out.mark = mark
      self:add_constraints_consuming_to(out, todo)
    end
  end
  return plan
end

function Planner:extract_plan_from_constraints(constraints)
  local sources = {}
  for i = 1, #constraints do
    local c = constraints[i]
    if c:is_input() and c:is_satisfied() then
      sources[#sources + 1] = c
    end
  end
  return self:make_plan(sources)
end

function Planner:add_propagate(c, mark)
  local todo = queue_new(c)
  while not queue_empty(todo) do
    local d = queue_pop(todo)
    if d:output().mark == mark then
      self:incremental_remove(c)
      return false
    end
    d:recalculate()
    self:add_constraints_consuming_to(d:output(), todo)
  end
  return true
end

function Planner:remove_propagate_from(out)
  out.determined_by = nil
  out.walk_strength = WEAKEST
  out.stay = true
  local unsatisfied = {}
  local todo = queue_new(out)
  while not queue_empty(todo) do
    local v = queue_pop(todo)
    local cs = v.constraints
    for i = 1, #cs do
      local c = cs[i]
      if not c:is_satisfied() then
        unsatisfied[#unsatisfied + 1] = c
      end
    end
    local determining = v.determined_by
    for i = 1, #cs do
      local nxt = cs[i]
      if nxt ~= determining and nxt:is_satisfied() then
        nxt:recalculate()
        queue_push(todo, nxt:output())
      end
    end
  end
  return unsatisfied
end

function Planner:add_constraints_consuming_to(v, coll)
  local determining = v.determined_by
  local cs = v.constraints
  for i = 1, #cs do
    local c = cs[i]
    if c ~= determining and c:is_satisfied() then
      queue_push(coll, c)
    end
  end
end

---------------------------------------------------------------- tests
-- a long chain of equality constraints driven by an edit at one end
local function chain_test(n)
  planner = Planner.new()
  local prev, first, last = nil, nil, nil
  for i = 0, n do
    local v = Variable.new("v" .. i, 0)
    if prev ~= nil then
      EqualityConstraint.new(prev, v, REQUIRED)
    end
    if i == 0 then
      first = v
    end
    if i == n then
      last = v
    end
    prev = v
  end
  StayConstraint.new(last, STRONG_DEFAULT)
  local edit = EditConstraint.new(first, PREFERRED)
  local plan = planner:extract_plan_from_constraints({ edit })
  local checksum = 0
  for i = 0, 99 do
    first.value = i
    plan:execute()
    if last.value ~= i then
      error("chain test failed")
    end
    checksum = checksum + last.value
  end
  return checksum + planner.current_mark
end

local function change(v, new_value)
  local edit = EditConstraint.new(v, PREFERRED)
  local plan = planner:extract_plan_from_constraints({ edit })
  for _ = 1, 10 do
    v.value = new_value
    plan:execute()
  end
  edit:destroy_constraint()
end

-- scale constraints between many src/dst pairs, changed from both sides
local function projection_test(n)
  planner = Planner.new()
  local scale = Variable.new("scale", 10)
  local offset = Variable.new("offset", 1000)
  local src, dst = nil, nil
  local dests = {}
  for i = 0, n - 1 do
    src = Variable.new("src" .. i, i)
    dst = Variable.new("dst" .. i, i)
    dests[#dests + 1] = dst
    StayConstraint.new(src, NORMAL)
    ScaleConstraint.new(src, scale, offset, dst, REQUIRED)
  end
  change(src, 17)
  if dst.value ~= 1170 then
    error("projection test 1 failed")
  end
  change(dst, 1050)
  if src.value ~= 5 then
    error("projection test 2 failed")
  end
  change(scale, 5)
  for i = 0, n - 2 do
    if dests[i + 1].value ~= i * 5 + 1000 then
      error("projection test 3 failed")
    end
  end
  change(offset, 2000)
  local checksum = 0
  for i = 0, n - 2 do
    if dests[i + 1].value ~= i * 5 + 2000 then
      error("projection test 4 failed")
    end
    checksum = checksum + dests[i + 1].value
  end
  return checksum + planner.current_mark
end

function run(n)
  return chain_test(n) + projection_test(n)
end
