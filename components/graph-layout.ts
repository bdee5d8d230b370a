import dagre from "@dagrejs/dagre";

/** A box of the graph's layout: top-left corner and size, as React Flow places nodes. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What the layout needs of a node: its id, size and (when clustering) its cluster's key. */
export interface LayoutInput {
  id: string;
  width: number;
  height: number;
  cluster?: string;
}

/** Where each node and each cluster sits; node boxes are relative to their cluster when they have one. */
export interface GraphLayout {
  nodes: Map<string, Box>;
  clusters: Map<string, Box>;
}

type Edge = { source: string; target: string };

// Room inside a cluster's box for its title above the nodes, and a margin around them.
const clusterPadding = { top: 30, side: 12 };

/** dagre, left to right: each box left of what it uses, extends or is composed of; returns top-left corners. */
function runDagre(boxes: readonly { id: string; width: number; height: number }[], edges: readonly Edge[], spacing: { node: number; rank: number }): Map<string, Box> {
  const graph = new dagre.graphlib.Graph({ multigraph: true });
  graph.setGraph({ rankdir: "LR", nodesep: spacing.node, ranksep: spacing.rank, marginx: 0, marginy: 0 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const box of boxes) graph.setNode(box.id, { width: box.width, height: box.height });
  edges.forEach((edge, index) => {
    // A self-loop adds nothing to a layout.
    if (edge.source !== edge.target && graph.hasNode(edge.source) && graph.hasNode(edge.target)) graph.setEdge(edge.source, edge.target, {}, String(index));
  });
  dagre.layout(graph);
  const placed = new Map<string, Box>();
  for (const box of boxes) {
    const node = graph.node(box.id) as { x: number; y: number };
    placed.set(box.id, { x: node.x - box.width / 2, y: node.y - box.height / 2, width: box.width, height: box.height });
  }
  return placed;
}

function componentsOf(ids: readonly string[], edges: readonly Edge[]): string[][] {
  const parent = new Map(ids.map((id) => [id, id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(id, root);
    return root;
  };
  for (const edge of edges) if (parent.has(edge.source) && parent.has(edge.target)) parent.set(find(edge.source), find(edge.target));
  const groups = new Map<string, string[]>();
  for (const id of ids) groups.set(find(id), [...(groups.get(find(id)) ?? []), id]);
  return [...groups.values()];
}

/**
 * dagre per connected component, then the components packed in rows about `aspect` times as
 * wide as tall: a graph of many small separate pieces (a project's strongest relationships)
 * fills a screen instead of one tall column.
 */
function runPacked(boxes: readonly { id: string; width: number; height: number }[], edges: readonly Edge[], spacing: { node: number; rank: number }, aspect: number): Map<string, Box> {
  const byId = new Map(boxes.map((box) => [box.id, box]));
  const pieces = componentsOf(boxes.map((box) => box.id), edges).map((ids) => {
    const placed = runDagre(ids.map((id) => byId.get(id)!), edges, spacing);
    return { placed, box: bounds(placed.values()) };
  }).sort((left, right) => right.box.height - left.box.height || right.box.width - left.box.width);
  const gap = spacing.node * 2;
  const area = pieces.reduce((sum, piece) => sum + (piece.box.width + gap) * (piece.box.height + gap), 0);
  const rowWidth = Math.max(...pieces.map((piece) => piece.box.width), Math.sqrt(area * aspect));
  const result = new Map<string, Box>();
  let [x, y, rowHeight] = [0, 0, 0];
  for (const piece of pieces) {
    if (x > 0 && x + piece.box.width > rowWidth) [x, y, rowHeight] = [0, y + rowHeight + gap, 0];
    for (const [id, box] of piece.placed) result.set(id, { ...box, x: box.x - piece.box.x + x, y: box.y - piece.box.y + y });
    x += piece.box.width + gap;
    rowHeight = Math.max(rowHeight, piece.box.height);
  }
  return result;
}

function bounds(boxes: Iterable<Box>): Box {
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const box of boxes) {
    left = Math.min(left, box.x);
    top = Math.min(top, box.y);
    right = Math.max(right, box.x + box.width);
    bottom = Math.max(bottom, box.y + box.height);
  }
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/**
 * Lays a graph out left to right with dagre (Sugiyama layering, crossing reduction), separate
 * pieces packed side by side. With
 * clusters it lays out in two levels: each cluster's own nodes first, then the clusters as
 * boxes of that size joined by the edges between them, so a cluster's nodes stay together and
 * no box overlaps another. Deterministic for the same input.
 */
export function layoutGraph(nodes: readonly LayoutInput[], edges: readonly Edge[]): GraphLayout {
  if (!nodes.some((node) => node.cluster !== undefined)) return { nodes: runPacked(nodes, edges, { node: 20, rank: 80 }, 2), clusters: new Map() };
  const clusterOf = new Map(nodes.map((node) => [node.id, node.cluster ?? node.id]));
  const members = new Map<string, LayoutInput[]>();
  for (const node of nodes) members.set(node.cluster ?? node.id, [...(members.get(node.cluster ?? node.id) ?? []), node]);
  const inner = new Map<string, Map<string, Box>>();
  const sizes: { id: string; width: number; height: number }[] = [];
  for (const [cluster, list] of members) {
    const ids = new Set(list.map((node) => node.id));
    const placed = runPacked(list, edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target)), { node: 16, rank: 56 }, 1.5);
    const box = bounds(placed.values());
    inner.set(cluster, new Map([...placed].map(([id, node]) => [id, { ...node, x: node.x - box.x + clusterPadding.side, y: node.y - box.y + clusterPadding.top }])));
    sizes.push({ id: cluster, width: box.width + 2 * clusterPadding.side, height: box.height + clusterPadding.top + clusterPadding.side });
  }
  const between = edges
    .map((edge) => ({ source: clusterOf.get(edge.source)!, target: clusterOf.get(edge.target)! }))
    .filter((edge) => edge.source !== undefined && edge.target !== undefined && edge.source !== edge.target);
  const outer = runPacked(sizes, between, { node: 28, rank: 90 }, 2);
  const clusters = new Map<string, Box>();
  const placed = new Map<string, Box>();
  for (const node of nodes) {
    const cluster = node.cluster ?? node.id;
    const box = inner.get(cluster)!.get(node.id)!;
    if (node.cluster === undefined) placed.set(node.id, { ...box, x: outer.get(cluster)!.x + box.x, y: outer.get(cluster)!.y + box.y });
    else {
      clusters.set(cluster, outer.get(cluster)!);
      placed.set(node.id, box);
    }
  }
  return { nodes: placed, clusters };
}
