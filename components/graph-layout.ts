/** A point of the graph's layout. */
export interface Point {
  x: number;
  y: number;
}

function initialPositions(ids: string[], radius: number): Map<string, Point> {
  // A circle: deterministic, so the same graph always opens the same way.
  return new Map(ids.map((id, index) => {
    const angle = (2 * Math.PI * index) / Math.max(ids.length, 1);
    return [id, { x: radius * Math.cos(angle), y: radius * Math.sin(angle) }];
  }));
}

function step(positions: Map<string, Point>, edges: readonly { source: string; target: string }[], spacing: number, heat: number) {
  const ids = [...positions.keys()];
  const force = new Map(ids.map((id) => [id, { x: 0, y: 0 }]));
  for (let a = 0; a < ids.length; a++) {
    for (let b = a + 1; b < ids.length; b++) {
      const p = positions.get(ids[a])!, q = positions.get(ids[b])!;
      const dx = p.x - q.x, dy = p.y - q.y;
      const distance = Math.max(Math.hypot(dx, dy), 1);
      const push = (spacing * spacing) / distance;
      force.get(ids[a])!.x += (dx / distance) * push; force.get(ids[a])!.y += (dy / distance) * push;
      force.get(ids[b])!.x -= (dx / distance) * push; force.get(ids[b])!.y -= (dy / distance) * push;
    }
  }
  for (const edge of edges) {
    const p = positions.get(edge.source), q = positions.get(edge.target);
    if (!p || !q) continue;
    const dx = p.x - q.x, dy = p.y - q.y;
    const distance = Math.max(Math.hypot(dx, dy), 1);
    const pull = (distance * distance) / spacing;
    force.get(edge.source)!.x -= (dx / distance) * pull; force.get(edge.source)!.y -= (dy / distance) * pull;
    force.get(edge.target)!.x += (dx / distance) * pull; force.get(edge.target)!.y += (dy / distance) * pull;
  }
  for (const id of ids) {
    const f = force.get(id)!, p = positions.get(id)!;
    const length = Math.max(Math.hypot(f.x, f.y), 1);
    p.x += (f.x / length) * Math.min(length, heat);
    p.y += (f.y / length) * Math.min(length, heat);
  }
}

/**
 * Places a graph's nodes with a Fruchterman–Reingold force layout: edges pull their ends
 * together, every pair of nodes pushes apart, and the moves cool down over the iterations.
 * O(n²) per iteration, which is fine for the few hundred nodes one graph draws.
 */
export function layoutGraph(ids: string[], edges: readonly { source: string; target: string }[], spacing = 180): Map<string, Point> {
  const positions = initialPositions(ids, spacing * Math.sqrt(ids.length));
  const iterations = ids.length > 300 ? 60 : 150;
  for (let index = 0; index < iterations; index++) {
    step(positions, edges, spacing, spacing * (1 - index / iterations) + 2);
  }
  return positions;
}
