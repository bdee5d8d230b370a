/**
 * Reads the kind classifier's examples once (tune and held-out only; never-tuned and any other
 * split are never read) and writes them to a JSON file, so that experiments over models and
 * thresholds do not parse every package again. `npx tsx scripts/kind-training/cache-examples.ts OUT`
 */
import { writeFileSync } from "node:fs";
import { readLabelSet } from "../../tests/bench/detector-eval/label-set";
import { packageExamples, type Example } from "./dataset";

const output = process.argv[2] ?? "/tmp/kind-examples.json";
const started = Date.now();
const missing: string[] = [];
const examples: Example[] = [];
for (const labels of readLabelSet().filter((labels) => labels.split === "tune" || labels.split === "held-out")) examples.push(...(await packageExamples(labels, missing)));
const rows = examples.map((example) => ({ ...example, kinds: [...example.kinds], heuristic: [...example.heuristic], features: Object.fromEntries(example.features) }));
writeFileSync(output, JSON.stringify(rows));
console.log(`${rows.length} examples (${missing.length} labels not found) in ${((Date.now() - started) / 1000).toFixed(1)} s → ${output}`);
