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

/**
 * The design patterns one unit implements, judged from its syntax (never from names alone),
 * each with a confidence and the evidence that made the call. A unit may match several
 * kinds; the result is ordered by confidence, highest first.
 */
export function detectDesignPatterns(input: DetectDesignPatternsInput): PatternMatch[] {
  const context = new DetectorContext(input);
  const matches: PatternMatch[] = [];
  for (const detect of detectors) {
    const match = detect(context);
    if (match) matches.push(match);
  }
  return matches.sort((a, b) => b.confidence - a.confidence || a.kind.localeCompare(b.kind));
}
