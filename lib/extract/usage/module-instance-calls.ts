import type { CodeUnit, FileExtraction } from "@/lib/domain";
import type { RepoModel } from "@/lib/extract/clustering/repo-model";
import { argumentsAt, lineIndexAt } from "./call-text";
import { callsOnVariable, methodOf, type ResolvedInstanceCall } from "./instance-calls";
import type { FixtureInstances, ModuleInstance, VisibleInstances } from "./module-instances";
import type { UsageSite } from "./unit-usage";

/** A text where module-level instances may be used: a unit's code (not a class's: its methods are scanned) or a module-level statement. */
interface ScannedText {
  from: CodeUnit | undefined;
  code: string;
  line: number;
}

/** What the scan knows beyond the model: the instances each file names, the fixtures, and the instances made inside each module-level statement. */
export interface InstanceScope {
  visible: VisibleInstances;
  fixtures: FixtureInstances;
  /** Instances made inside a module-level statement, keyed by file and the statement's line. */
  inStatement: (file: FileExtraction, code: string, line: number) => Map<string, ModuleInstance>;
}

/** An instance entered by `with name:` / `async with name:` (a lock, a session made at module level). */
export interface EnteredInstance {
  classUnit: CodeUnit;
  site: UsageSite;
}

function textsOf(file: FileExtraction): ScannedText[] {
  const units = file.units.filter((unit) => unit.kind !== "class").map((unit) => ({ from: unit, code: unit.code, line: unit.startLine }));
  const statements = (file.moduleStatements ?? []).map((statement) => ({ from: undefined, code: statement.code, line: statement.line }));
  return [...statements, ...units];
}

/**
 * The instances a text can name: the file's module-level ones; in a statement, those made inside
 * it; in a unit, its and its enclosing units' parameters that are fixtures (`def test_x(app):`),
 * while any other parameter of the same name hides the module's instance.
 */
function namesIn(model: RepoModel, scope: InstanceScope, file: FileExtraction, text: ScannedText): Map<string, ModuleInstance> {
  const names = new Map(scope.visible.get(file.file));
  if (!text.from) {
    for (const [name, instance] of scope.inStatement(file, text.code, text.line)) names.set(name, instance);
    return names;
  }
  const decided = new Set<string>();
  for (let unit: CodeUnit | undefined = text.from; unit; unit = model.parentOf.get(unit.id)) {
    // A class's own parameters (its constructor's) are no scope of its methods' bodies.
    if (unit.kind === "class") continue;
    for (const parameter of unit.parameters) {
      if (decided.has(parameter.name)) continue;
      decided.add(parameter.name);
      const fixture = file.language === "python" ? scope.fixtures.get(parameter.name) : undefined;
      if (fixture) names.set(parameter.name, fixture);
      else names.delete(parameter.name);
    }
  }
  return names;
}

function decoratorCalls(file: FileExtraction, scope: InstanceScope, model: RepoModel, bases: Map<string, CodeUnit[]>): ResolvedInstanceCall[] {
  const calls: ResolvedInstanceCall[] = [];
  for (const unit of file.units) {
    if (unit.decorators.length === 0) continue;
    // A decorator is evaluated in the scope around its unit.
    const parent = model.parentOf.get(unit.id);
    const names = parent && parent.kind !== "class" ? namesIn(model, scope, file, { from: parent, code: parent.code, line: parent.startLine }) : (scope.visible.get(file.file) ?? new Map<string, ModuleInstance>());
    for (const decorator of unit.decorators) {
      const written = decorator.replace(/^@/, "").trim();
      const match = /^([A-Za-z_$][\w$]*)\.([A-Za-z_$][\w$]*)\s*(\()?/.exec(written);
      const instance = match ? names.get(match[1]) : undefined;
      const method = instance && methodOf(model, bases, instance.classUnit, match![2]);
      if (!method) continue;
      const argumentsText = match![3] ? argumentsAt(written, match![0].length - 1) : "";
      calls.push({ method, site: { from: unit, file: file.file, line: unit.startLine, argumentsText, decorates: true, throughModule: true } });
    }
  }
  return calls;
}

/**
 * Methods called, or applied as decorators, through the module-level instances a file can name
 * (`app.before_request(f)`, `@app.route("/")`, `bus.on("e", handler)`), through instances made
 * inside a module-level statement (a `describe` block) and through pytest fixtures
 * (`def test_x(app): app.before_request(f)`), from module-level statements, functions and methods.
 */
export function moduleInstanceCalls(model: RepoModel, scope: InstanceScope, bases: Map<string, CodeUnit[]>): ResolvedInstanceCall[] {
  const calls: ResolvedInstanceCall[] = [];
  for (const file of model.files) {
    calls.push(...decoratorCalls(file, scope, model, bases));
    for (const text of textsOf(file)) {
      for (const [name, instance] of namesIn(model, scope, file, text)) {
        if (!text.code.includes(name)) continue;
        for (const call of callsOnVariable(text.code, name)) {
          const method = methodOf(model, bases, instance.classUnit, call.method);
          if (!method) continue;
          const line = text.line + lineIndexAt(text.code, call.offset);
          calls.push({ method, site: { from: text.from, file: file.file, line, argumentsText: argumentsAt(text.code, call.open), throughModule: true } });
        }
      }
    }
  }
  return calls;
}

const withLine = /^[ \t]*(?:async[ \t]+)?with[ \t]+(.+?):?[ \t]*$/gm;

/** Module-level instances entered with `with name:` or `with name as x:` (no call: the instance itself manages the block). */
export function enteredModuleInstances(model: RepoModel, scope: InstanceScope): EnteredInstance[] {
  const entered: EnteredInstance[] = [];
  for (const file of model.files) {
    if (file.language !== "python") continue;
    for (const text of textsOf(file)) {
      if (!text.code.includes("with")) continue;
      const names = namesIn(model, scope, file, text);
      if (names.size === 0) continue;
      for (const match of text.code.matchAll(withLine)) {
        for (const part of match[1].split(",")) {
          const name = /^\s*([A-Za-z_]\w*)\s*(?:as\s+\w+\s*)?$/.exec(part)?.[1];
          const instance = name ? names.get(name) : undefined;
          if (instance) entered.push({ classUnit: instance.classUnit, site: { from: text.from, file: file.file, line: text.line + lineIndexAt(text.code, match.index) } });
        }
      }
    }
  }
  return entered;
}
