import type { FileExtraction, PatternMatch } from "@/lib/domain";
import { collectReferences } from "@/lib/extract/clustering/collect-references";
import { buildRepoModel, type RepoModel } from "@/lib/extract/clustering/repo-model";
import type { Reference } from "@/lib/extract/clustering/resolve-references";
import { applyUsageKinds } from "./apply-usage-kinds";
import { collectUsage } from "./collect-usage";
import { usageKinds, type UsageRule } from "./usage-kinds";
import { usageRules } from "./usage-rules";

export { applyUsageKinds } from "./apply-usage-kinds";
export { collectUsage, type UsageByUnit } from "./collect-usage";
export type { UnitUsage, UsageSite, InstanceCall } from "./unit-usage";
export { familyBase } from "./family-rules";
export { contextManagerByWith, decoratorByUse, observerBySubscription } from "./use-rules";
export { candidateUsageRules, usageRules as usageRulesShipped } from "./usage-rules";

/**
 * Whether the shipped usage stage reads files' module-level statements: every usage rule reads
 * the usage facts, part of which (calls and `with` through module-level instances) comes from
 * them, and with no rule the stage reads nothing. Extraction collects them only then.
 */
export const shippedUsageReadsModuleStatements = usageRules.length > 0;
export type { UsageRule } from "./usage-kinds";

/**
 * The repository-level stage: the design-pattern kinds that how each unit is used elsewhere in
 * the repository shows (applied as a decorator, entered with `with`, …), per unit id, with
 * evidence naming the places. Reads the references clustering already resolved.
 */
export function repositoryUsageKinds(model: RepoModel, references: readonly Reference[], rules: readonly UsageRule[] = usageRules): Map<string, PatternMatch[]> {
  // With no rule kept, the facts are not read at all: the stage costs nothing.
  if (rules.length === 0) return new Map();
  return usageKinds(model, collectUsage(model, references), rules);
}

/**
 * Runs the repository-level stage over a set of extracted files on its own (a harness that
 * does not cluster): the files with the kinds usage adds (see `repositoryUsageKinds`).
 */
export function withRepositoryUsage(files: readonly FileExtraction[], rules: readonly UsageRule[] = usageRules): FileExtraction[] {
  const model = buildRepoModel([...files]);
  return applyUsageKinds(files, repositoryUsageKinds(model, collectReferences(model), rules));
}
