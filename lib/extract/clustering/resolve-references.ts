import type { CodeUnit, FileExtraction } from "@/lib/domain";
import { ModuleFiles } from "./module-files";
import { enclosingClass, type RepoModel } from "./repo-model";

/** One resolved reference from a unit (or a file's import) to a unit elsewhere in the repo. */
export interface Reference {
  from: CodeUnit | undefined;
  fromFile: string;
  to: CodeUnit;
  /** The name as written: a call (`db.transaction`), a base class or an imported name. */
  written: string;
  via: "call" | "base" | "import";
  /** Where it is written (1-based; 0 for an import). Read only for the few references that become evidence: a call's is found on first read. */
  readonly line: number;
  /** 1 through an import or the same file, lower for a repo-wide unique-name guess. */
  confidence: number;
}

const selfNames = new Set(["self", "cls", "this"]);

/**
 * What resolving names read beyond the file they are written in: the files whose members or
 * units it looked at, and the names it looked up repository-wide. A file's references stay
 * what they were while none of these changed (`collectReferencesIncrementally`).
 */
export interface ResolutionReads {
  files: Set<string>;
  names: Set<string>;
}

/** Resolves names across files through imports, the defining file and class scopes. */
export class ReferenceResolver {
  private readonly modules: ModuleFiles;
  private readonly topLevelByName = new Map<string, CodeUnit[]>();
  private readonly resolvedModules = new Map<string, FileExtraction | undefined>();
  private readonly partsByWritten = new Map<string, string[]>();
  /** Where the reads of the names being resolved are recorded, when someone asks. */
  reads: ResolutionReads | undefined;

  constructor(private readonly model: RepoModel) {
    this.modules = new ModuleFiles(model.files);
    for (const unit of model.units) {
      if (unit.parentQualname) continue;
      const list = this.topLevelByName.get(unit.name);
      if (list) list.push(unit);
      else this.topLevelByName.set(unit.name, [unit]);
    }
  }

  private moduleFile(module: string, importer: FileExtraction): FileExtraction | undefined {
    // Every call through an import asks again for the same module from the same file: resolve each pair once.
    const key = `${importer.language === "python" ? "py" : "js"}\u0000${importer.file}\u0000${module}`;
    if (this.resolvedModules.has(key)) return this.read(this.resolvedModules.get(key));
    const file = importer.language === "python" ? this.modules.resolvePython(module, importer.file) : this.modules.resolveScript(module, importer.file);
    this.resolvedModules.set(key, file);
    return this.read(file);
  }

  private read(file: FileExtraction | undefined): FileExtraction | undefined {
    if (file) this.reads?.files.add(file.file);
    return file;
  }

  private member(file: FileExtraction, qualname: string): CodeUnit | undefined {
    this.reads?.files.add(file.file);
    return this.model.byQualname.get(file.file)?.get(qualname);
  }

  /** An imported value (`pkg.mod.name`, `pkg.mod`, `./mod.name`) → the module file and the member named in it. */
  resolveImport(value: string, localName: string, importer: FileExtraction): { file: FileExtraction; name?: string } | undefined {
    const whole = this.moduleFile(value, importer);
    if (whole) return { file: whole };
    const dot = value.lastIndexOf(".");
    if (dot <= 0) return undefined;
    const file = this.moduleFile(value.slice(0, dot), importer);
    if (!file) return undefined;
    const name = value.slice(dot + 1);
    // A default import is found under the local name it was given, or as the file's only top-level unit.
    if (name === "default") {
      const tops = file.units.filter((unit) => !unit.parentQualname);
      return { file, name: this.member(file, localName) ? localName : tops.length === 1 ? tops[0].name : undefined };
    }
    return { file, name };
  }

