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
 *   npx tsx tests/bench/search-eval/fit-rerank.ts [--penalty 0.02] [--without part,...] [--parts part,...] [--encoder-list] [--write] <candidates.json> [...]
 *
 * --parts adds parts measured beside the product's (rerank-extra-parts.ts); --encoder-list lets the
 * sentence encoder's own first candidates (use-lite dumps, marked encoderOnly) join the 30.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { rerankFeatures, rerankIntent, rerankPartNames, type RerankCandidate } from "@/lib/search";
import { extraParts } from "./rerank-extra-parts";

type CandidateDump = Record<string, Array<{ intent: string; noShared: boolean; candidates: Array<RerankCandidate & { right: boolean; encoderOnly?: boolean }> }>>;
interface Query { set: string; dump: number; noShared: boolean; features: number[][]; right: boolean[] }

const tuningSets = ["in-sample", "held-out", "held-out-2", "held-out-3", "held-out-4", "held-out-5"];
const option = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const penalty = Number(option("--penalty") ?? 0.02);
const without = new Set((option("--without") ?? "").split(",").filter(Boolean));
// --parts: parts measured beside the product's (rerank-extra-parts.ts).
const extras = (option("--parts") ?? "").split(",").filter(Boolean);
for (const name of extras) if (!extraParts[name]) throw new Error(`no part ${name}; parts: ${Object.keys(extraParts).join(", ")}`);
const partNames = [...rerankPartNames, ...extras];
const mask = partNames.map((name) => (without.has(name) ? 0 : 1));
// The prior the penalty pulls towards: the SQL order (its score's log ratio alone).
const prior: number[] = partNames.map((name) => (name === "sql_score" ? 4 : 0));
// --encoder-list: the sentence encoder's own first candidates (use-lite dumps) join the 30.
const encoderList = process.argv.includes("--encoder-list");

function queries(files: string[]): Query[] {
  return files.flatMap((file, dump) => {
    const data = JSON.parse(readFileSync(file, "utf8")) as CandidateDump;
    return tuningSets.flatMap((set) => (data[set] ?? []).map((entry) => {
      const intent = rerankIntent(entry.intent);
      const list = entry.candidates.filter((candidate) => encoderList || !candidate.encoderOnly);
      const top = list[0]?.finalScore ?? 0;
      const features = list.map((candidate) => [...rerankFeatures(intent, candidate, top), ...extras.map((name) => extraParts[name](intent, candidate, list))].map((value, index) => value * mask[index]));
      return { set, dump, noShared: entry.noShared, features, right: list.map((candidate) => candidate.right) };
    }));
  });
}

const score = (weights: number[], features: number[]) => features.reduce((sum, value, index) => sum + value * weights[index], 0);

/** The listwise log loss of one intent, its gradient and its curvature (the softmax over all candidates' part of the Hessian). */
function intentTerms(query: Query, weights: number[], gradient: number[] | null, curvature: number[][] | null): number {
  const scores = query.features.map((features) => score(weights, features));
  const highest = Math.max(...scores);
  const all = scores.map((value) => Math.exp(value - highest));
  const right = all.map((value, index) => (query.right[index] ? value : 0));
  const allSum = all.reduce((sum, value) => sum + value, 0);
  const rightSum = right.reduce((sum, value) => sum + value, 0);
  if (gradient) query.features.forEach((features, candidate) => features.forEach((value, index) => {
    gradient[index] += value * (all[candidate] / allSum - right[candidate] / rightSum);
  }));
  if (curvature) {
    const size = weights.length;
    const mean = new Array<number>(size).fill(0);
    query.features.forEach((features, candidate) => features.forEach((value, index) => (mean[index] += (value * all[candidate]) / allSum)));
    query.features.forEach((features, candidate) => {
      const chance = all[candidate] / allSum;
      for (let row = 0; row < size; row++) for (let column = 0; column < size; column++) curvature[row][column] += chance * (features[row] - mean[row]) * (features[column] - mean[column]);
    });
  }
  return Math.log(allSum) - Math.log(rightSum);
}

function solve(matrix: number[][], vector: number[]): number[] {
  const size = vector.length;
  const rows = matrix.map((row, index) => [...row, vector[index]]);
  for (let column = 0; column < size; column++) {
    let pivot = column;
    for (let row = column + 1; row < size; row++) if (Math.abs(rows[row][column]) > Math.abs(rows[pivot][column])) pivot = row;
    [rows[column], rows[pivot]] = [rows[pivot], rows[column]];
    for (let row = 0; row < size; row++) {
      if (row === column || rows[column][column] === 0) continue;
      const factor = rows[row][column] / rows[column][column];
      for (let index = column; index <= size; index++) rows[row][index] -= factor * rows[column][index];
    }
  }
  return rows.map((row, index) => (row[index] === 0 ? 0 : row[size] / row[index]));
}

/**
 * The listwise log loss with an L2 pull towards the SQL order's weights, minimised by damped
 * Newton steps (the softmax's curvature plus the penalty, a step halved until the loss falls):
 * deterministic, and converged where session 10's fixed 3,000 gradient steps stopped short.
 */
function fit(training: Query[]): number[] {
  let weights = [...prior];
  const usable = training.filter((query) => query.right.some(Boolean));
  const size = weights.length;
  const objective = (candidate: number[]) => usable.reduce((sum, query) => sum + intentTerms(query, candidate, null, null), 0)
    + (penalty * usable.length / 2) * candidate.reduce((sum, weight, index) => sum + mask[index] * (weight - prior[index]) ** 2, 0);
  let loss = objective(weights);
  for (let step = 0; step < 60; step++) {
    const gradient = weights.map((weight, index) => penalty * (weight - prior[index]) * usable.length);
    const curvature = weights.map((_, row) => weights.map((__, column) => (row === column ? penalty * usable.length + 1e-9 : 0)));
    for (const query of usable) intentTerms(query, weights, gradient, curvature);
    for (let index = 0; index < size; index++) if (!mask[index]) { gradient[index] = 0; curvature[index] = curvature[index].map((_, column) => (column === index ? 1 : 0)); }
    const direction = solve(curvature, gradient);
    let scale = 1, next = weights, nextLoss = Infinity;
    for (let halving = 0; halving < 30; halving++, scale /= 2) {
      next = weights.map((weight, index) => weight - scale * direction[index] * mask[index]);
      nextLoss = objective(next);
      if (nextLoss < loss) break;
    }
    if (!(nextLoss < loss)) break;
    const moved = Math.max(...next.map((weight, index) => Math.abs(weight - weights[index])));
    weights = next; loss = nextLoss;
    if (moved < 1e-5) break;
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
  const files = process.argv.slice(2).filter((argument, index, all) => !argument.startsWith("--") && !["--penalty", "--without", "--parts"].includes(all[index - 1]));
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
  const shown = Object.fromEntries(partNames.map((name, index) => [name, Math.round(weights[index] * 1000) / 1000]));
  console.log(`fitted on all ${tuningSets.length} sets (${all.length} intents): ${JSON.stringify(shown)}`);
  if (process.argv.includes("--write")) {
    const target = path.resolve(import.meta.dirname, "../../../lib/search/data/rerank-model.json");
    writeFileSync(target, `${JSON.stringify({ fitted: `tests/bench/search-eval/fit-rerank.ts --penalty ${penalty} on ${files.map((file) => path.basename(file)).join(", ")}`, weights: shown }, null, 2)}\n`);
    console.log(`wrote ${target}`);
  }
}

main();
