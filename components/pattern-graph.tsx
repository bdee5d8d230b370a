"use client";

import "@xyflow/react/dist/style.css";
import { Background, Controls, MiniMap, ReactFlow } from "@xyflow/react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useMemo } from "react";
import type { PatternGraph as Graph } from "@/lib/db";
import { apiFetch } from "./api-client";
import { formatLabel } from "./format";
import { locationOf, toFlow, type ClusterBy } from "./graph-flow";
import { graphNodeTypes } from "./graph-node";
import { graphQuery, graphQueryKey } from "./graph-query";
import { GraphSearch } from "./graph-search";
import { useGraphView, type GraphView } from "./graph-view-state";
import { IngestEmptyState } from "./ingest-empty-state";
import { relationshipTypes } from "./pattern-vocabulary";
import { useDarkMode } from "./use-dark-mode";
import { EmptyState } from "./ui/empty-state";
import { ErrorMessage } from "./ui/error-message";
import { Skeleton } from "./ui/skeleton";

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

const selectClass = "rounded-md border-0 bg-white py-1.5 pl-2 pr-7 text-sm ring-1 ring-inset ring-slate-300 dark:bg-slate-900 dark:ring-slate-700";

function ViewControls({ view, onChange }: { view: GraphView; onChange: (changes: Partial<GraphView>) => void }) {
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      <label className="inline-flex items-center gap-2">Group by
        <select value={view.cluster} className={selectClass} data-testid="graph-cluster-by" onChange={(event) => onChange({ cluster: event.target.value as ClusterBy })}>
          <option value="file">file</option>
          <option value="kind">kind</option>
          <option value="none">nothing</option>
        </select>
      </label>
      {view.focus && (
        <label className="inline-flex items-center gap-2">Hops
          <select value={view.depth} className={selectClass} data-testid="graph-depth" onChange={(event) => onChange({ depth: Number(event.target.value) })}>
            {[1, 2, 3].map((depth) => <option key={depth} value={depth}>{depth}</option>)}
          </select>
        </label>
      )}
    </div>
  );
}

function FocusBar({ slug, graph, onClear }: { slug: string; graph: Graph; onClear: () => void }) {
  const focus = graph.nodes.find((node) => node.id === graph.focus);
  if (!focus) return null;
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md bg-indigo-50 px-3 py-2 text-sm dark:bg-indigo-950" data-testid="graph-focus">
      <span>Neighbourhood of <strong data-testid="graph-focus-name">{focus.name}</strong></span>
      <span className="text-xs text-slate-600 dark:text-slate-300">{formatLabel(focus.kind ?? focus.pattern_type)} · {locationOf(focus)}</span>
      <Link href={`/projects/${slug}/patterns/${focus.id}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300" data-testid="graph-open-focus">Open pattern</Link>
      <button type="button" onClick={onClear} className="text-slate-600 hover:underline dark:text-slate-300" data-testid="graph-clear-focus">Show the whole project</button>
    </div>
  );
}

function useGraph(slug: string, view: GraphView) {
  return useQuery({
    queryKey: graphQueryKey(slug, view),
    queryFn: () => apiFetch<{ graph: Graph }>(`/api/v1/projects/${slug}/graph?${graphQuery(view)}`).then((body) => body.graph),
    enabled: view.types.length > 0,
    placeholderData: keepPreviousData,
    // Filled by the server on a first visit: not asked again at once (events invalidate it).
    staleTime: 10_000,
  });
}

/**
 * The project's relationships laid out by dagre, grouped by file or kind: the strongest ones
 * of the project, or the neighbourhood of a pattern found by search or clicked. Everything the
 * view shows lives in the URL.
 */
export function PatternGraph({ slug }: { slug: string }) {
  const dark = useDarkMode();
  const [view, setView] = useGraphView();
  const graph = useGraph(slug, view);
  const flow = useMemo(() => (graph.data ? toFlow(graph.data, view.cluster) : undefined), [graph.data, view.cluster]);
  const patternCount = graph.data?.nodes.length ?? 0;
  // Around a focus the view opens on it and its direct neighbours (further hops are a pan away).
  const fitNodes = useMemo(() => {
    const focus = graph.data?.focus;
    if (!focus) return undefined;
    const near = new Set([focus]);
    for (const edge of graph.data!.edges) if (edge.source === focus || edge.target === focus) near.add(edge.source).add(edge.target);
    return [...near].map((id) => ({ id }));
  }, [graph.data]);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">Relationship graph</h1>
        <GraphSearch slug={slug} onPick={(pattern) => setView({ focus: pattern.id })} />
      </div>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <TypeFilter selected={view.types} onChange={(types) => setView({ types })} />
        <ViewControls view={view} onChange={setView} />
      </div>
      {graph.data && <FocusBar slug={slug} graph={graph.data} onClear={() => setView({ focus: "", depth: 1 })} />}
      <ErrorMessage error={graph.error} testId="graph-error" />
      {view.types.length === 0 && <p className="text-sm text-slate-600 dark:text-slate-300">Pick at least one relationship type.</p>}
      {view.types.length > 0 && !flow && !graph.error && <Skeleton className="h-[40rem] w-full" />}
      {flow && patternCount === 0 && (view.types.length === relationshipTypes.length && !view.focus
        ? <IngestEmptyState slug={slug} testId="graph-empty" />
        : <EmptyState title="No relationship of these types" testId="graph-empty">Tick more relationship types above, or focus on another pattern.</EmptyState>)}
      {flow && patternCount > 0 && (
        <>
          <div className="h-[40rem] rounded-lg bg-white ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800" data-testid="graph-canvas"
            data-layout-ready={!graph.isPlaceholderData}>
            {/* Uncontrolled (default*) so nodes can be dragged; new data re-mounts it with a fresh layout. */}
            <ReactFlow key={`${graph.dataUpdatedAt}-${view.cluster}`} defaultNodes={flow.nodes} defaultEdges={flow.edges} nodeTypes={graphNodeTypes}
              fitView fitViewOptions={{ maxZoom: 1.2, minZoom: 0.5, padding: 0.06, nodes: fitNodes }} minZoom={0.1} maxZoom={2}
              colorMode={dark ? "dark" : "light"} nodesConnectable={false}
              onNodeClick={(_, node) => node.type === "pattern" && node.id !== view.focus && setView({ focus: node.id })}>
              <Background />
              <Controls showInteractive={false} />
              <MiniMap pannable zoomable className="hidden sm:block" />
            </ReactFlow>
          </div>
          <p className="text-xs text-slate-500 dark:text-slate-400" data-testid="graph-summary">
            {patternCount} patterns, {graph.data?.edges.length} relationships
            {graph.data?.truncated ? (view.focus ? " (the strongest around this pattern)" : " (the project's strongest: find a pattern above to see its neighbourhood)") : ""}.
            {" "}Click a pattern to focus on it.
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
