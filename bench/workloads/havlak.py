"""havlak: Havlak's loop-recognition algorithm (union-find, DFS numbering,
sets and lists of nodes) on a generated control-flow graph.
Returns loops * 1000000 + sum of loop depths * 10 + number of finder passes."""

N = 25

UNVISITED = -1
NONHEADER, REDUCIBLE, SELF, IRREDUCIBLE, DEAD = range(5)
MAX_NON_BACK_PREDS = 32 * 1024


class BasicBlock:
    def __init__(self, name):
        self.name = name
        self.in_edges = []
        self.out_edges = []


class CFG:
    def __init__(self):
        self.blocks = []
        self.start = None

    def create_node(self, name):
        while len(self.blocks) <= name:
            self.blocks.append(None)
        block = self.blocks[name]
        if block is None:
            block = self.blocks[name] = BasicBlock(name)
            if self.start is None:
                self.start = block
        return block

    def add_edge(self, src, dst):
        a = self.create_node(src)
        b = self.create_node(dst)
        a.out_edges.append(b)
        b.in_edges.append(a)


class SimpleLoop:
    def __init__(self, counter):
        self.counter = counter
        self.blocks = []
        self.children = []
        self.parent = None
        self.header = None
        self.is_root = False
        self.is_reducible = True
        self.depth = 0

    def add_block(self, bb):
        self.blocks.append(bb)

    def set_parent(self, parent):
        self.parent = parent
        parent.children.append(self)


class LoopStructureGraph:
    def __init__(self):
        self.loops = []
        self.root = SimpleLoop(0)
        self.root.is_root = True
        self.loops.append(self.root)

    def create_loop(self):
        return SimpleLoop(len(self.loops))

    def add_loop(self, loop):
        self.loops.append(loop)

    def calculate_depths(self):
        for loop in self.loops:
            if not loop.is_root and loop.parent is None:
                loop.set_parent(self.root)
        return self._depths(self.root, 0)

    def _depths(self, loop, depth):
        loop.depth = depth
        total = depth
        for child in loop.children:
            total += self._depths(child, depth + 1)
        return total


class UnionFindNode:
    def __init__(self):
        self.parent = self
        self.bb = None
        self.loop = None
        self.dfs_number = 0

    def init(self, bb, dfs_number):
        self.parent = self
        self.bb = bb
        self.dfs_number = dfs_number

    def find(self):
        path = []
        node = self
        while node is not node.parent:
            path.append(node)
            node = node.parent
        for p in path:
            p.parent = node
        return node

    def union(self, other):
        self.parent = other


def is_ancestor(w, v, last):
    return w <= v <= last[w]


def depth_first_search(start, nodes, number, last):
    """Iterative preorder numbering; last[k] = highest number in k's subtree."""
    number[start.name] = 0
    nodes[0].init(start, 0)
    counter = 0
    stack = [start]
    positions = [0]
    while stack:
        top = stack[-1]
        i = positions[-1]
        if i < len(top.out_edges):
            positions[-1] = i + 1
            target = top.out_edges[i]
            if number[target.name] == UNVISITED:
                counter += 1
                number[target.name] = counter
                nodes[counter].init(target, counter)
                stack.append(target)
                positions.append(0)
        else:
            last[number[top.name]] = counter
            stack.pop()
            positions.pop()


def find_loops(cfg, lsg):
    if cfg.start is None:
        return 0
    size = len(cfg.blocks)
    non_back_preds = [set() for _ in range(size)]
    back_preds = [[] for _ in range(size)]
    number = [UNVISITED] * size
    header = [0] * size
    types = [NONHEADER] * size
    last = [0] * size
    nodes = [UnionFindNode() for _ in range(size)]

    depth_first_search(cfg.start, nodes, number, last)

    for w in range(size):
        node_w = nodes[w].bb
        if node_w is None:
            types[w] = DEAD
            continue
        for v in node_w.in_edges:
            v_num = number[v.name]
            if v_num != UNVISITED:
                if is_ancestor(w, v_num, last):
                    back_preds[w].append(v_num)
                else:
                    non_back_preds[w].add(v_num)

    for w in range(size - 1, -1, -1):
        node_w = nodes[w].bb
        if node_w is None:
            continue
        node_pool = []
        in_pool = set()
        for v in back_preds[w]:
            if v != w:
                rep = nodes[v].find()
                if rep.dfs_number not in in_pool:
                    in_pool.add(rep.dfs_number)
                    node_pool.append(rep)
            else:
                types[w] = SELF
        if node_pool:
            types[w] = REDUCIBLE
        work = list(node_pool)
        head = 0
        while head < len(work):
            x = work[head]
            head += 1
            preds = non_back_preds[x.dfs_number]
            if len(preds) > MAX_NON_BACK_PREDS:
                return 0
            for y_num in preds:
                ydash = nodes[y_num].find()
                yd = ydash.dfs_number
                if not is_ancestor(w, yd, last):
                    types[w] = IRREDUCIBLE
                    non_back_preds[w].add(yd)
                elif yd != w and yd not in in_pool:
                    in_pool.add(yd)
                    work.append(ydash)
                    node_pool.append(ydash)

        if node_pool or types[w] == SELF:
            loop = lsg.create_loop()
            loop.header = node_w
            loop.is_reducible = types[w] != IRREDUCIBLE
            loop.add_block(node_w)
            nodes[w].loop = loop
            for node in node_pool:
                header[node.dfs_number] = w
                node.union(nodes[w])
                if node.loop is not None:
                    node.loop.set_parent(loop)
                else:
                    loop.add_block(node.bb)
            lsg.add_loop(loop)
    return len(lsg.loops) - 1


# ---------------------------------------------------------------- graph building

def build_diamond(cfg, start):
    cfg.add_edge(start, start + 1)
    cfg.add_edge(start, start + 2)
    cfg.add_edge(start + 1, start + 3)
    cfg.add_edge(start + 2, start + 3)
    return start + 3


def build_straight(cfg, start, k):
    for i in range(k):
        cfg.add_edge(start + i, start + i + 1)
    return start + k


def build_base_loop(cfg, start):
    header = build_straight(cfg, start, 1)
    diamond1 = build_diamond(cfg, header)
    d11 = build_straight(cfg, diamond1, 1)
    diamond2 = build_diamond(cfg, d11)
    footer = build_straight(cfg, diamond2, 1)
    cfg.add_edge(diamond2, d11)
    cfg.add_edge(diamond1, header)
    cfg.add_edge(footer, start)
    return build_straight(cfg, footer, 1)


def build_graph(n):
    cfg = CFG()
    cfg.create_node(0)
    build_base_loop(cfg, 0)
    cfg.create_node(1)
    cfg.add_edge(0, 2)
    node = 2
    for _ in range(n):
        cfg.add_edge(2, node + 1)
        node += 1
        for _ in range(4):
            top = node
            node = build_straight(cfg, node, 1)
            for _ in range(10):
                node = build_base_loop(cfg, node)
            bottom = build_straight(cfg, node, 1)
            cfg.add_edge(node, top)
            node = bottom
        cfg.add_edge(node, 1)
    return cfg


def run(n):
    cfg = build_graph(n)
    passes = 3
    loops = depths = 0
    for _ in range(passes):
        lsg = LoopStructureGraph()
        loops = find_loops(cfg, lsg)
        depths = lsg.calculate_depths()
    return loops * 1000000 + depths * 10 + passes