  /** A dotted name written in `file` (call target or base class) → the unit it denotes. */
  resolveName(written: string, file: FileExtraction, scope?: CodeUnit): { unit: CodeUnit; confidence: number } | undefined {
    const parts = this.nameParts(written);
    if (parts.length === 0) return undefined;
    const [head, ...rest] = parts;
    if (selfNames.has(head) && scope) {
      const owner = enclosingClass(this.model, scope);
      const method = owner && rest.length === 1 ? this.member(file, `${owner.qualname}.${rest[0]}`) : undefined;
      return method ? { unit: method, confidence: 0.9 } : undefined;
    }
    const local = this.resolveLocal(head, file, scope);
    if (local) return this.descend(local, rest, file, 1);
    // `store.save()` where the parameter is declared `store: UserStore`: resolve through the type.
    const annotation = scope?.parameters.find((parameter) => parameter.name === head)?.annotation;
    const typeName = annotation && /^[A-Za-z_$][\w$.]*/.exec(annotation.replace(/^(Optional\[|Readonly<)/, ""))?.[0];
    if (typeName && rest.length > 0 && typeName !== head) {
      const typed = this.resolveName(`${typeName}.${rest.join(".")}`, file);
      return typed ? { unit: typed.unit, confidence: typed.confidence * 0.9 } : undefined;
    }
    // Own keys only: a call to `toString` or `constructor` must not find Object.prototype's.
    const imported = Object.hasOwn(file.imports, head) ? file.imports[head] : undefined;
    if (imported !== undefined) return this.resolveImportedName(imported, head, rest, file);
    if (rest.length > 0) return undefined;
    // Last resort: a name defined exactly once in the whole repository (and not a short, generic one).
    this.reads?.names.add(head);
    const unique = this.topLevelByName.get(head);
    return unique?.length === 1 && head.length >= 4 && unique[0].file !== file.file ? { unit: unique[0], confidence: 0.5 } : undefined;
  }

  /** `a?.b(x)`, `new A<T>` → its dotted parts; the same names recur across a repository, so each is split once. */
  private nameParts(written: string): string[] {
    let parts = this.partsByWritten.get(written);
    if (!parts) {
      const cleaned = written.replace(/\?\./g, ".").replace(/\s+/g, "").replace(/[[<(].*$/, "").replace(/^new\b/, "");
      parts = cleaned.split(".").filter(Boolean);
      this.partsByWritten.set(written, parts);
    }
    return parts;
  }

  private resolveLocal(head: string, file: FileExtraction, scope?: CodeUnit): CodeUnit | undefined {
    // Class bodies are not scopes for bare names (Python and JS alike): skip them.
    for (let current = scope; current; current = this.model.parentOf.get(current.id)) {
      if (current.kind === "class") continue;
      const nested = this.member(file, `${current.qualname}.${head}`);
      if (nested && nested.id !== scope?.id) return nested;
    }
    return this.member(file, head);
  }

  private resolveImportedName(imported: string, head: string, rest: string[], file: FileExtraction) {
    const target = this.resolveImport(imported, head, file);
    if (!target) return undefined;
    if (target.name) {
      const unit = this.member(target.file, target.name);
      return unit ? this.descend(unit, rest, target.file, 1) : undefined;
    }
    if (rest.length === 0) {
      // A JS/TS default import called directly: the unit under the local name, or the file's only top-level unit.
      if (file.language === "python") return undefined;
      const tops = target.file.units.filter((unit) => !unit.parentQualname);
      const unit = this.member(target.file, head) ?? (tops.length === 1 ? tops[0] : undefined);
      return unit ? { unit, confidence: 0.8 } : undefined;
    }
    // `import pkg.mod as m` then `m.func()` / `m.Class.method()`.
    const unit = this.member(target.file, rest[0]);
    return unit ? this.descend(unit, rest.slice(1), target.file, 1) : undefined;
  }

  private descend(unit: CodeUnit, rest: string[], file: FileExtraction, confidence: number) {
    if (rest.length === 0) return { unit, confidence };
    const member = unit.kind === "class" && rest.length === 1 ? this.member(file, `${unit.qualname}.${rest[0]}`) : undefined;
    return member ? { unit: member, confidence: confidence * 0.9 } : undefined;
  }
}

const unitLineStarts = new WeakMap<CodeUnit, Int32Array>();
// Bounded so a long-lived process does not keep every name it ever saw.
const patternCacheLimit = 50_000;
const writtenPatterns = new Map<string, RegExp[]>();

/** The offset each line of the unit's code starts at, found once per unit (a unit makes many calls). */
function lineStartsOf(unit: CodeUnit): Int32Array {
  let starts = unitLineStarts.get(unit);
  if (!starts) {
    const offsets = [0];
    for (let at = unit.code.indexOf("\n"); at >= 0; at = unit.code.indexOf("\n", at + 1)) offsets.push(at + 1);
    starts = Int32Array.from(offsets);
    unitLineStarts.set(unit, starts);
  }
  return starts;
}

/** The 0-based line holding an offset: the last line starting at or before it. */
function lineAt(starts: Int32Array, offset: number): number {
  let from = 0;
  let to = starts.length - 1;
  while (from < to) {
    const middle = (from + to + 1) >>> 1;
    if (starts[middle] <= offset) from = middle;
    else to = middle - 1;
  }
  return from;
}

// Searched over the whole code, never across a line break (`[^\S\n]`, not `\s`): the same
// first match as testing line by line, without splitting the code into lines.
function patternsFor(written: string): RegExp[] {
  let patterns = writtenPatterns.get(written);
  if (!patterns) {
    const escaped = written.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    patterns = [new RegExp(`${escaped}[^\\S\\n]*\\(`, "g"), new RegExp(`\\b${escaped}\\b`, "g")];
    if (writtenPatterns.size >= patternCacheLimit) writtenPatterns.clear();
    writtenPatterns.set(written, patterns);
  }
  return patterns;
}

/** The 1-based line of the first place `written(` (or `written`) appears in the unit, else its first line. */
export function lineOf(unit: CodeUnit, written: string): number {
  // Both patterns need `written` itself on a line after the first: no line before the one
  // holding its first such occurrence can match, and without one no line can.
  const firstBreak = unit.code.indexOf("\n");
  const first = firstBreak < 0 ? -1 : unit.code.indexOf(written, firstBreak);
  if (first < 0) return unit.startLine;
  const starts = lineStartsOf(unit);
  const from = Math.max(1, lineAt(starts, first));
  for (const pattern of patternsFor(written)) {
    pattern.lastIndex = starts[from];
    const match = pattern.exec(unit.code);
    if (match) return unit.startLine + lineAt(starts, match.index);
  }
  return unit.startLine;
}
