import { familyBase } from "./family-rules";
import type { UsageRule } from "./usage-kinds";

/**
 * The usage rules, in the order they are tried. Each was written from one tune half's misses
 * and kept because the other half's recall for its kind rose at no loss of precision
 * (docs/detector-evaluation.md, "Session 12: usage across files"). Tried and not kept there:
 * "applied as a decorator" → decorator and "entered with `with`" → context_manager (no
 * labelled unit gained; one false positive), an adapter voted by its family's detected adapters, and
 * an adapter for a family member calling a library the repository does not hold (half B: +2
 * adapters, +4 false positives).
 */
export const usageRules: readonly UsageRule[] = [familyBase];
