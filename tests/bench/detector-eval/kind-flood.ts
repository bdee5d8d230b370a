/**
 * Lists the units of a split's labelled files that no label names but that a detector gives a
 * kind (`--kind K` for one kind): where a rule floods code it was not labelled on. Tune only by
 * default; reading held-out or never-tuned units this way is looking at them.
 *   npx tsx tests/bench/detector-eval/kind-flood.ts --kind validation [--split tune] [--tune-half A|B] [--evidence]
 */
import { readLabelSet, tuneHalfOf } from "./label-set";
import { labelledFileUnits, unitKey } from "./labelled-file-units";

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

async function main(): Promise<void> {
  const split = option("--split") ?? "tune";
  const kind = option("--kind");
  let total = 0;
  let flagged = 0;
  const half = option("--tune-half");
  const inPart = readLabelSet().filter((candidate) => candidate.split === split && (half === undefined || tuneHalfOf(candidate) === half));
  for (const labels of inPart) {
    for await (const { relative, units, labelled } of labelledFileUnits(labels)) {
      for (const unit of units) {
        if (labelled.has(unitKey(unit.qualname, unit.startLine))) continue;
        total += 1;
        const kinds = unit.patterns.filter((pattern) => !kind || pattern.kind === kind);
        if (kinds.length === 0) continue;
        flagged += 1;
        const evidence = process.argv.includes("--evidence") ? `  [${kinds.map((pattern) => pattern.evidence.join("; ")).join(" | ")}]` : "";
        console.log(`${kinds.map((pattern) => pattern.kind).join(",")}  ${labels.package} ${relative} ${unit.qualname}:${unit.startLine}${evidence}`);
      }
    }
  }
  console.log(`${flagged} of ${total} unlabelled units given ${kind ?? "a kind"}`);
}

await main();
