import { familyRules } from "./family-rules";
import { placesText, type UsageRule } from "./usage-kinds";

/** Applied as a decorator by other units: `@name` / `@name(...)`. */
const appliedAsDecorator: UsageRule = {
  kind: "decorator",
  confidence: 0.7,
  evidence: ({ usage }) => (usage.decorates.length > 0 ? [`used as a decorator in ${placesText(usage.decorates)}`] : undefined),
};

/** Entered with `with name(...)` elsewhere: it is (or hands out) a context manager. */
const enteredWithWith: UsageRule = {
  kind: "context_manager",
  confidence: 0.7,
  evidence: ({ usage }) => (usage.entered.length > 0 ? [`entered with \`with\` in ${placesText(usage.entered)}`] : undefined),
};

/** The usage rules, in the order they are tried. */
export const usageRules: readonly UsageRule[] = [appliedAsDecorator, enteredWithWith, ...familyRules];
