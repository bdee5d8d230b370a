"use client";

import "@xyflow/react/dist/style.css";
import { Background, Controls, MarkerType, MiniMap, Position, ReactFlow, type Edge, type Node } from "@xyflow/react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import type { PatternGraph as Graph } from "@/lib/db";
import { realtimeQueryKeys } from "./query-keys";
import { apiFetch } from "./api-client";
import { formatLabel } from "./format";
import { layoutGraph } from "./graph-layout";
import { IngestEmptyState } from "./ingest-empty-state";
import { relationshipTypes } from "./pattern-vocabulary";
import { useDarkMode } from "./use-dark-mode";
import { EmptyState } from "./ui/empty-state";
import { ErrorMessage } from "./ui/error-message";
import { Skeleton } from "./ui/skeleton";

const typeColors: Record<string, string> = {
  function_pattern: "#6366f1",
  class_pattern: "#f59e0b",
  design_pattern: "#10b981",
  interaction_pattern: "#ec4899",
};

function toFlow(graph: Graph): { nodes: Node[]; edges: Edge[] } {
  const positions = layoutGraph(graph.nodes.map((node) => node.id), graph.edges);
  const nodes: Node[] = graph.nodes.map((node) => ({
    id: node.id,
    position: positions.get(node.id) ?? { x: 0, y: 0 },
    data: { label: node.name },
    // The layout runs left to right, so edges leave on the right and arrive on the left.
    sourcePosition: Position.Right,
    targetPosition: Position.Left,
    ariaLabel: `${node.name}, ${formatLabel(node.kind ?? node.pattern_type)}: open the pattern`,
    style: { borderColor: typeColors[node.pattern_type], borderWidth: 2, fontSize: 12, width: 170 },
  }));
  const edges: Edge[] = graph.edges.map((edge) => {
    const color = relationshipTypes.find((type) => type.value === edge.relationship_type)?.color;
    return {
      id: edge.id,
      source: edge.source,
      target: edge.target,
      label: formatLabel(edge.relationship_type.toLowerCase()),
      style: { stroke: color, strokeWidth: 1 + edge.strength * 2 },
      markerEnd: { type: MarkerType.ArrowClosed, color },
      labelStyle: { fontSize: 10 },
    };
  });
  return { nodes, edges };
}

function TypeFilter({ selected, onChange }: { selected: string[]; onChange: (types: string[]) => void }) {
  return (
    <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-2" data-testid="graph-filter">
      <legend className="sr-only">Relationship types to show</legend>
      {relationshipTypes.map((type) => (
        <label key={type.value} className="inline-flex items-center gap-2 text-sm">
          <input type="checkbox" checked={selected.includes(type.value)} data-testid={`graph-type-${type.value}`}
            className="h-4 w-4 rounded border-slate-300 accent-indigo-600"
            onChange={(event) => onChange(event.target.checked ? [...selected, type.value] : selected.filter((value) => value !== type.value))} />
          <span aria-hidden="true" className="inline-block h-0.5 w-5" style={{ background: type.color }} />
          {type.label}
        </label>
      ))}
    </fieldset>
  );
}

/** The project's relationships as an interactive graph; clicking (or Enter on) a node opens the pattern. */
export function PatternGraph({ slug }: { slug: string }) {
  const router = useRouter();
  const dark = useDarkMode();
  const [types, setTypes] = useState<string[]>(relationshipTypes.map((type) => type.value));
  const graph = useQuery({
    queryKey: [...realtimeQueryKeys.graph(slug), types],
    queryFn: () => apiFetch<{ graph: Graph }>(`/api/v1/projects/${slug}/graph?types=${types.join(",")}`).then((body) => body.graph),
    enabled: types.length > 0,
    placeholderData: keepPreviousData,
  });
  const flow = useMemo(() => (graph.data ? toFlow(graph.data) : undefined), [graph.data]);
  const open = (id: string) => router.push(`/projects/${slug}/patterns/${id}`);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Relationship graph</h1>
      <TypeFilter selected={types} onChange={setTypes} />
      <ErrorMessage error={graph.error} testId="graph-error" />
      {types.length === 0 && <p className="text-sm text-slate-600 dark:text-slate-300">Pick at least one relationship type.</p>}
      {types.length > 0 && !flow && !graph.error && <Skeleton className="h-[32rem] w-full" />}
      {flow && flow.nodes.length === 0 && (types.length === relationshipTypes.length
        ? <IngestEmptyState slug={slug} testId="graph-empty" />
        : <EmptyState title="No relationship of these types" testId="graph-empty">Tick more relationship types above.</EmptyState>)}
      {flow && flow.nodes.length > 0 && (
        <>
          <div className="h-[32rem] rounded-lg bg-white ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800" data-testid="graph-canvas">
            {/* Uncontrolled (default*) so nodes can be dragged; new data re-mounts it with a fresh layout. */}
            <ReactFlow key={graph.dataUpdatedAt} defaultNodes={flow.nodes} defaultEdges={flow.edges} fitView fitViewOptions={{ maxZoom: 1 }}
              colorMode={dark ? "dark" : "light"} minZoom={0.1} nodesConnectable={false} onNodeClick={(_, node) => open(node.id)}>
              <Background />
              <Controls showInteractive={false} />
              <MiniMap pannable zoomable className="hidden sm:block" />
            </ReactFlow>
          </div>
          <p className="text-xs text-slate-500 dark:text-slate-400" data-testid="graph-summary">
            {flow.nodes.length} patterns, {flow.edges.length} relationships{graph.data?.truncated ? " (the strongest shown)" : ""}.
          </p>
          <details className="text-sm">
            <summary className="cursor-pointer">The patterns in the graph, as a list</summary>
            <ul className="mt-2 columns-1 sm:columns-2 lg:columns-3">
              {graph.data?.nodes.map((node) => (
                <li key={node.id}><Link href={`/projects/${slug}/patterns/${node.id}`} className="text-indigo-700 hover:underline dark:text-indigo-300">{node.name}</Link></li>
              ))}
            </ul>
          </details>
        </>
      )}
    </div>
  );
}
