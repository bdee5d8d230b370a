import { familyBase } from "./family-rules";
import { contextManagerByWith, decoratorByUse, observerBySubscription } from "./use-rules";
import type { UsageRule } from "./usage-kinds";

/**
 * The usage rules the product runs: each must be written from one tune half's misses and is kept
 * only if the other half's recall for its kind rises at no loss of precision
 * (docs/detector-evaluation.md, "Session 12: usage across files"). None has carried yet:
 * `familyBase` (a base leaving its operations to subclasses in other files → strategy) gained
 * one unit in half A, where it was read, and none in half B. Tried and not kept either:
 * "applied as a decorator" → decorator and "entered with `with`" → context_manager (no
 * labelled unit gained; one false positive), an adapter voted by its family's detected adapters, and
 * an adapter for a family member calling a library the repository does not hold (half B: +2
 * adapters, +4 false positives). Session 13 re-measured with module-level instances resolved and the
 * packages' tests and examples extracted (`bench:detectors -- --with-tests --usage-rules …`): observer by
 * subscription through an instance, decorator by use, context manager by `with` and `familyBase`
 * moved no unit of half B or of held-out ("Session 13: usage evidence from packages with their tests").
 */
export const usageRules: readonly UsageRule[] = [];

/** Rules tried and not shipped, by name, so the bench can measure them (`bench:detectors -- --usage-rules a,b`). */
export const candidateUsageRules: Readonly<Record<string, UsageRule>> = { familyBase, decoratorByUse, contextManagerByWith, observerBySubscription };
