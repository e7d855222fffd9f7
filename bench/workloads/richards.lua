-- richards: simulation of a small operating-system task scheduler
-- (the classic Richards benchmark: objects, method dispatch, linked lists).
-- Returns queue_count * 100000 + hold_count.
local ID_IDLE, ID_WORKER, ID_HANDLER_A, ID_HANDLER_B, ID_DEVICE_A, ID_DEVICE_B = 1, 2, 3, 4, 5, 6
local KIND_DEVICE, KIND_WORK = 0, 1
local DATA_SIZE = 4

local function class()
  local c = {}
  c.__index = c
  return c
end

---------------------------------------------------------------- packets
local Packet = class()

function Packet.new(link, id, kind)
  local a2 = {}
  for i = 1, DATA_SIZE do
    a2[i] = 0
  end
  return setmetatable({ link = link, id = id, kind = kind, a1 = 1, a2 = a2 }, Packet)
end

-- append self to the end of the queue starting at `queue`; return the new head
function Packet:add_to(queue)
  self.link = nil
  if queue == nil then
    return self
  end
  local last = queue
  local nxt = last.link
  while nxt ~= nil do
    last = nxt
    nxt = last.link
  end
  last.link = self
  return queue
end

---------------------------------------------------------------- task control blocks
local Tcb = class()

function Tcb.new(link, id, priority, queue, task)
  return setmetatable({
    link = link, id = id, priority = priority, queue = queue, task = task,
    held = false, suspended = true, runnable = queue ~= nil,
  }, Tcb)
end

function Tcb:set_running()
  self.held, self.suspended, self.runnable = false, false, false
end

function Tcb:mark_not_held()
  self.held = false
end

function Tcb:mark_held()
  self.held = true
end

function Tcb:mark_suspended()
  self.suspended = true
end

function Tcb:mark_runnable()
  self.runnable = true
end

function Tcb:is_held_or_suspended()
  return self.held or (self.suspended and not self.runnable)
end

function Tcb:run()
  local packet = nil
  if self.suspended and self.runnable and not self.held then
    packet = self.queue
    self.queue = packet.link
    self.held, self.suspended = false, false
    self.runnable = self.queue ~= nil
  end
  return self.task:run(packet)
end

function Tcb:check_priority_add(task, packet)
  if self.queue == nil then
    self.queue = packet
    self:mark_runnable()
    if self.priority > task.priority then
      return self
    end
  else
    self.queue = packet:add_to(self.queue)
  end
  return task
end

---------------------------------------------------------------- scheduler
local Scheduler = class()

function Scheduler.new()
  return setmetatable({
    queue_count = 0, hold_count = 0, blocks = {}, list = nil,
    current_tcb = nil, current_id = nil,
  }, Scheduler)
end

function Scheduler:add_task(id, priority, queue, task)
  local tcb = Tcb.new(self.list, id, priority, queue, task)
  self.current_tcb = tcb
  self.list = tcb
  self.blocks[id] = tcb
end

function Scheduler:add_running_task(id, priority, queue, task)
  self:add_task(id, priority, queue, task)
  self.current_tcb:set_running()
end

function Scheduler:schedule()
  local tcb = self.list
  self.current_tcb = tcb
  while tcb ~= nil do
    if tcb:is_held_or_suspended() then
      tcb = tcb.link
    else
      self.current_id = tcb.id
      tcb = tcb:run()
    end
    self.current_tcb = tcb
  end
end

function Scheduler:release(id)
  local tcb = self.blocks[id]
  if tcb == nil then
    return nil
  end
  tcb:mark_not_held()
  if tcb.priority > self.current_tcb.priority then
    return tcb
  end
  return self.current_tcb
end

function Scheduler:hold_current()
  self.hold_count = self.hold_count + 1
  self.current_tcb:mark_held()
  return self.current_tcb.link
end

function Scheduler:suspend_current()
  self.current_tcb:mark_suspended()
  return self.current_tcb
end

function Scheduler:queue(packet)
  local tcb = self.blocks[packet.id]
  if tcb == nil then
    return nil
  end
  self.queue_count = self.queue_count + 1
  packet.link = nil
  packet.id = self.current_id
  return tcb:check_priority_add(self.current_tcb, packet)
