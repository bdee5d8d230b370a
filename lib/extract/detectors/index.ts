import type { PatternMatch } from "@/lib/domain";
import { detectAdapter } from "./adapter";
import { detectBuilder } from "./builder";
import { detectCacheMemoize } from "./cache-memoize";
import { detectContextManager } from "./context-manager";
import { detectDbTransaction } from "./db-transaction";
import { detectDecorator } from "./decorator";
import { DetectorContext, type DetectDesignPatternsInput, type Detector } from "./detector";
import { detectErrorHandlingWrapper } from "./error-handling-wrapper";
import { detectFactory } from "./factory";
import { detectObserverEvent } from "./observer-event";
import { detectRepositoryCrud } from "./repository-crud";
import { detectRetryBackoff } from "./retry-backoff";
import { detectSingleton } from "./singleton";
import { detectStrategy } from "./strategy";
import { detectValidation } from "./validation";
import { classifyUnit, unitFeatures, type UnitFeatures } from "../kind-model";

export type { DetectDesignPatternsInput } from "./detector";

const detectors: Detector[] = [
  detectRetryBackoff,
  detectSingleton,
  detectFactory,
  detectRepositoryCrud,
  detectObserverEvent,
  detectStrategy,
  detectDecorator,
  detectContextManager,
  detectBuilder,
  detectCacheMemoize,
  detectValidation,
  detectAdapter,
  detectErrorHandlingWrapper,
  detectDbTransaction,
];

/** The rule-based detectors' matches for one unit. */
function heuristicMatches(context: DetectorContext): PatternMatch[] {
  const matches: PatternMatch[] = [];
  for (const detect of detectors) {
    const match = detect(context);
    if (match) matches.push(match);
  }
  return matches;
}

/**
 * The design patterns one unit implements, each with a confidence and the evidence that made
 * the call: what the rule-based detectors find in its syntax, plus the kinds the learned
 * classifier (lib/extract/kind-model) scores above its per-kind threshold. A unit may match
 * several kinds; the result is ordered by confidence, highest first.
 */
export function detectDesignPatterns(input: DetectDesignPatternsInput): PatternMatch[] {
  const context = new DetectorContext(input);
  const matches = heuristicMatches(context);
  matches.push(...classifyUnit(context, matches));
  return matches.sort((a, b) => b.confidence - a.confidence || a.kind.localeCompare(b.kind));
}

/** What the kind classifier is trained on for one unit: the rules' matches and the unit's features. */
export function designPatternFeatures(input: DetectDesignPatternsInput): { heuristic: PatternMatch[]; features: UnitFeatures } {
  const context = new DetectorContext(input);
  const heuristic = heuristicMatches(context);
  return { heuristic, features: unitFeatures(context, heuristic) };
}
