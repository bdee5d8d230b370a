import type { CodeUnit, FileExtraction } from "@/lib/domain";
import { compareUnits } from "./cluster-units";

/** The whole run's units indexed for lookups across files; built once per `buildPatterns`. */
export interface RepoModel {
  files: FileExtraction[];
  units: CodeUnit[];
  fileByPath: Map<string, FileExtraction>;
  unitById: Map<string, CodeUnit>;
  /** Enclosing unit (class of a method, function of a nested function). */
  parentOf: Map<string, CodeUnit>;
  /** Directly nested units, in source order. */
  childrenOf: Map<string, CodeUnit[]>;
  /** Per file: qualname → unit (the first when a name is defined twice). */
  byQualname: Map<string, Map<string, CodeUnit>>;
}

function findParent(unit: CodeUnit, candidates: CodeUnit[] | undefined): CodeUnit | undefined {
  // The parent is the unit with the parent qualname that encloses this one's lines.
  return candidates?.find((candidate) => candidate.startLine <= unit.startLine && candidate.endLine >= unit.endLine && candidate !== unit);
}

/** Indexes files (sorted by path so nothing depends on input order) and their units. */
export function buildRepoModel(input: FileExtraction[]): RepoModel {
  const files = [...input].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const units = files.flatMap((file) => file.units).sort(compareUnits);
  const model: RepoModel = {
    files,
    units,
    fileByPath: new Map(files.map((file) => [file.file, file])),
    unitById: new Map(units.map((unit) => [unit.id, unit])),
    parentOf: new Map(),
    childrenOf: new Map(),
    byQualname: new Map(),
  };
  const allByQualname = new Map<string, CodeUnit[]>();
  for (const unit of units) {
    const key = `${unit.file}\u0000${unit.qualname}`;
    allByQualname.set(key, [...(allByQualname.get(key) ?? []), unit]);
    const names = model.byQualname.get(unit.file) ?? new Map<string, CodeUnit>();
    if (!names.has(unit.qualname)) names.set(unit.qualname, unit);
    model.byQualname.set(unit.file, names);
  }
  for (const unit of units) {
    if (!unit.parentQualname) continue;
    const parent = findParent(unit, allByQualname.get(`${unit.file}\u0000${unit.parentQualname}`));
    if (!parent) continue;
    model.parentOf.set(unit.id, parent);
    model.childrenOf.set(parent.id, [...(model.childrenOf.get(parent.id) ?? []), unit]);
  }
  return model;
}

/** The nearest enclosing class of a unit (itself when it is one). */
export function enclosingClass(model: RepoModel, unit: CodeUnit): CodeUnit | undefined {
  let current: CodeUnit | undefined = unit;
  while (current && current.kind !== "class") current = model.parentOf.get(current.id);
  return current;
}

/** The methods defined directly in a class. */
export function methodsOf(model: RepoModel, classUnit: CodeUnit): CodeUnit[] {
  return (model.childrenOf.get(classUnit.id) ?? []).filter((child) => child.kind !== "class");
}

/** True when `inner` lies inside `outer` (or is it). */
export function isWithin(model: RepoModel, inner: CodeUnit, outer: CodeUnit): boolean {
  for (let current: CodeUnit | undefined = inner; current; current = model.parentOf.get(current.id)) {
    if (current.id === outer.id) return true;
  }
  return false;
}
