import type { CodeUnit, DesignPatternKind, PatternMatch } from "@/lib/domain";
import type { RepoModel } from "@/lib/extract/clustering/repo-model";
import type { UnitUsage } from "./unit-usage";
import type { UsageByUnit } from "./collect-usage";

/** What a usage rule sees: the unit, how the repository uses it, and the run's model. */
export interface UsageRuleInput {
  unit: CodeUnit;
  usage: UnitUsage;
  model: RepoModel;
  /** Usage of any unit (a class's methods, its bases). */
  usageOf: (unit: CodeUnit) => UnitUsage | undefined;
}

/** A rule over usage facts: the evidence for its kind, or undefined. */
export interface UsageRule {
  kind: DesignPatternKind;
  confidence: number;
  evidence: (input: UsageRuleInput) => string[] | undefined;
}

/**
 * The kinds usage rules add to units, each with its evidence; a kind a unit already has from
 * its own file's detectors is not added again.
 */
export function usageKinds(model: RepoModel, usage: UsageByUnit, rules: readonly UsageRule[]): Map<string, PatternMatch[]> {
  const added = new Map<string, PatternMatch[]>();
  const usageOf = (unit: CodeUnit) => usage.get(unit.id);
  for (const [id, unitUsage] of usage) {
    const unit = model.unitById.get(id);
    if (!unit) continue;
    const matches: PatternMatch[] = [];
    for (const rule of rules) {
      if (unit.patterns.some((match) => match.kind === rule.kind) || matches.some((match) => match.kind === rule.kind)) continue;
      const evidence = rule.evidence({ unit, usage: unitUsage, model, usageOf });
      if (evidence) matches.push({ kind: rule.kind, confidence: rule.confidence, evidence });
    }
    if (matches.length > 0) added.set(id, matches);
  }
  return added;
}
