import { MarkerType, type Edge, type Node } from "@xyflow/react";
import type { GraphNode, PatternGraph } from "@/lib/db";
import { formatLabel } from "./format";
import { layoutGraph } from "./graph-layout";
import { patternNodeSize, type ClusterFlowNode, type PatternFlowNode } from "./graph-node";
import { relationshipTypes } from "./pattern-vocabulary";

/** How the graph groups its patterns: not at all, by the file of their first occurrence, or by kind. */
export type ClusterBy = "none" | "file" | "kind";

const typeColors: Record<string, string> = {
  function_pattern: "#6366f1",
  class_pattern: "#f59e0b",
  design_pattern: "#10b981",
  interaction_pattern: "#ec4899",
};

/** Where a pattern lives, as a person reads it: `repository/path`, or the path alone. */
export function locationOf(node: Pick<GraphNode, "repository" | "file_path">): string {
  if (!node.file_path) return "no live occurrence";
  return node.repository ? `${node.repository}/${node.file_path}` : node.file_path;
}

function clusterOf(node: GraphNode, by: ClusterBy): string | undefined {
  if (by === "file") return locationOf(node);
  if (by === "kind") return node.kind ? formatLabel(node.kind) : formatLabel(node.pattern_type);
  return undefined;
}

/** The graph as React Flow nodes and edges, laid out by dagre; cluster boxes come before their patterns. */
export function toFlow(graph: PatternGraph, clusterBy: ClusterBy): { nodes: Node[]; edges: Edge[] } {
  const inputs = graph.nodes.map((node) => ({ id: node.id, ...patternNodeSize, cluster: clusterOf(node, clusterBy) }));
  const layout = layoutGraph(inputs, graph.edges);
  const clusters: ClusterFlowNode[] = [...layout.clusters].map(([key, box]) => ({
    id: `cluster:${key}`, type: "cluster", position: { x: box.x, y: box.y }, data: { title: key },
    style: { width: box.width, height: box.height }, selectable: false, draggable: false, zIndex: -1,
  }));
  const patterns: PatternFlowNode[] = graph.nodes.map((node, index) => {
    const cluster = inputs[index].cluster;
    const box = layout.nodes.get(node.id)!;
    return {
      id: node.id, type: "pattern", position: { x: box.x, y: box.y },
      ...(cluster !== undefined ? { parentId: `cluster:${cluster}`, extent: "parent" as const } : {}),
      ariaLabel: `${node.name}, ${formatLabel(node.kind ?? node.pattern_type)}, in ${locationOf(node)}: show its neighbourhood`,
      data: {
        name: node.name, color: typeColors[node.pattern_type] ?? "#64748b", focused: node.id === graph.focus,
        detail: clusterBy === "file" ? formatLabel(node.kind ?? node.pattern_type) : `${formatLabel(node.kind ?? node.pattern_type)} · ${locationOf(node)}`,
      },
    };
  });
  const edges: Edge[] = graph.edges.map((edge) => {
    const color = relationshipTypes.find((type) => type.value === edge.relationship_type)?.color;
    return {
      id: edge.id, source: edge.source, target: edge.target,
      ariaLabel: `${formatLabel(edge.relationship_type.toLowerCase())} relationship`,
      style: { stroke: color, strokeWidth: 1 + edge.strength * 2 },
      markerEnd: { type: MarkerType.ArrowClosed, color },
    };
  });
  return { nodes: [...clusters, ...patterns], edges };
}
