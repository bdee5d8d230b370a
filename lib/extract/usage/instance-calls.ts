import type { CodeUnit } from "@/lib/domain";
import { enclosingClass, type RepoModel } from "@/lib/extract/clustering/repo-model";
import type { Reference } from "@/lib/extract/clustering/resolve-references";
import { argumentsAt, escapeName, lineIndexAt } from "./call-text";
import type { InstanceCall } from "./unit-usage";

/** A method called on an instance of its class from outside the class, and where. */
export interface ResolvedInstanceCall {
  method: CodeUnit;
  site: InstanceCall;
}

const receiverNames = new Set(["self", "cls", "this", "super"]);

/** Base classes per class id, from the run's `base` references. */
export function basesByClass(references: readonly Reference[]): Map<string, CodeUnit[]> {
  const bases = new Map<string, CodeUnit[]>();
  for (const reference of references) {
    if (reference.via !== "base" || !reference.from) continue;
    bases.set(reference.from.id, [...(bases.get(reference.from.id) ?? []), reference.to]);
  }
  return bases;
}

/** The method `name` of a class or of its bases (four levels up at most). */
export function methodOf(model: RepoModel, bases: Map<string, CodeUnit[]>, owner: CodeUnit, name: string, depth = 0): CodeUnit | undefined {
  const own = model.byQualname.get(owner.file)?.get(`${owner.qualname}.${name}`);
  if (own || depth >= 4) return own;
  for (const base of bases.get(owner.id) ?? []) {
    const found = methodOf(model, bases, base, name, depth + 1);
    if (found) return found;
  }
  return undefined;
}

// `x = Emitter(...)`, `self.bus = new Bus()`, `const e: Emitter = new Emitter()`: the variable made from the class.
function assignedVariables(code: string, written: string): string[] {
  const name = escapeName(written.replace(/^new\s+/, ""));
  const pattern = new RegExp(`(?:^|[^\\w$.])((?:self\\.|this\\.)?[A-Za-z_$][\\w$]*)\\s*(?::[^=\\n]{1,80})?=\\s*(?:new\\s+|await\\s+)?${name}\\s*[(<]`, "g");
  return [...new Set([...code.matchAll(pattern)].map((match) => match[1]))];
}

/** The calls `variable.method(` in a text: the method's name, the offset of its parenthesis and of the call. */
export function callsOnVariable(code: string, variable: string): { method: string; open: number; offset: number }[] {
  const pattern = new RegExp(`(?:^|[^\\w$.])${escapeName(variable)}\\s*\\.\\s*([A-Za-z_$][\\w$]*)\\s*\\(`, "g");
  return [...code.matchAll(pattern)].map((match) => ({ method: match[1], open: match.index + match[0].length - 1, offset: match.index }));
}

function site(from: CodeUnit, scanned: CodeUnit, offset: number, open: number): InstanceCall {
  return { from, file: from.file, line: scanned.startLine + lineIndexAt(scanned.code, offset), argumentsText: argumentsAt(scanned.code, open) };
}

// Instances made in a unit (or kept on `self`/`this`, read over the whole class) and the methods called on them.
function* throughInstances(model: RepoModel, references: readonly Reference[], bases: Map<string, CodeUnit[]>): Generator<ResolvedInstanceCall> {
  for (const reference of references) {
    if (reference.via !== "call" || !reference.from || reference.from.kind === "class" || reference.to.kind !== "class") continue;
    const from = reference.from;
    if (!from.code.includes(reference.written.replace(/^new\s+/, ""))) continue;
    for (const variable of assignedVariables(from.code, reference.written)) {
      const scanned = /^(self|this)\./.test(variable) ? (enclosingClass(model, from) ?? from) : from;
      for (const call of callsOnVariable(scanned.code, variable)) {
        const method = methodOf(model, bases, reference.to, call.method);
        if (method) yield { method, site: site(from, scanned, call.offset, call.open) };
      }
    }
  }
}

// `bus.subscribe(f)` where `bus: EventBus` is a parameter, or `Registry.register(f)`: calls clustering already resolved to a method.
function* resolvedMethodCalls(model: RepoModel, references: readonly Reference[]): Generator<ResolvedInstanceCall> {
  for (const reference of references) {
    if (reference.via !== "call" || !reference.from || reference.from.kind === "class" || reference.to.kind !== "method") continue;
    const head = reference.written.split(".")[0];
    if (!reference.written.includes(".") || receiverNames.has(head)) continue;
    const owner = enclosingClass(model, reference.to);
    if (owner && enclosingClass(model, reference.from)?.id === owner.id) continue;
    const offset = reference.from.code.indexOf(`${reference.written}(`);
    if (offset < 0) continue;
    yield { method: reference.to, site: site(reference.from, reference.from, offset, offset + reference.written.length) };
  }
}

/**
 * Methods called on instances of their class from outside it, with each call's argument text:
 * through a variable assigned from the class's constructor in the same unit (or a `self.`/`this.`
 * attribute in the same class), and through the calls clustering resolved (typed parameters,
 * calls on the class itself). Each call is listed once.
 */
export function instanceCalls(model: RepoModel, references: readonly Reference[]): ResolvedInstanceCall[] {
  const bases = basesByClass(references);
  const seen = new Set<string>();
  const calls: ResolvedInstanceCall[] = [];
  for (const call of [...throughInstances(model, references, bases), ...resolvedMethodCalls(model, references)]) {
    // A class unit's calls include its methods' calls: the same place is listed once.
    const key = `${call.method.id}\u0000${call.site.file}\u0000${call.site.line}\u0000${call.site.argumentsText}`;
    if (seen.has(key)) continue;
    seen.add(key);
    calls.push(call);
  }
  return calls;
}
