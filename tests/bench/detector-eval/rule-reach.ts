/**
 * Which packages each detector rule reaches: every unit of a split's labelled files (labelled
 * or not) that a detector gives a kind, grouped by the rule that made the call (its first
 * evidence string with the quoted code left out), with the packages it fired in and, on
 * labelled units, how often it was right. A rule that fires in one package only is a narrow
 * shape: it learned that package, not the kind. Tune only by default; running it on
 * held-out or never-tuned lists their units, which is looking at them.
 *   npx tsx tests/bench/detector-eval/rule-reach.ts [--kind K] [--split tune] [--max-packages 1]
 */
import { readLabelSet } from "./label-set";
import { labelledFileUnits, unitKey } from "./labelled-file-units";

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

/** A rule's name from its evidence: the words before any quoted code, numbers and names left out. */
export function ruleSignature(evidence: string): string {
  return evidence
    .replace(/\(.*$/s, "")
    .replace(/:.*$/s, "")
    .replace(/\b[\w$.#]*[_A-Z0-9.#$][\w$.#]*\b/g, "X")
    .replace(/\s+/g, " ")
    .trim();
}

interface Reach {
  packages: Set<string>;
  right: number;
  wrong: number;
  unlabelled: number;
}

async function main(): Promise<void> {
  const split = option("--split") ?? "tune";
  const kind = option("--kind");
  const maxPackages = Number(option("--max-packages") ?? Infinity);
  const reach = new Map<string, Reach>();
  for (const labels of readLabelSet().filter((candidate) => candidate.split === split)) {
    for await (const { units, labelled } of labelledFileUnits(labels)) {
      for (const unit of units) {
        const truth = labelled.get(unitKey(unit.qualname, unit.startLine));
        for (const pattern of unit.patterns) {
          if (kind && pattern.kind !== kind) continue;
          const key = `${pattern.kind}  ${ruleSignature(pattern.evidence[0] ?? "")}`;
          const entry = reach.get(key) ?? { packages: new Set(), right: 0, wrong: 0, unlabelled: 0 };
          entry.packages.add(labels.package);
          if (!truth) entry.unlabelled += 1;
          else if (truth.includes(pattern.kind)) entry.right += 1;
          else entry.wrong += 1;
          reach.set(key, entry);
        }
      }
    }
  }
  const rows = [...reach].filter(([, entry]) => entry.packages.size <= maxPackages).sort((a, b) => a[0].localeCompare(b[0]));
  for (const [key, entry] of rows) {
    console.log(`${key}\n    ${entry.packages.size} package(s): ${[...entry.packages].slice(0, 6).join(", ")}; labelled right ${entry.right}, wrong ${entry.wrong}; unlabelled ${entry.unlabelled}`);
  }
}

await main();
