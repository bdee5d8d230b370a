/**
 * Prints the ceilings (scripts/kind-training/ceilings.ts) of the learning curve's largest models on
 * left-out packages, and the blind-13 check: a model trained on every tune + held-out package and
 * scored on blind-13 in aggregate (counts per kind; no unit is printed).
 */
import { crossFittedOracle, oracleCeilings, signalShares, type Oracle } from "./ceilings";
import { readCachedExamples } from "./cached-examples";
import { noCuts } from "./cuts";
import { addToTally, barKinds, emptyTally, ofOrigin, summarise, type Origin } from "./curve-counts";
import { largestScored, type Policy, type SeedResult, type Trainer } from "./curve-run";
import type { Example } from "./dataset";
import { packageFolds, type Counts } from "./fit";

const fixed = (value: number) => value.toFixed(2);
const rate = (part: number, whole: number) => (whole === 0 ? "n/a" : fixed(part / whole));
const percent = (part: number, whole: number) => (whole === 0 ? "n/a" : `${Math.round((100 * part) / whole)} %`);
const pr = (count: Counts) => `${rate(count.tp, count.tp + count.fp)} / ${rate(count.tp, count.tp + count.fn)}`;
const under = (oracle: Oracle) => oracle.perKind.filter((count) => count.tp + count.fn > 0 && count.tp / (count.tp + count.fn) < 0.5).length;

function oracleRows(label: string, scored: Map<Example, number[]>, target: number): Oracle {
  const tally = emptyTally();
  addToTally(tally, scored, noCuts());
  const rules = summarise(tally);
  const { perKindTarget, micro } = oracleCeilings(scored, target);
  const crossed = crossFittedOracle(scored, target, 5, 14);
  console.log(`| ${label} | ${fixed(rules.precision)} / ${fixed(rules.recall)} (${rules.tp}/${rules.tp + rules.fn}); ${rules.under} | ${pr(micro.total)} (${micro.total.tp}/${micro.total.tp + micro.total.fn}); ${under(micro)} | ${pr(perKindTarget.total)} (${perKindTarget.total.tp}/${perKindTarget.total.tp + perKindTarget.total.fn}); ${under(perKindTarget)} | ${pr(crossed.total)}; ${under(crossed)} |`);
  return micro;
}

function signalTable(title: string, scoredSets: readonly Map<Example, number[]>[], floor: number): void {
  console.log(`\n${title}`);
  console.log("| kind | positives | any rule fires | its own rule | its lexicon | p > " + floor + " | any of these | the same on other labelled units | on unlabelled units |");
  console.log("|---|---|---|---|---|---|---|---|---|");
  const shares = scoredSets.map((scored) => signalShares(scored, floor));
  const total = { positives: 0, union: 0 };
  barKinds.forEach((kind, index) => {
    const add = (pick: (share: (typeof shares)[number][number]) => number) => shares.reduce((sum, list) => sum + pick(list[index]!), 0);
    const positives = add((share) => share.positives);
    total.positives += positives;
    total.union += add((share) => share.union);
    console.log(`| ${kind} | ${positives / shares.length} | ${percent(add((s) => s.anyRule), positives)} | ${percent(add((s) => s.ownRule), positives)} | ${percent(add((s) => s.lexicon), positives)} | ${percent(add((s) => s.probability), positives)} | ${percent(add((s) => s.union), positives)} | ${percent(add((s) => s.othersWithSignal), add((s) => s.others))} | ${percent(add((s) => s.backgroundWithSignal), add((s) => s.background))} |`);
  });
  console.log(`| **12 kinds** | ${total.positives / shares.length} | | | | | ${percent(total.union, total.positives)} | | |`);
}

function perKindOracle(title: string, oracles: readonly Oracle[]): void {
  console.log(`\n${title}`);
  console.log("| kind | recall (tp / positives, summed over seeds) | precision |");
  console.log("|---|---|---|");
  barKinds.forEach((kind, index) => {
    const count = oracles.reduce((sum, oracle) => ({ tp: sum.tp + oracle.perKind[index]!.tp, fp: sum.fp + oracle.perKind[index]!.fp, fn: sum.fn + oracle.perKind[index]!.fn }), { tp: 0, fp: 0, fn: 0 });
    console.log(`| ${kind} | ${rate(count.tp, count.tp + count.fn)} (${count.tp}/${count.tp + count.fn}) | ${rate(count.tp, count.tp + count.fp)} |`);
  });
}

