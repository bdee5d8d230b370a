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
