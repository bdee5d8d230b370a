import type { DesignPatternKind, PatternMatch } from "@/lib/domain";
import { detectAdapter } from "./adapter";
import { detectBuilder } from "./builder";
import { detectCacheMemoize } from "./cache-memoize";
import { detectContextManager, contextManagerPrecondition } from "./context-manager";
import { detectDbTransaction, dbTransactionPrecondition } from "./db-transaction";
import { detectDecorator } from "./decorator";
import { DetectorContext, type DetectDesignPatternsInput, type Detector, type Precondition } from "./detector";
import { detectErrorHandlingWrapper, errorHandlingWrapperPrecondition } from "./error-handling-wrapper";
import { detectFactory } from "./factory";
import { detectObserverEvent } from "./observer-event";
import { detectRepositoryCrud } from "./repository-crud";
import { detectRetryBackoff, retryBackoffPrecondition } from "./retry-backoff";
import { detectSingleton } from "./singleton";
import { detectStrategy } from "./strategy";
import { detectValidation, validationPrecondition } from "./validation";
import { classifyKinds, classifyUnit, unitFeatures, type UnitFeatures } from "../kind-model";

export type { DetectDesignPatternsInput, Precondition } from "./detector";
export { DetectorContext } from "./detector";

/** A detector and, when declared, what a unit must show for it to report anything. */
export interface DispatchedDetector {
  /** The kind the detector reports. */
  kind: DesignPatternKind;
  detect: Detector;
  precondition?: Precondition;
}

/** The rule-based detectors in the order they run, each with its precondition when it has one. */
export const dispatchedDetectors: readonly DispatchedDetector[] = [
  { kind: "retry_backoff", detect: detectRetryBackoff, precondition: retryBackoffPrecondition },
  { kind: "singleton", detect: detectSingleton },
  { kind: "factory", detect: detectFactory },
  { kind: "repository_crud", detect: detectRepositoryCrud },
  { kind: "observer_event", detect: detectObserverEvent },
  { kind: "strategy", detect: detectStrategy },
  { kind: "decorator", detect: detectDecorator },
  { kind: "context_manager", detect: detectContextManager, precondition: contextManagerPrecondition },
  { kind: "builder", detect: detectBuilder },
  { kind: "cache_memoize", detect: detectCacheMemoize },
  { kind: "validation", detect: detectValidation, precondition: validationPrecondition },
  { kind: "adapter", detect: detectAdapter },
  { kind: "error_handling_wrapper", detect: detectErrorHandlingWrapper, precondition: errorHandlingWrapperPrecondition },
  { kind: "db_transaction", detect: detectDbTransaction, precondition: dbTransactionPrecondition },
];

/** How `detectDesignPatterns` runs; the defaults are what extraction uses. */
export interface DetectOptions {
  /**
   * Skip a detector whose precondition is false, and the kind classifier's full reading where
   * no kind can reach its threshold (default true; off only to check that both skip nothing
   * they should not).
   */
  prefilters?: boolean;
}

/** The rule-based detectors' matches for one unit. */
function heuristicMatches(context: DetectorContext, options: DetectOptions): PatternMatch[] {
  const prefilters = options.prefilters ?? true;
  const matches: PatternMatch[] = [];
  for (const { detect, precondition } of dispatchedDetectors) {
    if (prefilters && precondition && !precondition(context.facts)) continue;
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
export function detectDesignPatterns(input: DetectDesignPatternsInput, options: DetectOptions = {}): PatternMatch[] {
  const context = new DetectorContext(input);
  const matches = heuristicMatches(context, options);
  const learned = options.prefilters === false ? classifyKinds(unitFeatures(context, matches), matches) : classifyUnit(context, matches);
  matches.push(...learned);
  return matches.sort((a, b) => b.confidence - a.confidence || a.kind.localeCompare(b.kind));
}

/** What the kind classifier is trained on for one unit: the rules' matches and the unit's features. */
export function designPatternFeatures(input: DetectDesignPatternsInput): { heuristic: PatternMatch[]; features: UnitFeatures } {
  const context = new DetectorContext(input);
  const heuristic = heuristicMatches(context, {});
  return { heuristic, features: unitFeatures(context, heuristic) };
}
