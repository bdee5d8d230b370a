/**
 * Lists every design-pattern detection in some folders or files, one line per unit and
 * kind, so a detector change can be read as a diff of what it finds (precision is judged by
 * reading the new lines against the code).
 *
 *   npx tsx tests/bench/scan-detections.ts PATH... [--kind builder] > before.txt
 *   diff before.txt after.txt
 *
 * Each line: `kind  confidence  file  qualname  evidence | evidence`.
 */
import { readFile } from "node:fs/promises";
import { discoverFiles } from "@/lib/extract/discover";
import { extractFile } from "@/lib/extract/extract-file";

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const paths = args.filter((arg, index) => !arg.startsWith("--") && !(index > 0 && args[index - 1]!.startsWith("--")));
  const only = option("kind");
  const discovery = await discoverFiles({ paths, cwd: process.cwd() });
  const lines: string[] = [];
  for (const task of discovery.files) {
    const source = await readFile(task.path, "utf8");
    let units;
    try {
      units = (await extractFile({ file: task.file, source, language: task.language })).units;
    } catch {
      continue;
    }
    for (const unit of units) {
      for (const match of unit.patterns) {
        if (only && match.kind !== only) continue;
        lines.push([match.kind.padEnd(22), match.confidence.toFixed(2), task.file, unit.qualname, match.evidence.join(" | ")].join("  "));
      }
    }
  }
  lines.sort();
  process.stdout.write(`${lines.join("\n")}\n`);
  process.stderr.write(`${discovery.files.length} files, ${lines.length} detections\n`);
}

await main();
