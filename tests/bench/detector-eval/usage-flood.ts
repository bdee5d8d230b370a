/**
 * How many units no label names get a kind, over whole packages (library files and, apart, the
 * test and example files extracted with them), with the shipped usage rules and with candidates:
 * whether a usage rule reports test code's helpers as patterns more than today. Counts only (no
 * unit is listed); tune by default.
 *
 *   npx tsx tests/bench/detector-eval/usage-flood.ts [--tune-half A|B] [--with-tests] --usage-rules a,b
 */
import type { CodeUnit } from "@/lib/domain";
import { candidateUsageRules, usageRulesShipped, type UsageRule } from "@/lib/extract/usage";
import { packageRoot, readLabelSet, tuneHalfOf, type PackageLabels } from "./label-set";
import { isTestOrExample, labelSourcesFolder } from "./package-files";
import { packageUnits } from "./package-units";

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

interface Tally {
  units: number;
  flagged: number;
  byKind: Map<string, number>;
}

const emptyTally = (): Tally => ({ units: 0, flagged: 0, byKind: new Map() });

function count(tally: Tally, unit: CodeUnit): void {
  tally.units += 1;
  if (unit.patterns.length === 0) return;
  tally.flagged += 1;
  for (const match of unit.patterns) tally.byKind.set(match.kind, (tally.byKind.get(match.kind) ?? 0) + 1);
}

async function tallies(packages: PackageLabels[], rules: readonly UsageRule[]): Promise<{ library: Tally; tests: Tally }> {
  const library = emptyTally();
  const tests = emptyTally();
  const testFiles = process.argv.includes("--with-tests") ? "with-sources" : "shipped";
  for (const labels of packages) {
    const labelled = new Set(labels.entries.map((entry) => `${entry.path}\u0000${entry.qualname}\u0000${entry.line}`));
    const root = packageRoot(labels);
    const units = await packageUnits(labels, { tests: testFiles, rules, jobs: 2 });
    for (const [absolute, fileUnits] of units) {
      const relative = absolute.startsWith(root) ? absolute.slice(root.length + 1) : `_examples/${absolute.slice(labelSourcesFolder().length + 1)}`;
      const tally = isTestOrExample(relative) ? tests : library;
      for (const unit of fileUnits) if (!labelled.has(`${relative}\u0000${unit.qualname}\u0000${unit.startLine}`)) count(tally, unit);
    }
  }
  return { library, tests };
}

function line(name: string, tally: Tally): string {
  const kinds = [...tally.byKind].sort(([a], [b]) => a.localeCompare(b)).map(([kind, value]) => `${kind} ${value}`).join(", ");
  return `${name}: ${tally.flagged} of ${tally.units} unlabelled units given a kind (${((100 * tally.flagged) / Math.max(1, tally.units)).toFixed(1)} %)${kinds ? `; ${kinds}` : ""}`;
}

async function main(): Promise<void> {
  const half = option("--tune-half");
  const packages = readLabelSet().filter((labels) => labels.split === "tune" && (half === undefined || tuneHalfOf(labels) === half));
  const names = option("--usage-rules")?.split(",").filter(Boolean) ?? [];
  const candidates = names.map((name) => {
    const rule = candidateUsageRules[name];
    if (!rule) throw new Error(`--usage-rules: unknown ${name}`);
    return rule;
  });
  for (const [title, rules] of [["shipped usage rules", usageRulesShipped], [`with ${names.join(", ") || "no candidate"}`, [...usageRulesShipped, ...candidates]]] as const) {
    const { library, tests } = await tallies(packages, rules);
    console.log(title);
    console.log(`  ${line("library files", library)}`);
    console.log(`  ${line("test and example files", tests)}`);
  }
}

await main();
