import type { CodeUnit, PatternType } from "@/lib/extract/types";
import type { UnitCluster } from "./cluster-units";
import { detectFramework } from "@/lib/extract/naming";
import { clusterKind, type ClusterKind } from "./cluster-kind";
import { methodsOf, type RepoModel } from "./repo-model";
import { isNestedInFunction, isTestUnit, isTrivialUnit } from "./unit-traits";

/** A cluster that earned a place as a pattern, and why. */
export interface SelectedCluster {
  cluster: UnitCluster;
  representative: CodeUnit;
  patternType: PatternType;
  kind: ClusterKind | null;
  reason: "design_pattern" | "recurs" | "substantial";
}

/**
 * A function stands on its own with enough size and branching or documentation. A method
 * needs more: its class is the reusable unit, so only a sizeable algorithm counts alone.
 */
function isSubstantialFunction(unit: CodeUnit): boolean {
  const { linesOfCode, cyclomatic } = unit.metrics;
  if (unit.kind === "method") return cyclomatic >= 5 || linesOfCode >= 20;
  return cyclomatic >= 5 || linesOfCode >= 20 || (linesOfCode >= 8 && (cyclomatic >= 3 || !!unit.docstring));
}

/** A class is substantial with two methods, some size, or a documented purpose. */
function isSubstantialClass(model: RepoModel, unit: CodeUnit): boolean {
  return methodsOf(model, unit).length >= 2 || unit.metrics.linesOfCode >= 8 || (!!unit.docstring && unit.metrics.linesOfCode >= 3);
}

/** `_helper`, `#field`: private by convention, so not offered for reuse unless it recurs or implements a kind. */
function isPrivate(unit: CodeUnit): boolean {
  return /^(_(?!_)|#)/.test(unit.name) || (/^_/.test(unit.name) && !/__$/.test(unit.name));
}

/** The member shown as the pattern's code: documented first, then the earliest by path and line. */
function pickRepresentative(cluster: UnitCluster): CodeUnit {
  const centreIds = new Set(cluster.centre.units.map((unit) => unit.id));
  const centre = cluster.members.filter(({ unit }) => centreIds.has(unit.id)).map(({ unit }) => unit);
  return centre.find((unit) => unit.docstring) ?? centre[0];
}

/**
 * The pattern-selection rule. A cluster becomes a pattern when
 *  1. its members implement a design-pattern kind (mean detector confidence ≥ 0.4), or
 *  2. it recurs: ≥ 2 occurrences — in ≥ 2 different files when the unit is trivial
 *     (a one-liner, accessor, argument-storing constructor, `toString`, test), since a
 *     convention repeated inside one file is not something to reuse, or
 *  3. it is substantial on its own and neither trivial, a test, private (`_name`), nor
 *     nested in a function: a function with CC ≥ 5, ≥ 20 lines, or ≥ 8 lines with CC ≥ 3
 *     or a docstring; a method with CC ≥ 5 or ≥ 20 lines; a class with ≥ 2 methods,
 *     ≥ 8 lines, or a docstring; or any unit of ≥ 3 lines playing a framework role (route
 *     handler, middleware, hook, component, model, fixture...), since that is how a team
 *     writes that kind of thing.
 * Type: design_pattern with a kind, class_pattern for classes, function_pattern otherwise.
 */
export function selectCluster(model: RepoModel, cluster: UnitCluster): SelectedCluster | null {
  const representative = pickRepresentative(cluster);
  const kind = clusterKind(cluster);
  const patternType: PatternType = kind ? "design_pattern" : representative.kind === "class" ? "class_pattern" : "function_pattern";
  const base = { cluster, representative, patternType, kind };
  if (kind) return { ...base, reason: "design_pattern" };
  const trivial = isTrivialUnit(model, representative);
  const files = new Set(cluster.members.map(({ unit }) => unit.file)).size;
  if (cluster.members.length >= 2 && (!trivial || files >= 2)) return { ...base, reason: "recurs" };
  if (trivial || isTestUnit(representative) || isPrivate(representative) || isNestedInFunction(model, representative)) return null;
  const substantial = representative.kind === "class" ? isSubstantialClass(model, representative) : isSubstantialFunction(representative);
  const framed = representative.metrics.linesOfCode >= 3 && detectFramework(representative, model.fileByPath.get(representative.file)).role !== null;
  return substantial || framed ? { ...base, reason: "substantial" } : null;
}
