/**
 * Fits lib/search's strength model: a logistic regression of "the first result is a right
 * answer" on the parts of its rank (strengthFeatures), from the top-10 dumps that
 * evaluate-search.ts writes (--dump), over the six tuning sets (in-sample, held-out, held-out-2,
 * held-out-3, held-out-4, held-out-5) of one or more embedders pooled. Prints each set's precision when it is left out of the fit
 * (the honest estimate of how often "strong" is right on intents the fit never saw), the
 * absent-code intents that would be called strong, and the weights fitted on all of them.
 * held-out-6 (the never-tuned set) is never read.
 *
 *   npx tsx tests/bench/search-eval/fit-strength.ts <dump.json> [<dump.json> ...]
 */
import { readFileSync } from "node:fs";
import { scoreLead, strengthFeatures, strengthModel, type StrengthEvidence } from "@/lib/search";

interface DumpedResult { rerankShare?: number | null; right: boolean; vectorRank: number | null; textRank: number | null; similarityZ: number | null; intentWords: number; wordsFound: number; score: number }
type Dump = Record<string, Array<{ intent: string; results: DumpedResult[] }>>;

const tuningSets = ["in-sample", "held-out", "held-out-2", "held-out-3", "held-out-4", "held-out-5"];
const thresholds = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95];

interface Example { features: number[]; right: boolean; set: string }

function examples(dumps: Dump[], sets: (name: string) => boolean): Example[] {
  return dumps.flatMap((dump) =>
    Object.entries(dump).filter(([name]) => sets(name)).flatMap(([name, intents]) =>
      intents.filter((intent) => intent.results.length > 0).map((intent) => {
        const first = intent.results[0];
        const evidence: StrengthEvidence = {
          position: 1, vectorRank: first.vectorRank, textRank: first.textRank, intentWords: first.intentWords, wordsFound: first.wordsFound,
          similarityZ: first.similarityZ, scoreLead: scoreLead(first.score, intent.results[1]?.score), rerankShare: first.rerankShare ?? null,
        };
        return { features: strengthFeatures(evidence), right: first.right, set: name };
      }),
    ),
  );
}

const sigmoid = (value: number) => 1 / (1 + Math.exp(-value));
const predict = (weights: number[], features: number[]) => sigmoid(weights.reduce((sum, weight, index) => sum + weight * (index === 0 ? 1 : features[index - 1]), 0));

/** Gradient descent on the log loss with an L2 penalty (the intercept is not penalized): deterministic. */
function fit(training: Example[], penalty = 1, steps = 4000, rate = 0.5): number[] {
  const width = training[0].features.length + 1;
  const weights = new Array<number>(width).fill(0);
  for (let step = 0; step < steps; step++) {
    const gradient = new Array<number>(width).fill(0);
    for (const example of training) {
      const error = predict(weights, example.features) - (example.right ? 1 : 0);
      gradient[0] += error;
      example.features.forEach((value, index) => (gradient[index + 1] += error * value));
    }
    for (let index = 0; index < width; index++) weights[index] -= (rate * (gradient[index] + (index === 0 ? 0 : penalty * weights[index]))) / training.length;
  }
  return weights;
}

function main(): void {
  const files = process.argv.slice(2);
  if (files.length === 0) throw new Error("give one or more dumps written by evaluate-search.ts --dump");
  const dumps = files.map((file) => JSON.parse(readFileSync(file, "utf8")) as Dump);
  const tuning = examples(dumps, (name) => tuningSets.includes(name));
  const absent = examples(dumps, (name) => name.startsWith("absent/"));
  const heldTotals = thresholds.map(() => ({ right: 0, marked: 0, absent: 0 }));
  for (const left of tuningSets) {
    const weights = fit(tuning.filter((example) => example.set !== left));
    const cells = thresholds.map((threshold, index) => {
      const marked = tuning.filter((example) => example.set === left && predict(weights, example.features) >= threshold);
      const right = marked.filter((example) => example.right).length;
      const absentStrong = absent.filter((example) => predict(weights, example.features) >= threshold).length;
      heldTotals[index].right += right; heldTotals[index].marked += marked.length; heldTotals[index].absent += absentStrong;
      return `${threshold}: ${right}/${marked.length}`.padEnd(12);
    });
    console.log(`left out ${left.padEnd(10)} ${cells.join(" ")}`);
  }
  console.log(`pooled, each set left out: ${thresholds.map((threshold, index) => `${threshold}: ${heldTotals[index].right}/${heldTotals[index].marked} = ${(100 * heldTotals[index].right / Math.max(1, heldTotals[index].marked)).toFixed(0)} % (absent strong ${heldTotals[index].absent})`).join("; ")}`);
  const weights = fit(tuning);
  console.log(`fitted on all ${tuning.length} tuning intents: intercept ${weights[0].toFixed(2)}, weights ${weights.slice(1).map((weight) => weight.toFixed(2)).join(", ")}`);
  const product = [strengthModel.intercept, ...strengthModel.weights];
  const marked = tuning.filter((example) => predict(product, example.features) >= strengthModel.threshold);
  console.log(`lib/search's model (threshold ${strengthModel.threshold}) on these dumps: ${marked.filter((example) => example.right).length}/${marked.length} strong results right; absent strong ${absent.filter((example) => predict(product, example.features) >= strengthModel.threshold).length}/${absent.length}`);
}

main();
