/**
 * Reads the kind classifier's examples once (tune and held-out only; never-tuned and any other
 * split are never read) and writes them to a JSON file, so that experiments over models and
 * thresholds do not parse every package again.
 *   npx tsx scripts/kind-training/cache-examples.ts OUT [--syntax]
 * --syntax adds the features read from each unit's syntax tree (syntax-features.ts), kept only
 * when seen in ≥ 3 packages of the whole file (a fit keeps only those seen in ≥ 3 of its own
 * training packages, a subset, so nothing a fit could use is dropped).
 */
import { writeFileSync } from "node:fs";
import { readLabelSet } from "../../tests/bench/detector-eval/label-set";
import { packageExamples, type Example } from "./dataset";
import { syntaxFeatures } from "./syntax-features";

const output = process.argv[2] ?? "/tmp/kind-examples.json";
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
for (const labels of readLabelSet().filter((labels) => labels.split === "tune" || labels.split === "held-out")) {
  examples.push(...(await packageExamples(labels, missing, withSyntax ? timedSyntax : undefined)));
}
const packagesByFeature = new Map<string, Set<string>>();
for (const example of examples) for (const name of example.features.keys()) (packagesByFeature.get(name) ?? packagesByFeature.set(name, new Set()).get(name)!).add(example.package);
const kept = (name: string) => packagesByFeature.get(name)!.size >= 3;
const rows = examples.map((example) => ({ ...example, kinds: [...example.kinds], heuristic: [...example.heuristic], features: Object.fromEntries([...example.features].filter(([name]) => kept(name))) }));
writeFileSync(output, JSON.stringify(rows));
const keptFeatures = [...packagesByFeature.keys()].filter(kept).length;
console.log(`${rows.length} examples (${missing.length} labels not found), ${keptFeatures} of ${packagesByFeature.size} features in ≥ 3 packages, in ${((Date.now() - started) / 1000).toFixed(1)} s (syntax features ${(syntaxMilliseconds / 1000).toFixed(1)} s) → ${output}`);