/** The oracle (a) and signal (b) ceilings of each seed's largest models, by origin. */
export function printCeilings(results: readonly SeedResult[], target: number): void {
  for (const origin of ["held-out", "all", "tune"] as Origin[]) {
    console.log(`\n### Ceilings on left-out packages of origin "${origin}" (largest training size; cuts chosen on the scored packages themselves: optimistic, for the argument only)`);
    console.log(`| seed | rules alone P / R (tp/positives); kinds < 0.5 | oracle cuts, micro P ≥ ${target}: P / R; kinds < 0.5 | oracle cuts, each kind P ≥ ${target}: P / R; kinds < 0.5 | micro oracle chosen on one half of these packages, counted on the other (5 halvings): P / R; kinds < 0.5 |`);
    console.log("|---|---|---|---|---|");
    const oracles = results.map((result, index) => oracleRows(`seed ${index + 1}`, ofOrigin(largestScored(result), origin), target));
    if (origin === "held-out") perKindOracle(`Per-kind recall of the micro oracle, origin "${origin}"`, oracles);
    signalTable(`Signal carried by left-out positives, origin "${origin}" (shares summed over seeds; positives per seed)`, results.map((result) => ofOrigin(largestScored(result), origin)), 0.05);
  }
}

/** Options of the blind-13 check. */
export interface BlindCheck {
  file: string;
  examples: readonly Example[];
  train: Trainer;
  policies: readonly Policy[];
  innerFolds: number;
}

/** Trains on every given example (cuts from a grouped inner fold) and prints blind-13's aggregate figures, oracle and signal. */
export function printBlind(check: BlindCheck): void {
  const blind = readCachedExamples(check.file);
  if (blind.some((example) => example.split !== "blind-13")) throw new Error(`${check.file} holds more than blind-13`);
  const inside = new Map<Example, number[]>();
  for (const fold of packageFolds(check.examples, check.innerFolds)) {
    const held = new Set(fold);
    const predict = check.train(check.examples.filter((example) => !held.has(example.package)));
    for (const example of check.examples) if (held.has(example.package)) inside.set(example, predict(example));
  }
  const predict = check.train(check.examples);
  const scored = new Map(blind.map((example) => [example, predict(example)]));
  console.log(`\n### blind-13 (${new Set(blind.map((example) => example.package)).size} packages, ${blind.filter((example) => example.labelled).length} labelled units), model trained on all ${new Set(check.examples.map((example) => example.package)).size} tune + held-out packages, cuts from a grouped ${check.innerFolds}-fold inside them`);
  console.log("| policy | P / R (tp, fp, fn) | kinds < 0.5 | flood |");
  console.log("|---|---|---|---|");
  for (const policy of check.policies) {
    const tally = emptyTally();
    addToTally(tally, scored, policy.choose(inside));
    const summary = summarise(tally);
    console.log(`| ${policy.name} | ${fixed(summary.precision)} / ${fixed(summary.recall)} (${summary.tp}, ${summary.fp}, ${summary.fn}) | ${summary.under} (${[...summary.recalls].filter(([, recall]) => recall < 0.5).map(([kind, recall]) => `${kind} ${fixed(recall)}`).join(", ")}) | ${(100 * summary.flood).toFixed(1)} % |`);
  }
  console.log(`\n| set | rules alone P / R; kinds < 0.5 | oracle cuts, micro P ≥ 0.85; kinds < 0.5 | oracle cuts, each kind P ≥ 0.85; kinds < 0.5 | micro oracle chosen on one half, counted on the other; kinds < 0.5 |`);
  console.log("|---|---|---|---|---|");
  const oracle = oracleRows("blind-13", scored, 0.85);
  perKindOracle("Per-kind recall of the micro oracle, blind-13", [oracle]);
  signalTable("Signal carried by blind-13 positives", [scored], 0.05);
}
