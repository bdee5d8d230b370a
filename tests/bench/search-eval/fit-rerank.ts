/**
 * Fits lib/search's re-ranker: a listwise logistic model (softmax over one intent's first
 * candidates; the chance that the right pattern is the one picked) over the parts each
 * candidate's rank already has (lib/search rerankFeatures), from the candidate dumps that
 * evaluate-search.ts writes (--candidates, taken with --no-rerank so that they hold the SQL
 * order), over the six tuning sets (in-sample, held-out, held-out-2, held-out-3, held-out-4,
 * held-out-5) of one or more embedders pooled. Leave one set out: for each set, the model is
 * fitted on the other five and that set's recall@5 and MRR@10 are reported (per embedder dump),
 * beside the SQL order's. Then the weights fitted on all six, to ship in
 * lib/search/data/rerank-model.json. held-out-6 (the never-tuned set) is never read.
 *
 *   npx tsx tests/bench/search-eval/fit-rerank.ts [--penalty 0.02] [--without part,...] [--write] <candidates.json> [...]
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { rerankFeatures, rerankIntent, rerankPartNames, type RerankCandidate } from "@/lib/search";

type CandidateDump = Record<string, Array<{ intent: string; noShared: boolean; candidates: Array<RerankCandidate & { right: boolean }> }>>;
interface Query { set: string; dump: number; noShared: boolean; features: number[][]; right: boolean[] }

const tuningSets = ["in-sample", "held-out", "held-out-2", "held-out-3", "held-out-4", "held-out-5"];
const option = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const penalty = Number(option("--penalty") ?? 0.02);
const without = new Set((option("--without") ?? "").split(",").filter(Boolean));
const mask = rerankPartNames.map((name) => (without.has(name) ? 0 : 1));
// The prior the penalty pulls towards: the SQL order (its score's log ratio alone).
const prior = rerankPartNames.map((name) => (name === "sql_score" ? 4 : 0));

function queries(files: string[]): Query[] {
  return files.flatMap((file, dump) => {
    const data = JSON.parse(readFileSync(file, "utf8")) as CandidateDump;
    return tuningSets.flatMap((set) => (data[set] ?? []).map((entry) => {
      const intent = rerankIntent(entry.intent);
      const top = entry.candidates[0]?.finalScore ?? 0;
      return { set, dump, noShared: entry.noShared, features: entry.candidates.map((candidate) => rerankFeatures(intent, candidate, top).map((value, index) => value * mask[index])), right: entry.candidates.map((candidate) => candidate.right) };
    }));
  });
}

const score = (weights: number[], features: number[]) => features.reduce((sum, value, index) => sum + value * weights[index], 0);

/** Gradient descent on the listwise log loss, with an L2 pull towards the SQL order's weights: deterministic. */
function fit(training: Query[], steps = 3000, rate = 0.5): number[] {
  const weights = [...prior];
  const usable = training.filter((query) => query.right.some(Boolean));
  for (let step = 0; step < steps; step++) {
    const gradient = weights.map((weight, index) => penalty * (weight - prior[index]) * usable.length);
    for (const query of usable) {
      const scores = query.features.map((features) => score(weights, features));
      const highest = Math.max(...scores);
      const all = scores.map((value) => Math.exp(value - highest));
      const right = all.map((value, index) => (query.right[index] ? value : 0));
      const allSum = all.reduce((sum, value) => sum + value, 0);
      const rightSum = right.reduce((sum, value) => sum + value, 0);
      query.features.forEach((features, candidate) => features.forEach((value, index) => {
        gradient[index] += value * (all[candidate] / allSum - right[candidate] / rightSum);
      }));
    }
    for (let index = 0; index < weights.length; index++) weights[index] -= (rate * gradient[index] * mask[index]) / usable.length;
  }
  return weights;
}

/** recall@5, MRR@10, and both for the no-shared-word intents, of a set ranked by `weights` (null: the SQL order). */
function measure(set: Query[], weights: number[] | null): number[] {
  const totals = [0, 0, 0, 0];
  for (const query of set) {
    const order = query.features.map((_, index) => index);
    if (weights) order.sort((left, right) => score(weights, query.features[right]) - score(weights, query.features[left]) || left - right);
    const position = order.findIndex((index) => query.right[index]) + 1;
    const hit = position >= 1 && position <= 5 ? 1 : 0;
    const reciprocal = position >= 1 && position <= 10 ? 1 / position : 0;
    totals[0] += hit; totals[1] += reciprocal;
    if (query.noShared) { totals[2] += hit; totals[3] += reciprocal; }
  }
  const noShared = Math.max(1, set.filter((query) => query.noShared).length);
  return [totals[0] / Math.max(1, set.length), totals[1] / Math.max(1, set.length), totals[2] / noShared, totals[3] / noShared];
}

const format = ([recall, mrr, recallNoShared, mrrNoShared]: number[]) =>
  `${(100 * recall).toFixed(1)} % / ${mrr.toFixed(3)} (no shared ${(100 * recallNoShared).toFixed(1)} % / ${mrrNoShared.toFixed(3)})`;

function main(): void {
  const files = process.argv.slice(2).filter((argument, index, all) => !argument.startsWith("--") && !["--penalty", "--without"].includes(all[index - 1]));
  if (files.length === 0) throw new Error("give one or more candidate dumps written by evaluate-search.ts --no-rerank --candidates");
  const all = queries(files);
  console.log(`penalty ${penalty}${without.size ? `, without ${[...without].join(", ")}` : ""}; recall@5 / MRR@10 of each set left out (SQL order → re-ranked)`);
  const sums = files.map(() => ({ base: [0, 0], reranked: [0, 0], count: 0 }));
  for (const left of tuningSets) {
    const weights = fit(all.filter((query) => query.set !== left));
    files.forEach((file, dump) => {
      const set = all.filter((query) => query.set === left && query.dump === dump);
      const base = measure(set, null), reranked = measure(set, weights);
      sums[dump].base[0] += base[0] * set.length; sums[dump].base[1] += base[1] * set.length;
      sums[dump].reranked[0] += reranked[0] * set.length; sums[dump].reranked[1] += reranked[1] * set.length; sums[dump].count += set.length;
      console.log(`  ${left.padEnd(10)} ${path.basename(file).padEnd(22)} ${format(base)} → ${format(reranked)}`);
    });
  }
  files.forEach((file, dump) => {
    const { base, reranked, count } = sums[dump];
    console.log(`  each set left out, ${path.basename(file)}: ${(100 * base[0] / count).toFixed(1)} % / ${(base[1] / count).toFixed(3)} → ${(100 * reranked[0] / count).toFixed(1)} % / ${(reranked[1] / count).toFixed(3)}`);
  });
  const weights = fit(all);
  const shown = Object.fromEntries(rerankPartNames.map((name, index) => [name, Math.round(weights[index] * 1000) / 1000]));
  console.log(`fitted on all ${tuningSets.length} sets (${all.length} intents): ${JSON.stringify(shown)}`);
  if (process.argv.includes("--write")) {
    const target = path.resolve(import.meta.dirname, "../../../lib/search/data/rerank-model.json");
    writeFileSync(target, `${JSON.stringify({ fitted: `tests/bench/search-eval/fit-rerank.ts --penalty ${penalty} on ${files.map((file) => path.basename(file)).join(", ")}`, weights: shown }, null, 2)}\n`);
    console.log(`wrote ${target}`);
  }
}

main();
