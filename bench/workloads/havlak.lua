-- havlak: Havlak's loop-recognition algorithm (union-find, DFS numbering,
-- sets and lists of nodes) on a generated control-flow graph.
-- Returns loops * 1000000 + sum of loop depths * 10 + number of finder passes.
local UNVISITED = -1
local NONHEADER, REDUCIBLE, SELF, IRREDUCIBLE, DEAD = 0, 1, 2, 3, 4
local MAX_NON_BACK_PREDS = 32 * 1024

local function class()
  local c = {}
  c.__index = c
  return c
end

---------------------------------------------------------------- CFG
local CFG = class()

function CFG.new()
  -- blocks are indexed by name + 1 (names start at 0)
  return setmetatable({ blocks = {}, size = 0, start = nil }, CFG)
end

function CFG:create_node(name)
  local blocks = self.blocks
  while self.size <= name do
    self.size = self.size + 1
    blocks[self.size] = false
  end
  local block = blocks[name + 1]
  if not block then
    block = { name = name, in_edges = {}, out_edges = {} }
    blocks[name + 1] = block
    if self.start == nil then
      self.start = block
    end
  end
  return block
end

function CFG:add_edge(src, dst)
  local a = self:create_node(src)
  local b = self:create_node(dst)
  a.out_edges[#a.out_edges + 1] = b
  b.in_edges[#b.in_edges + 1] = a
end

---------------------------------------------------------------- loops
local SimpleLoop = class()

function SimpleLoop.new(counter)
  return setmetatable({
    counter = counter, blocks = {}, children = {}, parent = nil, header = nil,
    is_root = false, is_reducible = true, depth = 0,
  }, SimpleLoop)
end

function SimpleLoop:add_block(bb)
  self.blocks[#self.blocks + 1] = bb
end

function SimpleLoop:set_parent(parent)
  self.parent = parent
  parent.children[#parent.children + 1] = self
end

local LoopStructureGraph = class()

function LoopStructureGraph.new()
  local root = SimpleLoop.new(0)
  root.is_root = true
  return setmetatable({ loops = { root }, root = root }, LoopStructureGraph)
end

function LoopStructureGraph:create_loop()
  return SimpleLoop.new(#self.loops)
end

function LoopStructureGraph:add_loop(loop)
  self.loops[#self.loops + 1] = loop
end

local function loop_depths(loop, depth)
  loop.depth = depth
  local total = depth
  local children = loop.children
  for i = 1, #children do
    total = total + loop_depths(children[i], depth + 1)
  end
  return total
end

function LoopStructureGraph:calculate_depths()
  local loops = self.loops
  for i = 1, #loops do
    local loop = loops[i]
    if not loop.is_root and loop.parent == nil then
      loop:set_parent(self.root)
    end
  end
  return loop_depths(self.root, 0)
end

---------------------------------------------------------------- union-find
local UnionFindNode = class()

function UnionFindNode.new()
  local node = setmetatable({ bb = nil, loop = nil, dfs_number = 0 }, UnionFindNode)
  node.parent = node
  return node
end

function UnionFindNode:init(bb, dfs_number)
  self.parent = self
  self.bb = bb
  self.dfs_number = dfs_number
end

function UnionFindNode:find()
  local path, n = {}, 0
  local node = self
  while node ~= node.parent do
    n = n + 1
    path[n] = node
    node = node.parent
  end
  for i = 1, n do
    path[i].parent = node
  end
  return node
end

function UnionFindNode:union(other)
  self.parent = other
end

---------------------------------------------------------------- the finder
-- nodes, number, header, types, last and the pred lists are indexed by
-- dfs number + 1 (number is indexed by block name + 1)
local function is_ancestor(w, v, last)
  return w <= v and v <= last[w + 1]
end

-- iterative preorder numbering; last[k] = highest number in k's subtree
local function depth_first_search(start, nodes, number, last)
  number[start.name + 1] = 0
  nodes[1]:init(start, 0)
  local counter = 0
  local stack, positions, sp = { start }, { 1 }, 1
  while sp > 0 do
    local top = stack[sp]
    local i = positions[sp]
    local out = top.out_edges
    if i <= #out then
      positions[sp] = i + 1
      local target = out[i]
      if number[target.name + 1] == UNVISITED then
        counter = counter + 1
        number[target.name + 1] = counter
        nodes[counter + 1]:init(target, counter)
        sp = sp + 1
        stack[sp] = target
        positions[sp] = 1
      end
    else
      last[number[top.name + 1] + 1] = counter
      stack[sp] = nil
      sp = sp - 1
    end
  end
end

local function find_loops(cfg, lsg)
  if cfg.start == nil then
    return 0
  end
  local size = cfg.size
  -- non-back predecessors: insertion-ordered sets (list + membership table)
  local non_back_list, non_back_set = {}, {}
  local back_preds, number, header, types, last, nodes = {}, {}, {}, {}, {}, {}
  for i = 1, size do
    non_back_list[i] = {}
    non_back_set[i] = {}
    back_preds[i] = {}
    number[i] = UNVISITED
    header[i] = 0
    types[i] = NONHEADER
    last[i] = 0
    nodes[i] = UnionFindNode.new()
  end

  depth_first_search(cfg.start, nodes, number, last)

  for w = 0, size - 1 do
    local node_w = nodes[w + 1].bb
    if node_w == nil then
      types[w + 1] = DEAD
    else
      local in_edges = node_w.in_edges
      for i = 1, #in_edges do
        local v_num = number[in_edges[i].name + 1]
        if v_num ~= UNVISITED then
          if is_ancestor(w, v_num, last) then
            local bp = back_preds[w + 1]
            bp[#bp + 1] = v_num
          elseif not non_back_set[w + 1][v_num] then
            non_back_set[w + 1][v_num] = true
            local nb = non_back_list[w + 1]
            nb[#nb + 1] = v_num
          end
        end
      end
    end
  end

  for w = size - 1, 0, -1 do
    local node_w = nodes[w + 1].bb
    if node_w ~= nil then
      local node_pool, in_pool = {}, {}
      local bp = back_preds[w + 1]
      for i = 1, #bp do
        local v = bp[i]
        if v ~= w then
          local rep = nodes[v + 1]:find()
          if not in_pool[rep.dfs_number] then
            in_pool[rep.dfs_number] = true
            node_pool[#node_pool + 1] = rep
          end
        else
          types[w + 1] = SELF
        end
      end
      if #node_pool > 0 then
        types[w + 1] = REDUCIBLE
      end
      local work, head = {}, 1
      for i = 1, #node_pool do
        work[i] = node_pool[i]
      end
      while head <= #work do
        local x = work[head]
        head = head + 1
        local preds = non_back_list[x.dfs_number + 1]
        if #preds > MAX_NON_BACK_PREDS then
          return 0
        end
        local npreds = #preds
        for i = 1, npreds do
          local ydash = nodes[preds[i] + 1]:find()
          local yd = ydash.dfs_number
          if not is_ancestor(w, yd, last) then
            types[w + 1] = IRREDUCIBLE
            if not non_back_set[w + 1][yd] then
              non_back_set[w + 1][yd] = true
              local nb = non_back_list[w + 1]
              nb[#nb + 1] = yd
            end
          elseif yd ~= w and not in_pool[yd] then
            in_pool[yd] = true
            work[#work + 1] = ydash
            node_pool[#node_pool + 1] = ydash
          end
        end
      end

      if #node_pool > 0 or types[w + 1] == SELF then
        local loop = lsg:create_loop()
        loop.header = node_w
        loop.is_reducible = types[w + 1] ~= IRREDUCIBLE
        loop:add_block(node_w)
        local nw = nodes[w + 1]
        nw.loop = loop
        for i = 1, #node_pool do
          local node = node_pool[i]
          header[node.dfs_number + 1] = w
          node:union(nw)
          if node.loop ~= nil then
            node.loop:set_parent(loop)
          else
            loop:add_block(node.bb)
          end
        end
        lsg:add_loop(loop)
      end
    end
  end
  return #lsg.loops - 1
end

---------------------------------------------------------------- graph building
local function build_diamond(cfg, start)
  cfg:add_edge(start, start + 1)
  cfg:add_edge(start, start + 2)
  cfg:add_edge(start + 1, start + 3)
  cfg:add_edge(start + 2, start + 3)
  return start + 3
end

local function build_straight(cfg, start, k)
  for i = 0, k - 1 do
    cfg:add_edge(start + i, start + i + 1)
  end
  return start + k
end

local function build_base_loop(cfg, start)
  local header = build_straight(cfg, start, 1)
  local diamond1 = build_diamond(cfg, header)
  local d11 = build_straight(cfg, diamond1, 1)
  local diamond2 = build_diamond(cfg, d11)
  local footer = build_straight(cfg, diamond2, 1)
  cfg:add_edge(diamond2, d11)
  cfg:add_edge(diamond1, header)
  cfg:add_edge(footer, start)
  return build_straight(cfg, footer, 1)
end

local function build_graph(n)
  local cfg = CFG.new()
  cfg:create_node(0)
  build_base_loop(cfg, 0)
  cfg:create_node(1)
  cfg:add_edge(0, 2)
  local node = 2
  for _ = 1, n do
    cfg:add_edge(2, node + 1)
    node = node + 1
    for _ = 1, 4 do
      local top = node
      node = build_straight(cfg, node, 1)
      for _ = 1, 10 do
        node = build_base_loop(cfg, node)
      end
      local bottom = build_straight(cfg, node, 1)
      cfg:add_edge(node, top)
      node = bottom
    end
    cfg:add_edge(node, 1)
  end
  return cfg
end

function run(n)
  local cfg = build_graph(n)
  local passes = 3
  local loops, depths = 0, 0
  for _ = 1, passes do
    local lsg = LoopStructureGraph.new()
    loops = find_loops(cfg, lsg)
    depths = lsg:calculate_depths()
  end
  return loops * 1000000 + depths * 10 + passes
end
