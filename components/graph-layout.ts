/** A point of the graph's layout. */
export interface Point {
  x: number;
  y: number;
}

// Longest-path layering: a node sits one layer right of the furthest node pointing at it. Cycles
// (SIMILAR_TO goes both ways) are cut by capping the passes at the node count.
function layersOf(ids: readonly string[], edges: readonly { source: string; target: string }[]): Map<string, number> {
  const layer = new Map(ids.map((id) => [id, 0]));
  for (let pass = 0; pass < ids.length; pass++) {
    let moved = false;
    for (const edge of edges) {
      const next = (layer.get(edge.source) ?? 0) + 1;
      if (edge.source !== edge.target && next > (layer.get(edge.target) ?? 0) && next < ids.length) {
        layer.set(edge.target, next);
        moved = true;
      }
    }
    if (!moved) break;
  }
  return layer;
}

/**
 * Places a graph's nodes in columns, left to right along the edges (a pattern left of what it
 * uses, extends or is composed of), each column's nodes stacked in the order given. Reads
 * better than a force layout for these mostly directed relationships, and is deterministic.
 */
export function layoutGraph(
  ids: readonly string[],
  edges: readonly { source: string; target: string }[],
  spacing = { column: 240, row: 80 },
): Map<string, Point> {
  const layer = layersOf(ids, edges);
  const filled = new Map<number, number>();
  const positions = new Map<string, Point>();
  for (const id of ids) {
    const column = layer.get(id) ?? 0;
    const row = filled.get(column) ?? 0;
    filled.set(column, row + 1);
    positions.set(id, { x: column * spacing.column, y: row * spacing.row });
  }
  return positions;
}
