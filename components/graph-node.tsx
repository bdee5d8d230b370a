"use client";

import { Handle, Position, useStore, type Node, type NodeProps } from "@xyflow/react";

/** What a pattern node shows. */
export type PatternNodeData = { name: string; detail: string; color: string; focused: boolean };
/** A pattern drawn on the graph. */
export type PatternFlowNode = Node<PatternNodeData, "pattern">;
/** A cluster's box (one file, or one kind), drawn behind its patterns. */
export type ClusterFlowNode = Node<{ title: string }, "cluster">;

/** The size every pattern node is laid out with. */
export const patternNodeSize = { width: 200, height: 52 };

// Below 1:1 the label grows so that it keeps about 12 px on screen, up to what the box holds; the
// second line (kind, file) gives way first, so that the name stays legible however far one zooms out.
function useLabelScale(): { fontSize: number; showDetail: boolean } {
  const zoom = useStore((state) => state.transform[2]);
  const fontSize = Math.min(12 / Math.min(zoom, 1), 22);
  // At 22 px two lines fill the box: below a zoom of 0.55 a label can no longer keep 12 px on screen.
  return { fontSize, showDetail: fontSize <= 15 };
}

/** A pattern: its name (legible at every zoom), its kind or type, coloured by type; the focus ringed. */
export function PatternNode({ data }: NodeProps<PatternFlowNode>) {
  const { fontSize, showDetail } = useLabelScale();
  return (
    <div data-testid="graph-node" data-focused={data.focused}
      className={`flex h-full w-full flex-col justify-center overflow-hidden rounded-md border-2 bg-white px-2 text-slate-900 shadow-sm dark:bg-slate-900 dark:text-slate-100 ${data.focused ? "ring-4 ring-indigo-400/60" : ""}`}
      style={{ borderColor: data.color, width: patternNodeSize.width, height: patternNodeSize.height }} title={`${data.name} · ${data.detail}`}>
      <Handle type="target" position={Position.Left} className="!opacity-0" isConnectable={false} />
      <span className={`font-semibold leading-tight ${showDetail ? "truncate" : "line-clamp-2 break-words"}`} style={{ fontSize }} data-testid="graph-node-label">{data.name}</span>
      {showDetail && <span className="truncate text-[10px] leading-tight text-slate-500 dark:text-slate-400">{data.detail}</span>}
      <Handle type="source" position={Position.Right} className="!opacity-0" isConnectable={false} />
    </div>
  );
}

/** A cluster's box with its title on top; the title scales like node labels. */
export function ClusterNode({ data }: NodeProps<ClusterFlowNode>) {
  const zoom = useStore((state) => state.transform[2]);
  return (
    <div className="h-full w-full rounded-lg border border-dashed border-slate-300 bg-slate-50/70 dark:border-slate-700 dark:bg-slate-800/40" data-testid="graph-cluster">
      <p className="truncate px-2 pt-1 font-mono text-slate-600 dark:text-slate-300" style={{ fontSize: Math.min(11 / Math.min(zoom, 1), 18) }}>{data.title}</p>
    </div>
  );
}

/** The node types the graph registers (a constant, so React Flow does not re-mount nodes). */
export const graphNodeTypes = { pattern: PatternNode, cluster: ClusterNode };
