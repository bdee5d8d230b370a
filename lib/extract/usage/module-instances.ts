import type { CodeUnit, FileExtraction } from "@/lib/domain";
import type { RepoModel } from "@/lib/extract/clustering/repo-model";
import type { ReferenceResolver } from "@/lib/extract/clustering/resolve-references";

/** A module-level variable made from a class of the repository (`app = Flask(__name__)`). */
export interface ModuleInstance {
  name: string;
  /** The file that makes it. */
  file: string;
  line: number;
  classUnit: CodeUnit;
}

/** The module-level instances each file can name: its own and those it imports, by local name. */
export type VisibleInstances = Map<string, Map<string, ModuleInstance>>;

/** Pytest fixtures handing out an instance of a repository class (`def app(): return App(__name__)`), by fixture name. */
export type FixtureInstances = Map<string, ModuleInstance>;

// `app = Flask(__name__)`, `bus: Bus = Bus()`; `export const cache = new LRU<K, V>()`, `let bus = new Emitter()`.
const pythonAssignment = /^([A-Za-z_]\w*)\s*(?::[^=\n]{1,80})?=\s*(?:await\s+)?([A-Za-z_][\w.]*)\s*\(/;
const scriptAssignment = /^(?:export\s+)?(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=\n]{1,80})?=\s*(?:new\s+)?([A-Za-z_$][\w$.]*)\s*[(<]/;

function ownInstances(file: FileExtraction, resolver: ReferenceResolver): Map<string, ModuleInstance> {
  const own = new Map<string, ModuleInstance>();
  const assignment = file.language === "python" ? pythonAssignment : scriptAssignment;
  for (const statement of file.moduleStatements ?? []) {
    const match = assignment.exec(statement.code);
    if (!match) continue;
    const target = resolver.resolveName(match[2], file)?.unit;
    if (target?.kind === "class") own.set(match[1], { name: match[1], file: file.file, line: statement.line, classUnit: target });
  }
  return own;
}

// `const e = new Emitter()` inside `describe(…, () => {…})`, `server = TCPServer()` under `if __name__ == "__main__":`.
const localAssignment = /(?:^|[\s;{(])(?:const\s+|let\s+|var\s+)?([A-Za-z_$][\w$]*)\s*(?::[^=\n]{1,80})?=\s*(?:new\s+|await\s+)?([A-Za-z_$][\w$.]*)\s*[(<]/g;

/** Instances made anywhere inside one module-level statement (test suites' `describe` blocks, `__main__` blocks), by name. */
export function statementInstances(code: string, file: FileExtraction, resolver: ReferenceResolver, line: number): Map<string, ModuleInstance> {
  const found = new Map<string, ModuleInstance>();
  for (const match of code.matchAll(localAssignment)) {
    if (found.has(match[1]) || /^(if|while|return|for)$/.test(match[1])) continue;
    const target = resolver.resolveName(match[2], file)?.unit;
    if (target?.kind === "class") found.set(match[1], { name: match[1], file: file.file, line, classUnit: target });
  }
  return found;
}

const fixtureDecorator = /^@?(?:pytest\.)?fixture\b/;

/** The class a fixture hands out: `return Cls(...)` / `yield Cls(...)`, or a local made from it and returned or yielded. */
function fixtureClassName(code: string): string | undefined {
  const direct = /\b(?:return|yield)\s+([A-Za-z_][\w.]*)\s*\(/.exec(code)?.[1];
  if (direct) return direct;
  const handedOut = /\b(?:return|yield)\s+([A-Za-z_]\w*)\s*$/m.exec(code)?.[1];
  return handedOut ? new RegExp(`\\b${handedOut}\\s*=\\s*([A-Za-z_][\\w.]*)\\s*\\(`).exec(code)?.[1] : undefined;
}

/** Pytest fixtures (`@pytest.fixture`) that hand out an instance of a repository class, by name (a test's parameter of that name is one). */
export function fixtureInstances(model: RepoModel, resolver: ReferenceResolver): FixtureInstances {
  const fixtures: FixtureInstances = new Map();
  for (const unit of model.units) {
    if (unit.language !== "python" || unit.kind === "class" || !unit.decorators.some((decorator) => fixtureDecorator.test(decorator))) continue;
    const written = fixtureClassName(unit.code);
    const file = model.fileByPath.get(unit.file);
    const target = written && file ? resolver.resolveName(written, file, unit)?.unit : undefined;
    if (target?.kind === "class" && !fixtures.has(unit.name)) fixtures.set(unit.name, { name: unit.name, file: unit.file, line: unit.startLine, classUnit: target });
  }
  return fixtures;
}

/**
 * The module-level instances of the repository's classes that each file can name: made at its
 * own top level, or imported by name from a file that makes them (`from app import app`,
 * `import { bus } from "./bus"`). A name a file defines as a unit of its own is not an instance.
 */
export function visibleModuleInstances(model: RepoModel, resolver: ReferenceResolver): VisibleInstances {
  const own = new Map(model.files.map((file) => [file.file, ownInstances(file, resolver)]));
  const visible: VisibleInstances = new Map();
  for (const file of model.files) {
    const names = new Map(own.get(file.file));
    for (const [local, value] of Object.entries(file.imports)) {
      if (names.has(local)) continue;
      const target = resolver.resolveImport(value, local, file);
      const instance = target?.name ? own.get(target.file.file)?.get(target.name) : undefined;
      if (instance) names.set(local, instance);
    }
    for (const unit of file.units) if (!unit.parentQualname) names.delete(unit.name);
    if (names.size > 0) visible.set(file.file, names);
  }
  return visible;
}