end

---------------------------------------------------------------- tasks
local IdleTask = class()

function IdleTask.new(scheduler, v1, count)
  return setmetatable({ scheduler = scheduler, v1 = v1, count = count }, IdleTask)
end

function IdleTask:run(packet)
  self.count = self.count - 1
  if self.count == 0 then
    return self.scheduler:hold_current()
  end
  if self.v1 & 1 == 0 then
    self.v1 = self.v1 >> 1
    return self.scheduler:release(ID_DEVICE_A)
  end
  self.v1 = (self.v1 >> 1) ~ 0xD008
  return self.scheduler:release(ID_DEVICE_B)
end

local DeviceTask = class()

function DeviceTask.new(scheduler)
  return setmetatable({ scheduler = scheduler, pending = nil }, DeviceTask)
end

function DeviceTask:run(packet)
  if packet == nil then
    local p = self.pending
    if p == nil then
      return self.scheduler:suspend_current()
    end
    self.pending = nil
    return self.scheduler:queue(p)
  end
  self.pending = packet
  return self.scheduler:hold_current()
end

local WorkerTask = class()

function WorkerTask.new(scheduler, dest, count)
  return setmetatable({ scheduler = scheduler, dest = dest, count = count }, WorkerTask)
end

function WorkerTask:run(packet)
  if packet == nil then
    return self.scheduler:suspend_current()
  end
  if self.dest == ID_HANDLER_A then
    self.dest = ID_HANDLER_B
  else
    self.dest = ID_HANDLER_A
  end
  packet.id = self.dest
  packet.a1 = 1
  local a2 = packet.a2
  for i = 1, DATA_SIZE do
    self.count = self.count + 1
    if self.count > 26 then
      self.count = 1
    end
    a2[i] = self.count
  end
  return self.scheduler:queue(packet)
end

local HandlerTask = class()

function HandlerTask.new(scheduler)
  return setmetatable({ scheduler = scheduler, work = nil, devices = nil }, HandlerTask)
end

function HandlerTask:run(packet)
  if packet ~= nil then
    if packet.kind == KIND_WORK then
      self.work = packet:add_to(self.work)
    else
      self.devices = packet:add_to(self.devices)
    end
  end
  local work = self.work
  if work ~= nil then
    local idx = work.a1
    if idx <= DATA_SIZE then
      local dev = self.devices
      if dev ~= nil then
        self.devices = dev.link
        dev.a1 = work.a2[idx]
        work.a1 = idx + 1
        return self.scheduler:queue(dev)
      end
    else
      self.work = work.link
      return self.scheduler:queue(work)
    end
  end
  return self.scheduler:suspend_current()
end

---------------------------------------------------------------- driver
function run(n)
  local s = Scheduler.new()
  s:add_running_task(ID_IDLE, 0, nil, IdleTask.new(s, 1, n))

  local q = Packet.new(nil, ID_WORKER, KIND_WORK)
  q = Packet.new(q, ID_WORKER, KIND_WORK)
  s:add_task(ID_WORKER, 1000, q, WorkerTask.new(s, ID_HANDLER_A, 0))

  q = Packet.new(nil, ID_DEVICE_A, KIND_DEVICE)
  q = Packet.new(q, ID_DEVICE_A, KIND_DEVICE)
  q = Packet.new(q, ID_DEVICE_A, KIND_DEVICE)
  s:add_task(ID_HANDLER_A, 2000, q, HandlerTask.new(s))

  q = Packet.new(nil, ID_DEVICE_B, KIND_DEVICE)
  q = Packet.new(q, ID_DEVICE_B, KIND_DEVICE)
  q = Packet.new(q, ID_DEVICE_B, KIND_DEVICE)
  s:add_task(ID_HANDLER_B, 3000, q, HandlerTask.new(s))

  s:add_task(ID_DEVICE_A, 4000, nil, DeviceTask.new(s))
  s:add_task(ID_DEVICE_B, 5000, nil, DeviceTask.new(s))

  s:schedule()
  return s.queue_count * 100000 + s.hold_count
end
