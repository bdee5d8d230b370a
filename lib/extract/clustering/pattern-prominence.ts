import type { ExtractedPattern } from "@/lib/domain";
import { bodyFacts } from "./body-facts";

/**
 * How much logic a pattern's representative holds, 0–1: 1 − e^(−weight / 6), where weight
 * is its statements plus 2 for each loop and statement-level branch (logic, not just
 * lines). A one-statement body is 0.15, six plain statements 0.63, a ten-statement retry
 * loop with two branches 0.95. Read from the pattern's own code, so it works on stored patterns.
 */
export function patternSubstance(pattern: Pick<ExtractedPattern, "code" | "language">): number {
  const facts = bodyFacts(pattern.code, pattern.language);
  const weight = facts.statements.length + 2 * (facts.loops + facts.branches);
  return 1 - Math.exp(-weight / 6);
}

/**
 * Occurrences that are not build copies: one function shipped as `dist/x.js`, `dist/x.mjs`
 * and `src/x.ts` (same qualname, same file stem) is written once, so it counts once.
 */
export function distinctOccurrences(pattern: Pick<ExtractedPattern, "occurrences">): number {
  const stem = (file: string) => file.slice(file.lastIndexOf("/") + 1).replace(/(\.d)?\.[^.]+$/, "");
  return new Set(pattern.occurrences.map((occurrence) => `${occurrence.qualname}\u0000${stem(occurrence.file)}`)).size;
}

/** Called from this many places (distinct caller units), a unit counts as recurring however few copies of it there are. */
export const recurringCallerCount = 3;

/**
 * Whether a pattern's shape recurs (DESIGN §4): at least two distinct occurrences (build copies
 * of one source count once) or called from at least `recurringCallerCount` places. A data-only
 * class or a trivial accessor (`dataOnly`: the representative is a trivial shape) is a one-off
 * unit however often its shape repeats: every codebase has hundreds of them.
 */
export function patternRecurs(facts: Pick<ExtractedPattern, "occurrences" | "callers"> & { dataOnly: boolean }): boolean {
  if (facts.dataOnly) return false;
  return distinctOccurrences(facts) >= 2 || facts.callers >= recurringCallerCount;
}

/** What leads a list (DESIGN §4): a design pattern, or a shape that recurs; everything else is a one-off unit. */
export function leadsList(pattern: Pick<ExtractedPattern, "kind" | "recurring">): boolean {
  return pattern.kind !== null || pattern.recurring;
}

/**
 * Where a pattern stands in a list meant for people (the `motif extract` summary):
 * quality × ln(distinct occurrences + 1) × substance × (1 + confidence / 2 for a design
 * pattern). Recurrence counts with diminishing returns (the 300th copy of a shape adds
 * little, a build copy nothing), substance keeps thin code down even when it recurs, and
 * a detected design pattern (weighted by how sure detector and clustering are) moves up
 * without burying code that recurs across the codebase.
 */
export function patternProminence(pattern: ExtractedPattern): number {
  const recurrence = Math.log(distinctOccurrences(pattern) + 1);
  const design = pattern.kind ? 1 + pattern.confidence / 2 : 1;
  return pattern.quality.score * recurrence * patternSubstance(pattern) * design;
}

/**
 * Patterns as a list meant for people shows them: design patterns and recurring shapes first
 * (`leadsList`), one-off units after; each group in prominence order (highest first; ties by
 * key, so the order is stable).
 */
export function rankPatterns(patterns: readonly ExtractedPattern[]): ExtractedPattern[] {
  const scored = patterns.map((pattern) => ({ pattern, leads: leadsList(pattern) ? 1 : 0, prominence: patternProminence(pattern) }));
  scored.sort((a, b) => b.leads - a.leads || b.prominence - a.prominence || (a.pattern.key < b.pattern.key ? -1 : a.pattern.key > b.pattern.key ? 1 : 0));
  return scored.map((entry) => entry.pattern);
}
