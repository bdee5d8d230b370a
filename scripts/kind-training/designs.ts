/**
 * The kind-classifier designs compared over cached examples: a learner (logistic regression or
 * nearest neighbours) over a choice of feature families — the hand features (words, lexicon,
 * structure, the rules' verdicts `h:`) and the syntax features (syntax-features.ts).
 * A design is named `learner:families`, e.g. `lr:hand` (today's model), `lr:hand+syntax`,
 * `lr:syntax+h`, `knn:syntax`.
 */
import type { Example } from "./dataset";
import { fit, predict, type FitSettings } from "./fit";
import { fitNeighbours, type NeighbourSettings } from "./nearest-neighbours";

/** The syntax families (everything else is a hand feature). */
export const syntaxFamilies = new Set(["ast", "asw", "ng", "nw", "call", "ctl"]);

/** A trained design: each kind's score for a unit. */
export type Predictor = (example: Example) => number[];
/** Trains a design on examples. */
export type Trainer = (training: readonly Example[]) => Predictor;

function familyOf(name: string): string {
  return name.slice(0, name.indexOf(":"));
}

/** Whether a feature belongs to one of the named groups: `hand`, `syntax`, `h` (the rules' verdicts), or a family prefix. */
function inGroup(family: string, group: string): boolean {
  return group === family || (group === "syntax" && syntaxFamilies.has(family)) || (group === "hand" && !syntaxFamilies.has(family));
}

/** `hand+syntax`: the union; `hand-h`: the hand features but the rules' verdicts. */
function inFamilies(name: string, families: string): boolean {
  const family = familyOf(name);
  return families.split("+").some((term) => {
    const [group, ...excluded] = term.split("-");
    return inGroup(family, group!) && !excluded.some((exclusion) => inGroup(family, exclusion));
  });
}

/**
 * The examples as a design sees them: only its families, and the syntax block scaled to unit
 * length (a class has thousands of syntax features and a method tens; unscaled, the big units
 * would dominate the gradient and the step size tuned for the hand features would diverge).
 */
export function viewExamples(examples: readonly Example[], families: string, scaleSyntax = true): Example[] {
  return examples.map((example) => {
    const kept = [...example.features].filter(([name]) => inFamilies(name, families));
    const syntaxCount = kept.filter(([name]) => syntaxFamilies.has(familyOf(name))).length;
    const scale = syntaxCount > 0 && scaleSyntax ? 1 / Math.sqrt(syntaxCount) : 1;
    return { ...example, features: new Map(kept.map(([name, value]) => [name, syntaxFamilies.has(familyOf(name)) ? value * scale : value])) };
  });
}

/** The trainer of a learner (`lr` or `knn`). */
export function trainerOf(learner: string, lrSettings: FitSettings, neighbourSettings: NeighbourSettings): Trainer {
  if (learner === "knn") return (training) => fitNeighbours(training, neighbourSettings);
  if (learner !== "lr") throw new Error(`unknown learner "${learner}" (lr or knn)`);
  return (training) => {
    const fitted = fit(training, lrSettings);
    return (example) => predict(fitted, example);
  };
}
