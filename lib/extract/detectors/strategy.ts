import type { PatternMatch } from "@/lib/domain";
import { patternMatch, type Detector, type DetectorContext } from "./detector";
import { fileIndexOf, type ClassFacts, type FileIndex } from "./file-index";
import { detectAdapter } from "./adapter";
import { detectCacheMemoize } from "./cache-memoize";
import { detectContextManager } from "./context-manager";
import { detectDbTransaction } from "./db-transaction";
import { detectObserverEvent } from "./observer-event";
import { otherRole } from "./other-role";
import { detectRepositoryCrud } from "./repository-crud";
import { familyMember, typeHierarchy } from "./strategy-family";
import { detectValidation } from "./validation";
import { classMethods, parameterNames, type MethodInfo } from "./syntax";

const plainName = /^[#\w$]+$/;
const maxBaseMethods = 8;

function publicMethodCount(facts: ClassFacts): number {
  return [...facts.methods].filter((method) => !/^(__\w+__|constructor)$/.test(method) && !/^_/.test(method)).length;
}

/**
 * Strategy: interchangeable classes behind one interface (an abstract base whose abstract
 * methods ≥2 classes of the file implement, or a base whose method ≥3 subclasses
 * override), a context that delegates to a replaceable strategy object, or a table of
 * interchangeable functions selected by key and called; and each implementation of such
 * a family (see `familyMember`). A class family whose members are caches, validators,
 * stores, adapters, observers, transactions or context managers is reported as that kind instead.
 */
export const detectStrategy: Detector = (context) => {
  if (!context.isClass) return functionTable(context) ?? familyMember(context);
  const name = context.node.childForFieldName("name")?.text ?? "";
  const index = fileIndexOf(context.node, context.family);
  const facts = index.classes.get(name);
  const match = (facts && interchangeableSubclasses(facts, index)) ?? delegatingContext(context) ?? familyMember(context);
  // A family of caches, validators, stores or adapters is that kind first.
  return match && !otherRole(context, moreSpecific) ? match : undefined;
};

const moreSpecific = [detectCacheMemoize, detectValidation, detectRepositoryCrud, detectAdapter, detectObserverEvent, detectDbTransaction, detectContextManager];

function interchangeableSubclasses(base: ClassFacts, index: FileIndex): PatternMatch | undefined {
  // The root of a family has at most one same-file ancestor and little behaviour of its own.
  if (typeHierarchy(base, index, 1) || publicMethodCount(base) > maxBaseMethods) return undefined;
  const descendants = descendantsOf(base.name, index);
  // An abstract constructor is no operation to supply.
  const operations = [...base.abstractMethods].filter((method) => !/^(__init__|constructor)$/.test(method));
  if (base.isAbstract && operations.length > 0) {
    const implementations = descendants.filter((facts) => operations.some((method) => facts.methods.has(method)));
    if (implementations.length >= 2) {
      return patternMatch("strategy", 0.85, [
        `abstract ${operations.slice(0, 3).join(", ")}`,
        `implemented interchangeably by ${implementations.slice(0, 4).map((facts) => facts.name).join(", ")}`,
      ]);
    }
  }
  for (const method of base.methods) {
    if (/^(__\w+__|constructor|__init__)$/.test(method)) continue;
    const overriding = descendants.filter((facts) => facts.methods.has(method));
    if (overriding.length >= 3) {
      return patternMatch("strategy", 0.65, [`${method}() overridden by ${overriding.length} subclasses (${overriding.slice(0, 3).map((facts) => facts.name).join(", ")})`]);
    }
  }
  return undefined;
}

function descendantsOf(name: string, index: FileIndex): ClassFacts[] {
  const found = new Map<string, ClassFacts>();
  const queue = [name];
  while (queue.length) {
    const current = queue.shift()!;
    for (const facts of index.classes.values()) {
      if (facts.bases.includes(current) && !found.has(facts.name) && facts.name !== name) {
        found.set(facts.name, facts);
        queue.push(facts.name);
      }
    }
  }
  return [...found.values()];
}

/** A setter replaces `this.#provider`, and ≥2 methods forward to the same-named method on it. */
function delegatingContext(context: DetectorContext): PatternMatch | undefined {
  const methods = classMethods(context.node);
  for (const setter of methods) {
    if (/^(constructor|__init__)$/.test(setter.name)) continue;
    const parameters = parameterNames(setter.node);
    const assigned = [...setter.node.text.matchAll(/\b(?:self|this)\.([#\w$]+)\s*=\s*([\w$]+)/g)].find((match) => parameters.includes(match[2]!));
    if (!assigned) continue;
    const field = assigned[1]!;
    // `.field.` must appear literally for the pattern to match; checking that first spares
    // compiling one expression per method pair in large classes (odd names still compile,
    // as they always did).
    const access = `.${field}.`;
    const skippable = (method: MethodInfo) => plainName.test(method.name) && !method.node.text.includes(access);
    const forwarding = methods.filter((method) => !skippable(method) && new RegExp(`\\b(?:self|this)\\.${field.replace("$", "\\$")}\\.${method.name}\\(`).test(method.node.text));
    if (forwarding.length >= 2) {
      return patternMatch("strategy", 0.75, [
        `${setter.name}() swaps the strategy object held in ${field}`,
        `${forwarding.map((method) => method.name).slice(0, 4).join(", ")} delegate to it`,
      ]);
    }
  }
  return undefined;
}

/** `{a: fnA, b: lambda ...}` of ≥2 functions, one selected by key and called. */
function functionTable(context: DetectorContext): PatternMatch | undefined {
  const python = context.family === "python";
  const index = fileIndexOf(context.node, context.family);
  for (const table of context.find(python ? ["dictionary"] : ["object"])) {
    const values = table.namedChildren.filter((pair) => pair.type === "pair").map((pair) => pair.childForFieldName("value"));
    const functions = values.filter((value) => value && (/lambda|function|arrow_function/.test(value.type) || (value.type === "identifier" && index.functions.has(value.text))));
    if (functions.length < 2) continue;
    const holder = table.parent?.childForFieldName(python ? "left" : "name")?.text;
    const selected = context.calls().some((call) => (holder ? call.callee.startsWith(`${holder}[`) || call.callee.startsWith(`${holder}.get(`) : false) || /^\{.*\}\[/s.test(call.callee));
    const viaVariable = holder !== undefined && new RegExp(`=\\s*${holder.replace(/[$.]/g, "\\$&")}(\\[|\\.get\\()`).test(context.node.text);
    if (selected || viaVariable) {
      return patternMatch("strategy", 0.75, [`table of ${functions.length} interchangeable functions${holder ? ` (${holder})` : ""}`, "selects one by key and calls it"]);
    }
  }
  return undefined;
}
