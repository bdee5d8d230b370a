import type { CodeUnit, FileExtraction } from "@/lib/domain";
import { enclosingClass, type RepoModel } from "@/lib/extract/clustering/repo-model";
import { ReferenceResolver, type Reference } from "@/lib/extract/clustering/resolve-references";
import { emptyUsage, type UnitUsage } from "./unit-usage";
import { instanceCalls } from "./instance-calls";
import { withItems, withItemsOfCode } from "./with-items";
import { fixtureInstances, statementInstances, visibleModuleInstances } from "./module-instances";
import { enteredModuleInstances, moduleInstanceCalls } from "./module-instance-calls";
import { basesByClass } from "./instance-calls";

/** What the repository-level stage knows per unit id. */
export type UsageByUnit = Map<string, UnitUsage>;

function usageOf(usage: UsageByUnit, unit: CodeUnit): UnitUsage {
  let entry = usage.get(unit.id);
  if (!entry) {
    entry = emptyUsage();
    usage.set(unit.id, entry);
  }
  return entry;
}

// A decorator is evaluated in the scope around the unit it decorates.
function collectDecorators(model: RepoModel, resolver: ReferenceResolver, usage: UsageByUnit): void {
  for (const unit of model.units) {
    if (unit.decorators.length === 0) continue;
    const file = model.fileByPath.get(unit.file)!;
    const scope = model.parentOf.get(unit.id);
    for (const decorator of unit.decorators) {
      const name = decorator.replace(/^@/, "").replace(/[(<][\s\S]*$/, "").trim();
      if (!name) continue;
      const target = resolver.resolveName(name, file, scope)?.unit;
      if (target && target.id !== unit.id) usageOf(usage, target).decorates.push({ from: unit, file: unit.file, line: unit.startLine });
    }
  }
}

function collectWithItems(model: RepoModel, resolver: ReferenceResolver, usage: UsageByUnit): void {
  for (const file of model.files) {
    if (file.language !== "python") continue;
    for (const unit of file.units) {
      for (const item of withItems(unit, model.childrenOf.get(unit.id) ?? [])) {
        const target = resolver.resolveName(item.name, file, unit)?.unit;
        if (target && target.id !== unit.id) usageOf(usage, target).entered.push({ from: unit, file: unit.file, line: item.line });
      }
    }
    for (const statement of file.moduleStatements ?? []) {
      for (const item of withItemsOfCode(statement.code, statement.line)) {
        const target = resolver.resolveName(item.name, file)?.unit;
        if (target) usageOf(usage, target).entered.push({ from: undefined, file: file.file, line: item.line });
      }
    }
  }
}

// Calls, decorators and `with` blocks through module-level instances (`app = Flask(__name__)`; `@app.route`, `bus.on(...)`, `with lock:`).
function collectModuleInstanceUsage(model: RepoModel, resolver: ReferenceResolver, references: readonly Reference[], usage: UsageByUnit): void {
  const scope = {
    visible: visibleModuleInstances(model, resolver),
    fixtures: fixtureInstances(model, resolver),
    inStatement: (file: FileExtraction, code: string, line: number) => statementInstances(code, file, resolver, line),
  };
  for (const call of moduleInstanceCalls(model, scope, basesByClass(references))) usageOf(usage, call.method).instanceCalls.push(call.site);
  for (const entered of enteredModuleInstances(model, scope)) usageOf(usage, entered.classUnit).entered.push(entered.site);
}

// Bases every class has or that say nothing of a role: no family.
const ordinaryBases = /^(object|Object|ABC|ABCMeta|Generic|Protocol|NamedTuple|TypedDict|Enum|IntEnum|Exception|BaseException|Error|Warning|type|dict|list|str|int|tuple|set)$|(Error|Exception|Warning)$/;

/** The last name of a written base (`abc.Driver<T>` → `Driver`), or undefined for a keyword argument (`metaclass=M`). */
export function baseName(written: string): string | undefined {
  if (written.includes("=")) return undefined;
  const name = written.replace(/[[<(][\s\S]*$/, "").trim().split(".").pop();
  return name && !ordinaryBases.test(name) ? name : undefined;
}

function collectSiblings(model: RepoModel, usage: UsageByUnit): void {
  const byBase = new Map<string, CodeUnit[]>();
  for (const unit of model.units) {
    if (unit.kind !== "class") continue;
    for (const name of new Set(unit.bases.map(baseName).filter((name): name is string => name !== undefined))) byBase.set(name, [...(byBase.get(name) ?? []), unit]);
  }
  for (const members of byBase.values()) {
    if (members.length < 2 || members.length > 30) continue;
    for (const unit of members) usageOf(usage, unit).siblings.push(...members.filter((member) => member.id !== unit.id && !usageOf(usage, unit).siblings.includes(member)));
  }
}

/**
 * The repository-level usage facts of every unit: where it is applied as a decorator, entered
 * with `with`, called as a method of an instance made elsewhere (also a module-level instance,
 * `app = Flask(__name__)`, in its own file or imported), and extended. Read after
 * every file is extracted, from the references clustering resolves (`collectReferences`) plus
 * one pass over decorators and `with` statements through the same resolver; no file is parsed again.
 */
export function collectUsage(model: RepoModel, references: readonly Reference[]): UsageByUnit {
  const usage: UsageByUnit = new Map();
  const resolver = new ReferenceResolver(model);
  collectDecorators(model, resolver, usage);
  collectWithItems(model, resolver, usage);
  for (const reference of references) {
    if (reference.via === "base" && reference.from && reference.from.kind === "class") usageOf(usage, reference.to).subclasses.push(reference.from);
  }
  collectSiblings(model, usage);
  for (const call of instanceCalls(model, references)) usageOf(usage, call.method).instanceCalls.push(call.site);
  collectModuleInstanceUsage(model, resolver, references, usage);
  return usage;
}

/** The file a unit stands in. */
export function fileOf(model: RepoModel, unit: CodeUnit): FileExtraction | undefined {
  return model.fileByPath.get(unit.file);
}

export { enclosingClass };
