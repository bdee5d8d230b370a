/**
 * Agreement of Motif's Python cyclomatic complexity and qualnames with radon's, on real code.
 *
 * radon is not vendored here. Produce its JSON with radon's own `cc_visit` plus
 * `add_inner_blocks` (closures and inner classes, named as `radon cc --show-closures` names
 * them), one record per block: {file, qualname, lineno, complexity, type}. With radon
 * installed (or its package folder on PYTHONPATH) this is what radon_json.py does:
 *
 *   PYTHONPATH=/tmp/radon python3 /tmp/radon/radon_json.py /tmp/radon/stdlib.json \
 *     /root/.pyenv/versions/3.11.7/lib/python3.11/{*.py,json,asyncio,email,http,...}
 *   npx tsx tests/bench/compare-radon.ts /tmp/radon/stdlib.json
 *
 * where radon_json.py is, in full:
 *   blocks = add_inner_blocks(cc_visit(source))
 *   → [{"file", "qualname": b.fullname, "lineno", "complexity", "type": C/M/F}] per file.
 *
 * Each radon block is matched to the unit with the same qualname starting on the same line.
 */
import { readFileSync } from "node:fs";
import { extractFile } from "@/lib/extract/extract-file";

interface RadonBlock {
  file: string;
  qualname: string;
  lineno: number;
  complexity: number;
  type: "function" | "method" | "class";
}

interface Tally {
  blocks: number;
  found: number;
  equal: number;
  differences: string[];
}

const newTally = (): Tally => ({ blocks: 0, found: 0, equal: 0, differences: [] });

function percent(part: number, whole: number): string {
  return whole === 0 ? "n/a" : `${((100 * part) / whole).toFixed(2)}%`;
}

async function main(): Promise<void> {
  const input = process.argv[2];
  if (!input) throw new Error("usage: npx tsx tests/bench/compare-radon.ts RADON_JSON");
  const { blocks } = JSON.parse(readFileSync(input, "utf8")) as { blocks: RadonBlock[] };
  const byFile = new Map<string, RadonBlock[]>();
  for (const block of blocks) byFile.set(block.file, [...(byFile.get(block.file) ?? []), block]);
  const tallies = { functions: newTally(), classes: newTally() };
  let failed = 0;
  for (const [file, fileBlocks] of byFile) {
    const extraction = await extractFile({ file, source: readFileSync(file, "utf8"), language: "python" }).catch(() => undefined);
    if (!extraction) failed++;
    const units = new Map((extraction?.units ?? []).map((unit) => [`${unit.startLine}:${unit.qualname}`, unit.metrics.cyclomatic]));
    for (const block of fileBlocks) {
      const tally = block.type === "class" ? tallies.classes : tallies.functions;
      tally.blocks++;
      const ours = units.get(`${block.lineno}:${block.qualname}`);
      if (ours === undefined) {
        tally.differences.push(`missing ${file}:${block.lineno} ${block.qualname} (radon ${block.complexity})`);
        continue;
      }
      tally.found++;
      if (ours === block.complexity) tally.equal++;
      else tally.differences.push(`differs ${file}:${block.lineno} ${block.qualname}: radon ${block.complexity}, motif ${ours}`);
    }
  }
  console.log(`files: ${byFile.size} (${failed} Motif refused)`);
  for (const [label, tally] of [["functions and methods", tallies.functions], ["classes", tallies.classes]] as const) {
    console.log(`${label}: ${tally.blocks}; found as units ${percent(tally.found, tally.blocks)}; CC equal ${percent(tally.equal, tally.found)} of found`);
  }
  const differences = [...tallies.functions.differences, ...tallies.classes.differences];
  const shown = differences.slice(0, Number(process.env.SHOW_MISMATCHES ?? 20));
  if (shown.length > 0) console.log(`first ${shown.length} of ${differences.length} differences:\n  ${shown.join("\n  ")}`);
}

await main();
