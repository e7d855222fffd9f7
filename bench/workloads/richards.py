"""richards: simulation of a small operating-system task scheduler
(the classic Richards benchmark: objects, method dispatch, linked lists).
Returns queue_count * 100000 + hold_count."""

N = 20000

ID_IDLE, ID_WORKER, ID_HANDLER_A, ID_HANDLER_B, ID_DEVICE_A, ID_DEVICE_B = range(6)
KIND_DEVICE, KIND_WORK = 0, 1
DATA_SIZE = 4


class Packet:
    def __init__(self, link, id, kind):
        self.link = link
        self.id = id
        self.kind = kind
        self.a1 = 0
        self.a2 = [0] * DATA_SIZE

    def add_to(self, queue):
        """Append self to the end of `queue`; return the new head."""
        self.link = None
        if queue is None:
            return self
        last = queue
        nxt = last.link
        while nxt is not None:
            last = nxt
            nxt = last.link
        last.link = self
        return queue


class Tcb:
    def __init__(self, link, id, priority, queue, task):
        self.link = link
        self.id = id
        self.priority = priority
        self.queue = queue
        self.task = task
        self.held = False
        self.suspended = True
        self.runnable = queue is not None

    def set_running(self):
        self.held = self.suspended = self.runnable = False

    def mark_not_held(self):
        self.held = False

    def mark_held(self):
        self.held = True

    def mark_suspended(self):
        self.suspended = True

    def mark_runnable(self):
        self.runnable = True

    def is_held_or_suspended(self):
        return self.held or (self.suspended and not self.runnable)

    def run(self):
        packet = None
        if self.suspended and self.runnable and not self.held:
            packet = self.queue
            self.queue = packet.link
            self.held = self.suspended = False
            self.runnable = self.queue is not None
        return self.task.run(packet)

    def check_priority_add(self, task, packet):
        if self.queue is None:
            self.queue = packet
            self.mark_runnable()
            if self.priority > task.priority:
                return self
        else:
            self.queue = packet.add_to(self.queue)
        return task


class Scheduler:
    def __init__(self):
        self.queue_count = 0
        self.hold_count = 0
        self.blocks = [None] * 6
        self.list = None
        self.current_tcb = None
        self.current_id = None

    def add_task(self, id, priority, queue, task):
        tcb = Tcb(self.list, id, priority, queue, task)
        self.current_tcb = tcb
        self.list = tcb
        self.blocks[id] = tcb

    def add_running_task(self, id, priority, queue, task):
        self.add_task(id, priority, queue, task)
        self.current_tcb.set_running()

    def schedule(self):
        tcb = self.list
        self.current_tcb = tcb
        while tcb is not None:
            if tcb.is_held_or_suspended():
                tcb = tcb.link
            else:
                self.current_id = tcb.id
                tcb = tcb.run()
            self.current_tcb = tcb

    def release(self, id):
        tcb = self.blocks[id]
        if tcb is None:
            return None
        tcb.mark_not_held()
        if tcb.priority > self.current_tcb.priority:
            return tcb
        return self.current_tcb

    def hold_current(self):
        self.hold_count += 1
        self.current_tcb.mark_held()
        return self.current_tcb.link

    def suspend_current(self):
        self.current_tcb.mark_suspended()
        return self.current_tcb

    def queue(self, packet):
        tcb = self.blocks[packet.id]
        if tcb is None:
            return None
        self.queue_count += 1
        packet.link = None
        packet.id = self.current_id
        return tcb.check_priority_add(self.current_tcb, packet)


class IdleTask:
    def __init__(self, scheduler, v1, count):
        self.scheduler = scheduler
        self.v1 = v1
        self.count = count

    def run(self, packet):
        self.count -= 1
        if self.count == 0:
            return self.scheduler.hold_current()
        if self.v1 & 1 == 0:
            self.v1 >>= 1
            return self.scheduler.release(ID_DEVICE_A)
        self.v1 = (self.v1 >> 1) ^ 0xD008
        return self.scheduler.release(ID_DEVICE_B)


class DeviceTask:
    def __init__(self, scheduler):
        self.scheduler = scheduler
        self.pending = None

    def run(self, packet):
        if packet is None:
            p = self.pending
            if p is None:
                return self.scheduler.suspend_current()
            self.pending = None
            return self.scheduler.queue(p)
        self.pending = packet
        return self.scheduler.hold_current()


class WorkerTask:
    def __init__(self, scheduler, dest, count):
        self.scheduler = scheduler
        self.dest = dest
        self.count = count

    def run(self, packet):
        if packet is None:
            return self.scheduler.suspend_current()
        self.dest = ID_HANDLER_B if self.dest == ID_HANDLER_A else ID_HANDLER_A
        packet.id = self.dest
        packet.a1 = 0
        a2 = packet.a2
        for i in range(DATA_SIZE):
            self.count += 1
            if self.count > 26:
                self.count = 1
            a2[i] = self.count
        return self.scheduler.queue(packet)


class HandlerTask:
    def __init__(self, scheduler):
        self.scheduler = scheduler
        self.work = None
        self.devices = None

    def run(self, packet):
        if packet is not None:
            if packet.kind == KIND_WORK:
                self.work = packet.add_to(self.work)
            else:
                self.devices = packet.add_to(self.devices)
        work = self.work
        if work is not None:
            idx = work.a1
            if idx < DATA_SIZE:
                dev = self.devices
                if dev is not None:
                    self.devices = dev.link
                    dev.a1 = work.a2[idx]
                    work.a1 = idx + 1
                    return self.scheduler.queue(dev)
            else:
                self.work = work.link
                return self.scheduler.queue(work)
        return self.scheduler.suspend_current()


def run(n):
    s = Scheduler()
    s.add_running_task(ID_IDLE, 0, None, IdleTask(s, 1, n))

    q = Packet(None, ID_WORKER, KIND_WORK)
    q = Packet(q, ID_WORKER, KIND_WORK)
    s.add_task(ID_WORKER, 1000, q, WorkerTask(s, ID_HANDLER_A, 0))

    q = Packet(None, ID_DEVICE_A, KIND_DEVICE)
    q = Packet(q, ID_DEVICE_A, KIND_DEVICE)
    q = Packet(q, ID_DEVICE_A, KIND_DEVICE)
    s.add_task(ID_HANDLER_A, 2000, q, HandlerTask(s))

    q = Packet(None, ID_DEVICE_B, KIND_DEVICE)
    q = Packet(q, ID_DEVICE_B, KIND_DEVICE)
    q = Packet(q, ID_DEVICE_B, KIND_DEVICE)
    s.add_task(ID_HANDLER_B, 3000, q, HandlerTask(s))

    s.add_task(ID_DEVICE_A, 4000, None, DeviceTask(s))
    s.add_task(ID_DEVICE_B, 5000, None, DeviceTask(s))

    s.schedule()
    return s.queue_count * 100000 + s.hold_count
