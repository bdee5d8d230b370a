import type { CodeUnit, FileExtraction } from "@/lib/domain";
import type { RepoModel } from "./repo-model";
import { lineOf, ReferenceResolver, type Reference } from "./resolve-references";

function importReferences(resolver: ReferenceResolver, model: RepoModel, file: FileExtraction): Reference[] {
  const references: Reference[] = [];
  for (const [localName, value] of Object.entries(file.imports).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const target = resolver.resolveImport(value, localName, file);
    const unit = target?.name ? model.byQualname.get(target.file.file)?.get(target.name) : undefined;
    if (unit && unit.file !== file.file) {
      references.push({ from: undefined, fromFile: file.file, to: unit, written: localName, via: "import", line: 0, confidence: 1 });
    }
  }
  return references;
}

// A call's line is searched for in its unit's code, and only USES evidence reads it: a run
// resolves tens of thousands of calls and writes evidence for a few thousand.
class CallReference implements Reference {
  readonly via = "call";
  private foundLine = -1;

  constructor(
    readonly from: CodeUnit,
    readonly fromFile: string,
    readonly to: CodeUnit,
    readonly written: string,
    readonly confidence: number,
  ) {}

  get line(): number {
    if (this.foundLine < 0) this.foundLine = lineOf(this.from, this.written);
    return this.foundLine;
  }
}

/** The references one file makes: its imports of repo units, then each unit's calls and base classes. */
export function fileReferences(resolver: ReferenceResolver, model: RepoModel, file: FileExtraction): Reference[] {
  const references = importReferences(resolver, model, file);
  for (const unit of file.units) {
    for (const call of unit.calls) {
      const target = resolver.resolveName(call, file, unit);
      if (!target || target.unit.id === unit.id) continue;
      references.push(new CallReference(unit, file.file, target.unit, call, target.confidence));
    }
    for (const base of unit.bases) {
      const target = resolver.resolveName(base, file, model.parentOf.get(unit.id));
      if (!target || target.unit.kind !== "class") continue;
      references.push({ from: unit, fromFile: file.file, to: target.unit, written: base, via: "base", line: unit.startLine, confidence: target.confidence });
    }
  }
  return references;
}

/**
 * Every reference the repo makes to its own units: each unit's calls and base classes,
 * and each file's imports of repo units. Unresolvable names (libraries, dynamic calls)
 * are skipped rather than guessed, except a repo-wide unique name at low confidence.
 */
export function collectReferences(model: RepoModel): Reference[] {
  const resolver = new ReferenceResolver(model);
  return model.files.flatMap((file) => fileReferences(resolver, model, file));
}

/** Who refers to one unit: the units that call, instantiate or extend it, and the files that do (imports included). */
export interface UnitCallers {
  units: Set<string>;
  files: Set<string>;
}

/**
 * Per unit id: the other units that call, instantiate or extend it (same file or not; the
 * unit calling itself left out), and the files other than its own that call, extend or import it.
 */
export function callersByUnit(references: Reference[]): Map<string, UnitCallers> {
  const callers = new Map<string, UnitCallers>();
  for (const reference of references) {
    let entry = callers.get(reference.to.id);
    if (!entry) {
      entry = { units: new Set(), files: new Set() };
      callers.set(reference.to.id, entry);
    }
    if (reference.from && reference.from.id !== reference.to.id) entry.units.add(reference.from.id);
    if (reference.fromFile !== reference.to.file) entry.files.add(reference.fromFile);
  }
  return callers;
}
