import { describe, expect, it } from "vitest";
import { layoutGraph, type Box } from "@/components/graph-layout";

const size = { width: 200, height: 52 };
const overlaps = (left: Box, right: Box) =>
  left.x < right.x + right.width && right.x < left.x + left.width && left.y < right.y + right.height && right.y < left.y + left.height;

function absolute(layout: ReturnType<typeof layoutGraph>, nodes: { id: string; cluster?: string }[]): Box[] {
  return nodes.map((node) => {
    const box = layout.nodes.get(node.id)!;
    const cluster = node.cluster === undefined ? undefined : layout.clusters.get(node.cluster)!;
    return cluster ? { ...box, x: box.x + cluster.x, y: box.y + cluster.y } : box;
  });
}

describe("layoutGraph", () => {
  it("places each node left of what it points at, with no two nodes overlapping", () => {
    const nodes = ["a", "b", "c", "d", "e"].map((id) => ({ id, ...size }));
    const layout = layoutGraph(nodes, [{ source: "a", target: "b" }, { source: "b", target: "c" }, { source: "a", target: "d" }, { source: "e", target: "e" }]);
    const box = (id: string) => layout.nodes.get(id)!;
    expect(box("a").x).toBeLessThan(box("b").x);
    expect(box("b").x).toBeLessThan(box("c").x);
    const boxes = [...layout.nodes.values()];
    for (const [index, left] of boxes.entries()) for (const right of boxes.slice(index + 1)) expect(overlaps(left, right)).toBe(false);
  });

  it("keeps a cluster's nodes inside its box, and no two clusters overlap", () => {
    const nodes = [
      { id: "a", cluster: "json/decoder.py" }, { id: "b", cluster: "json/decoder.py" }, { id: "c", cluster: "json/scanner.py" },
      { id: "d", cluster: "json/scanner.py" }, { id: "e", cluster: "json/encoder.py" },
    ].map((node) => ({ ...node, ...size }));
    const edges = [{ source: "a", target: "b" }, { source: "b", target: "c" }, { source: "c", target: "d" }, { source: "a", target: "e" }, { source: "d", target: "a" }];
    const layout = layoutGraph(nodes, edges);
    expect([...layout.clusters.keys()].sort()).toEqual(["json/decoder.py", "json/encoder.py", "json/scanner.py"]);
    for (const node of nodes) {
      const box = layout.nodes.get(node.id)!;
      const cluster = layout.clusters.get(node.cluster)!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThan(0);
      expect(box.x + box.width).toBeLessThanOrEqual(cluster.width);
      expect(box.y + box.height).toBeLessThanOrEqual(cluster.height);
    }
    const clusters = [...layout.clusters.values()];
    for (const [index, left] of clusters.entries()) for (const right of clusters.slice(index + 1)) expect(overlaps(left, right)).toBe(false);
    const boxes = absolute(layout, nodes);
    for (const [index, left] of boxes.entries()) for (const right of boxes.slice(index + 1)) expect(overlaps(left, right)).toBe(false);
  });
});
