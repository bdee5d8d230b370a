/**
 * Reads the kind classifier's examples once and writes them to a JSON file, so that experiments
 * over models and thresholds do not parse every package again. By default tune and held-out only;
 * `--splits blind-13` reads that second held-out instead (for aggregate figures only). never-tuned
 * and any new blind split are never read.
 *   npx tsx scripts/kind-training/cache-examples.ts OUT [--syntax] [--splits tune,held-out|blind-13]
 * --syntax adds the features read from each unit's syntax tree (syntax-features.ts), kept only
 * when seen in ≥ 3 packages of the whole file (a fit keeps only those seen in ≥ 3 of its own
 * training packages, a subset, so nothing a fit could use is dropped). A blind-13 cache is scored,
 * never fitted, so it keeps every feature (its own package counts say nothing about a fit's).
 */
import { writeFileSync } from "node:fs";
import { readLabelSet, type Split } from "../../tests/bench/detector-eval/label-set";
import { packageExamples, type Example } from "./dataset";
import { textOption } from "./options";
import { syntaxFeatures } from "./syntax-features";

const readable: readonly Split[] = ["tune", "held-out", "blind-13"];
const output = process.argv[2] ?? "/tmp/kind-examples.json";
const wanted = textOption("--splits", "tune,held-out").split(",");
const refused = wanted.filter((split) => !readable.includes(split as Split));
if (refused.length > 0) throw new Error(`cache-examples reads only ${readable.join(", ")}; not ${refused.join(", ")}`);
const withSyntax = process.argv.includes("--syntax");
const started = Date.now();
const missing: string[] = [];
const examples: Example[] = [];
let syntaxMilliseconds = 0;
const timedSyntax: typeof syntaxFeatures = (node, language) => {
  const begun = performance.now();
  const features = syntaxFeatures(node, language);
  syntaxMilliseconds += performance.now() - begun;
  return features;
};
for (const labels of readLabelSet().filter((labels) => wanted.includes(labels.split))) {
  examples.push(...(await packageExamples(labels, missing, withSyntax ? timedSyntax : undefined)));
}
const packagesByFeature = new Map<string, Set<string>>();
for (const example of examples) for (const name of example.features.keys()) (packagesByFeature.get(name) ?? packagesByFeature.set(name, new Set()).get(name)!).add(example.package);
const scoredOnly = wanted.includes("blind-13");
const kept = (name: string) => scoredOnly || packagesByFeature.get(name)!.size >= 3;
const rows = examples.map((example) => ({ ...example, kinds: [...example.kinds], heuristic: [...example.heuristic], features: Object.fromEntries([...example.features].filter(([name]) => kept(name))) }));
writeFileSync(output, JSON.stringify(rows));
const keptFeatures = [...packagesByFeature.keys()].filter(kept).length;
console.log(`${rows.length} examples (${missing.length} labels not found), ${keptFeatures} of ${packagesByFeature.size} features kept, in ${((Date.now() - started) / 1000).toFixed(1)} s (syntax features ${(syntaxMilliseconds / 1000).toFixed(1)} s) → ${output}`);
