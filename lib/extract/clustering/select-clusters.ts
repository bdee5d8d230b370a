import type { CodeUnit, PatternType } from "@/lib/domain";
import type { UnitCluster } from "./cluster-units";
import { detectFramework } from "@/lib/extract/naming";
import { clusterKind, type ClusterKind } from "./cluster-kind";
import { methodsOf, type RepoModel } from "./repo-model";
import { isNestedInFunction } from "./unit-traits";
import { hasSubstance, trivialShape, unitBodyFacts } from "./unit-substance";

/** A cluster that earned a place as a pattern, and why. */
export interface SelectedCluster {
  cluster: UnitCluster;
  representative: CodeUnit;
  patternType: PatternType;
  kind: ClusterKind | null;
  reason: "design_pattern" | "recurs" | "substantial";
}

/**
 * A function stands on its own with enough statements and branching or documentation. A
 * method needs more: its class is the reusable unit, so only a sizeable algorithm counts
 * alone. A function also counts when its author documented it and it does work of its own
 * (`hasSubstance`): a documented public function is what its author offers for reuse
 * (`secrets.token_urlsafe`, `os.walk`), and what a person or an agent asks for by what it
 * does. (Documented methods were tried too, and measured: on the intent evaluation the
 * hundreds of small method patterns they add crowd the classes and functions people ask
 * for, and top-5 fell 2–4 points.)
 */
function isSubstantialFunction(unit: CodeUnit): boolean {
  const statements = unitBodyFacts(unit).statements.length;
  const { cyclomatic } = unit.metrics;
  if (unit.kind !== "method" && unit.docstring && hasSubstance(unit)) return true;
  if (unit.kind === "method") return cyclomatic >= 5 || statements >= 12;
  return cyclomatic >= 5 || statements >= 12 || (statements >= 5 && cyclomatic >= 3);
}

/** A class (already known to carry behaviour) stands alone with two methods or a documented purpose. */
function isSubstantialClass(model: RepoModel, unit: CodeUnit): boolean {
  return methodsOf(model, unit).length >= 2 || !!unit.docstring;
}

/** `_helper`, `#field`: private by convention, so not offered for reuse unless it recurs or implements a kind. */
function isPrivate(unit: CodeUnit): boolean {
  return /^(_(?!_)|#)/.test(unit.name) || (/^_/.test(unit.name) && !/__$/.test(unit.name));
}

/** The member shown as the pattern's code: documented first, then the earliest by path and line. */
export function pickRepresentative(cluster: UnitCluster): CodeUnit {
  const centreIds = new Set(cluster.centre.units.map((unit) => unit.id));
  const centre = cluster.members.filter(({ unit }) => centreIds.has(unit.id)).map(({ unit }) => unit);
  return centre.find((unit) => unit.docstring) ?? centre[0];
}

/**
 * The pattern-selection rule. A cluster becomes a pattern when
 *  1. its members implement a design-pattern kind (mean detector confidence ≥ 0.4), whatever
 *     their size; otherwise its representative must not be a trivial shape (`trivialShape`:
 *     tests, empty bodies, abstract placeholders, one-statement delegation or accessors,
 *     argument-storing constructors, `__repr__`-style boilerplate, classes without
 *     behaviour such as bare exception subclasses) — recurring does not make those
 *     patterns, every codebase has hundreds — and then
 *  2. it recurs (≥ 2 occurrences) with substance (`hasSubstance`: ≥ 3 statements, or a loop,
 *     or a statement-level branch, or 2 statements with a meaningful call), or
 *  3. it is substantial on its own and neither private (`_name`) nor nested in a function:
 *     a documented function with substance (`hasSubstance`); a function with
 *     CC ≥ 5, ≥ 12 statements, or ≥ 5 statements with CC ≥ 3; a method with CC ≥ 5 or
 *     ≥ 12 statements; a class with ≥ 2 methods or a
 *     docstring; or any unit of ≥ 2 statements playing a framework role (route handler,
 *     middleware, hook, component, model, fixture...), since that is how a team writes
 *     that kind of thing.
 * Type: design_pattern with a kind, class_pattern for classes, function_pattern otherwise.
 */
export function selectCluster(model: RepoModel, cluster: UnitCluster): SelectedCluster | null {
  const representative = pickRepresentative(cluster);
  const found = clusterKind(cluster);
  // A repository's CRUD methods are its surface, ranked through the repository class
  // (COMPOSED_OF): on their own they become patterns only by the rules below, so a
  // `UserRepository.get` accessor is not listed because it is labelled repository_crud.
  const kind = found?.kind === "repository_crud" && representative.kind !== "class" ? null : found;
  const patternType: PatternType = kind ? "design_pattern" : representative.kind === "class" ? "class_pattern" : "function_pattern";
  const base = { cluster, representative, patternType, kind };
  if (kind) return { ...base, reason: "design_pattern" };
  // A private or nested unit that does not recur is left out whatever its shape: decide that
  // before reading its body (the costly part), with the same result as checking it after.
  const alone = cluster.members.length < 2;
  if (alone && (isPrivate(representative) || isNestedInFunction(model, representative))) return null;
  const framed = detectFramework(representative, model.fileByPath.get(representative.file)).role !== null;
  if (trivialShape(model, representative, framed) !== null) return null;
  if (!alone) return hasSubstance(representative) ? { ...base, reason: "recurs" } : null;
  const substantial = representative.kind === "class" ? isSubstantialClass(model, representative) : isSubstantialFunction(representative);
  return substantial || framed ? { ...base, reason: "substantial" } : null;
}
