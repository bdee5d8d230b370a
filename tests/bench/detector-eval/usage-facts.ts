/**
 * What the repository-level usage stage sees of labelled units: for each labelled unit of the
 * chosen tune half (never held-out or never-tuned), its kinds, the kinds reported, and its usage
 * facts (decorator uses, `with` uses, instance calls with their arguments, subclasses). Rules
 * are written from one half's facts and checked on the other half (`bench:detectors -- --halves`).
 *
 *   npx tsx tests/bench/detector-eval/usage-facts.ts --tune-half A|B [--kind K] [--misses] [--unlabelled] [--with-tests|--without-tests]
 *   npx tsx tests/bench/detector-eval/usage-facts.ts --tune-half A|B --census [--with-tests|--without-tests]
 *
 * --misses keeps the units labelled with a kind that is not reported; --unlabelled lists instead
 * the units of the half's files that no label names and that have usage facts (look-alikes).
 * --census prints no unit: per kind, how many of the half's labelled positives have each kind of
 * fact (an aggregate table, the only view of a half a rule is checked on).
 */
import type { FileExtraction } from "@/lib/domain";
import { extractFileOutcomes } from "@/lib/extract";
import { buildRepoModel } from "@/lib/extract/clustering";
import { collectReferences } from "@/lib/extract/clustering/collect-references";
import { collectUsage, type UnitUsage } from "@/lib/extract/usage";
import { detectLanguage } from "@/lib/extract/syntax-tree";
import { readLabelSet, readTuneHalves, tuneHalfOf } from "./label-set";
import { packageFiles, type TestFiles } from "./package-files";
import { census, formatCensus } from "./usage-census";

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function describe(usage: UnitUsage | undefined): string[] {
  if (!usage) return [];
  const lines: string[] = [];
  for (const site of usage.decorates.slice(0, 3)) lines.push(`decorates ${(site.from?.qualname ?? "<module>")} ${site.file}:${site.line}`);
  for (const site of usage.entered.slice(0, 3)) lines.push(`with in ${(site.from?.qualname ?? "<module>")} ${site.file}:${site.line}`);
  for (const site of usage.instanceCalls.slice(0, 4)) lines.push(`called from ${(site.from?.qualname ?? "<module>")} ${site.file}:${site.line} (${site.argumentsText.replace(/\s+/g, " ").slice(0, 80)})`);
  if (usage.subclasses.length) lines.push(`subclasses: ${usage.subclasses.slice(0, 6).map((unit) => `${unit.qualname} (${unit.file})`).join(", ")}${usage.subclasses.length > 6 ? ` +${usage.subclasses.length - 6}` : ""}`);
  if (usage.siblings.length) lines.push(`siblings: ${usage.siblings.slice(0, 6).map((unit) => `${unit.qualname} (${unit.file})`).join(", ")}${usage.siblings.length > 6 ? ` +${usage.siblings.length - 6}` : ""}`);
  return lines;
}

async function main(): Promise<void> {
  const half = option("--tune-half");
  if (half !== "A" && half !== "B") throw new Error("--tune-half A|B is required (tune only)");
  const kind = option("--kind");
  const halves = readTuneHalves();
  const tests: TestFiles = process.argv.includes("--with-tests") ? "with-sources" : process.argv.includes("--without-tests") ? "none" : "shipped";
  const counted = census();
  for (const labels of readLabelSet().filter((entry) => entry.split === "tune" && tuneHalfOf(entry, halves) === half)) {
    const tasks = packageFiles(labels, tests).flatMap(({ path, file }) => (detectLanguage(file) ? [{ path, file, language: detectLanguage(file)! }] : []));
    const { outcomes } = await extractFileOutcomes({ files: tasks, jobs: 2 });
    const files = outcomes.flatMap((outcome): FileExtraction[] => (outcome.status === "extracted" ? [outcome.extraction] : []));
    const model = buildRepoModel(files);
    const usage = collectUsage(model, collectReferences(model));
    const labelled = new Map(labels.entries.map((entry) => [`${entry.path}\u0000${entry.qualname}\u0000${entry.line}`, entry.kinds]));
    if (process.argv.includes("--census")) {
      counted.add(model.units, usage, labelled);
      continue;
    }
    for (const unit of model.units) {
      const kinds = labelled.get(`${unit.file}\u0000${unit.qualname}\u0000${unit.startLine}`);
      const facts = describe(usage.get(unit.id));
      if (process.argv.includes("--unlabelled")) {
        if (kinds || facts.length === 0 || !labels.entries.some((entry) => entry.path === unit.file)) continue;
      } else {
        if (!kinds || (kind && !kinds.includes(kind as never))) continue;
        if (process.argv.includes("--misses") && kinds.every((wanted) => unit.patterns.some((match) => match.kind === wanted))) continue;
      }
      const reported = unit.patterns.map((match) => match.kind).join(",") || "-";
      console.log(`${labels.package} ${unit.file} ${unit.qualname}:${unit.startLine} labelled [${kinds?.join(",") ?? "unlabelled"}] reported [${reported}]`);
      for (const line of facts) console.log(`    ${line}`);
    }
  }
  if (process.argv.includes("--census")) for (const line of formatCensus(counted)) console.log(line);
}

await main();
