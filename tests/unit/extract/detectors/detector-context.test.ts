import { describe, expect, it } from "vitest";
import { parserFor } from "@/lib/extract/extract-file";
import { DetectorContext } from "@/lib/extract/detectors/detector";
import { mirrorTree, parseSource, type SyntaxNode } from "@/lib/extract/syntax-tree";
import { CodeLineIndex } from "@/lib/extract/metrics/code-line-index";
import { buildUnit } from "@/lib/extract/units/build-unit";
import { findUnits } from "@/lib/extract/units/find-units";
import type { Language } from "@/lib/domain";

const python = `
def sync(items, client):
    client.open()
    for item in items:
        try:
            client.send(item)
        except IOError:
            client.retry(item)
            log(item)
    while client.busy():
        client.wait(1)
    client.close()
`;

const script = `
function drain(queue, emit) {
  emit("start");
  for (const job of queue) { if (job.ok) { emit(job); } else { queue.retry(job, () => emit("again")); } }
  return queue.size;
}
`;

async function contextOf(source: string, language: Language): Promise<DetectorContext> {
  const { tree, module } = parseSource(await parserFor(language), source);
  const root = mirrorTree(tree!, source, module);
  tree!.delete();
  const found = findUnits({ root, source, language });
  const draft = found.units[0]!;
  const unit = buildUnit({ draft, file: "f", language, source, lines: new CodeLineIndex(source, found.comments) });
  return new DetectorContext({ node: draft.node, unit, language, fileImports: found.imports, source });
}

const within = (outer: SyntaxNode) => (inner: SyntaxNode) => inner.startIndex >= outer.startIndex && inner.endIndex <= outer.endIndex;

describe("DetectorContext", () => {
  it.each([
    ["python", python, ["for_statement", "while_statement", "try_statement", "except_clause", "block"]],
    ["typescript", script, ["for_in_statement", "if_statement", "statement_block", "arrow_function"]],
  ] as const)("finds the calls and nodes inside each sub-node of a %s unit, in source order", async (language, source, types) => {
    const context = await contextOf(source, language);
    const every = context.node.descendantsOfType([...types]);
    expect(every.length).toBeGreaterThan(3);
    for (const outer of every) {
      const calls = context.callsWithin(outer);
      expect(calls.map((call) => call.callee)).toEqual(context.calls().filter((call) => within(outer)(call.node)).map((call) => call.callee));
      for (const type of types) expect(context.findWithin(outer, [type]).map((node) => node.id)).toEqual(context.find([type]).filter(within(outer)).map((node) => node.id));
    }
    const loop = every.find((node) => /for/.test(node.type))!;
    expect(context.callsWithin(loop).length).toBeGreaterThan(1);
    expect(context.callsWithin(loop).length).toBeLessThan(context.calls().length);
  });
});
