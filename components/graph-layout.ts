import dagre, { type Graph } from "@dagrejs/dagre";

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

// dagre sizes a cluster to its nodes alone: room for the cluster's title above them, a margin around.
const clusterPadding = { top: 26, side: 10 };

/**
 * Lays a graph out left to right with dagre (Sugiyama layering, crossing reduction), each
 * node left of what it uses, extends or is composed of. With clusters, dagre's compound
 * layout keeps a cluster's nodes together in one box. Deterministic for the same input.
 */
export function layoutGraph(nodes: readonly LayoutInput[], edges: readonly { source: string; target: string }[]): GraphLayout {
  const clustered = nodes.some((node) => node.cluster !== undefined);
  const graph = new dagre.graphlib.Graph({ compound: clustered, multigraph: true });
  graph.setGraph({ rankdir: "LR", nodesep: clustered ? 44 : 20, ranksep: 80, edgesep: 12, marginx: 16, marginy: 16 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of nodes) {
    graph.setNode(node.id, { width: node.width, height: node.height });
    if (node.cluster !== undefined) {
      const clusterId = `cluster:${node.cluster}`;
      if (!graph.hasNode(clusterId)) graph.setNode(clusterId, {});
      graph.setParent(node.id, clusterId);
    }
  }
  const known = new Set(nodes.map((node) => node.id));
  edges.forEach((edge, index) => {
    // A self-loop adds nothing to a layout; an edge to a node not drawn cannot be placed.
    if (edge.source !== edge.target && known.has(edge.source) && known.has(edge.target)) graph.setEdge(edge.source, edge.target, {}, String(index));
  });
  dagre.layout(graph);
  return readLayout(graph, nodes);
}

function readLayout(graph: Graph, nodes: readonly LayoutInput[]): GraphLayout {
  const clusters = new Map<string, Box>();
  const corner = (id: string): Box => {
    const placed = graph.node(id) as { x: number; y: number; width: number; height: number };
    return { x: placed.x - placed.width / 2, y: placed.y - placed.height / 2, width: placed.width, height: placed.height };
  };
  for (const node of nodes) {
    if (node.cluster === undefined || clusters.has(node.cluster)) continue;
    const box = corner(`cluster:${node.cluster}`);
    clusters.set(node.cluster, {
      x: box.x - clusterPadding.side, y: box.y - clusterPadding.top,
      width: box.width + 2 * clusterPadding.side, height: box.height + clusterPadding.top + clusterPadding.side,
    });
  }
  const placed = new Map<string, Box>();
  for (const node of nodes) {
    const box = corner(node.id);
    const cluster = node.cluster !== undefined ? clusters.get(node.cluster) : undefined;
    placed.set(node.id, cluster ? { ...box, x: box.x - cluster.x, y: box.y - cluster.y } : box);
  }
  return { nodes: placed, clusters };
}
