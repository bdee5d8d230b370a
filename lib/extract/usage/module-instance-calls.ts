import type { CodeUnit, FileExtraction } from "@/lib/domain";
import type { RepoModel } from "@/lib/extract/clustering/repo-model";
import { argumentsAt, lineIndexAt } from "./call-text";
import { callsOnVariable, methodOf, type ResolvedInstanceCall } from "./instance-calls";
import type { ModuleInstance, VisibleInstances } from "./module-instances";
import type { UsageSite } from "./unit-usage";

/** A text where module-level instances may be used: a unit's code (not a class's: its methods are scanned) or a module-level statement. */
interface ScannedText {
  from: CodeUnit | undefined;
  code: string;
  line: number;
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

// A unit taking a parameter of the same name sees the parameter, not the module's instance.
function shadows(text: ScannedText, name: string): boolean {
  return text.from?.parameters.some((parameter) => parameter.name === name) ?? false;
}

function decoratorCalls(file: FileExtraction, names: Map<string, ModuleInstance>, model: RepoModel, bases: Map<string, CodeUnit[]>): ResolvedInstanceCall[] {
  const calls: ResolvedInstanceCall[] = [];
  for (const unit of file.units) {
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
 * (`app.before_request(f)`, `@app.route("/")`, `bus.on("e", handler)`), from its module-level
 * statements and its functions and methods.
 */
export function moduleInstanceCalls(model: RepoModel, visible: VisibleInstances, bases: Map<string, CodeUnit[]>): ResolvedInstanceCall[] {
  const calls: ResolvedInstanceCall[] = [];
  for (const file of model.files) {
    const names = visible.get(file.file);
    if (!names) continue;
    calls.push(...decoratorCalls(file, names, model, bases));
    for (const text of textsOf(file)) {
      for (const [name, instance] of names) {
        if (!text.code.includes(name) || shadows(text, name)) continue;
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
export function enteredModuleInstances(model: RepoModel, visible: VisibleInstances): EnteredInstance[] {
  const entered: EnteredInstance[] = [];
  for (const file of model.files) {
    const names = visible.get(file.file);
    if (!names || file.language !== "python") continue;
    for (const text of textsOf(file)) {
      if (!text.code.includes("with")) continue;
      for (const match of text.code.matchAll(withLine)) {
        for (const part of match[1].split(",")) {
          const name = /^\s*([A-Za-z_]\w*)\s*(?:as\s+\w+\s*)?$/.exec(part)?.[1];
          const instance = name && !shadows(text, name) ? names.get(name) : undefined;
          if (instance) entered.push({ classUnit: instance.classUnit, site: { from: text.from, file: file.file, line: text.line + lineIndexAt(text.code, match.index) } });
        }
      }
    }
  }
  return entered;
}
