import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import type { DetectorContext } from "../detectors/detector";
import { fileIndexOf } from "../detectors/file-index";
import { expressionBody, nestedFunctions, ownReturns, returnedValue } from "../detectors/functions";
import { enclosingClass } from "../detectors/members";
import { classMethods, contains, isSelfName, lastSegment, nodeTypes, parameterNames } from "../detectors/syntax";
import type { FeatureSink } from "./feature-sink";

const waitCall = /^_*(a?sleep|wait|delay|pause|setTimeout|backoff)/i;
const crudVerb = /^_*(get|find|save|insert|update|delete|remove|create|add|query|select|fetch|put|upsert|count|all|filter|exists|list|lookup|search|destroy)(_|[A-Z]|$)/;
const callbackParameter = /^(f|fn|func|function|callback|cb|handler|listener|wrapped|method|hook|observer|subscriber|decorated|target)$/i;
const constructorCallee = /^[A-Z][\w$]*$/;

/** Facts about what a unit's own function returns (self/this, a new object, an inner function, a boolean). */
function addReturnFacts(context: DetectorContext, sink: FeatureSink): void {
  const values = [...ownReturns(context.node, context.family).flatMap((statement) => returnedValue(statement) ?? []), ...[expressionBody(context.node)].flatMap((body) => body ?? [])];
  sink.flagIf(values.length === 0, "s:returns-nothing");
  sink.flagIf(values.some((value) => isSelfName(value.text)), "s:returns-self");
  sink.flagIf(values.some((value) => /^(new\s+[\w$.]+|cls\(|[A-Z][\w$]*\()/.test(value.text)), "s:returns-new-object");
  sink.flagIf(values.some((value) => /^(True|False|true|false)$|^(not\s|!)|(==|!=|===|!==|<=|>=|\bin\b|\bis\b)/.test(value.text)), "s:returns-boolean");
  sink.flagIf(values.some((value) => /^new\s+Promise\b/.test(value.text)), "s:returns-promise");
  const nested = nestedFunctions(context.node, context.family);
  sink.count("s:nested-functions", nested.length, 2);
  const nestedNames = new Set(nested.map((inner) => inner.childForFieldName("name")?.text).filter(Boolean));
  sink.flagIf(values.some((value) => nestedNames.has(value.text) || /function|arrow/.test(value.type)), "s:returns-inner-function");
  const constructors = new Set(values.map((value) => /^(?:new\s+)?([A-Z][\w$]*)\(/.exec(value.text.replace(/^new\s+/, ""))?.[1]).filter(Boolean));
  sink.flagIf(constructors.size >= 2, "s:returns-several-classes");
}

/** Loops that wait, retry under a try, or call each stored callback. */
function addLoopFacts(context: DetectorContext, sink: FeatureSink): void {
  const loops = context.find(nodeTypes[context.family].loop);
  sink.flagIf(loops.length > 0, "s:loop");
  const tries = context.find(["try_statement"]);
  sink.flagIf(tries.length > 0, "s:try");
  for (const loop of loops) {
    const calls = context.callsWithin(loop);
    if (calls.some((call) => waitCall.test(call.name))) sink.flag("s:loop-waits");
    if (tries.some((attempt) => contains(loop, attempt))) sink.flag("s:try-in-loop");
    const variable = loop.childForFieldName("left")?.text;
    if (variable && calls.some((call) => call.callee === variable || call.callee === `${variable}.call` || call.callee === `${variable}.apply`)) sink.flag("s:calls-each-element");
  }
  sink.flagIf(tries.some((attempt) => loops.some((loop) => contains(attempt, loop))), "s:loop-in-try");
  sink.flagIf(/\.(forEach|map)\(\s*\(?\s*(\w+)\s*\)?\s*=>\s*\2\(/.test(context.node.text), "s:calls-each-element");
  sink.flagIf(context.calls().some((call) => waitCall.test(call.name)), "s:waits");
  sink.count("s:raises", context.find(nodeTypes[context.family].raise).length, 3);
  sink.count("s:catches", context.find(nodeTypes[context.family].catch).length, 2);
}

/** Calls of a parameter, of the instance's own collection, and of constructors. */
function addCallFacts(context: DetectorContext, sink: FeatureSink): void {
  const parameters = parameterNames(context.node).filter((name) => !isSelfName(name));
  sink.count("s:parameters", parameters.length, 4);
  const parameterSet = new Set(parameters);
  const calls = context.calls();
  sink.flagIf(calls.some((call) => parameterSet.has(call.callee)), "s:calls-parameter");
  sink.flagIf(parameters.some((name) => callbackParameter.test(name)), "s:takes-callable");
  sink.count("s:crud-calls", new Set(calls.filter((call) => crudVerb.test(call.name)).map((call) => call.name)).size, 4);
  sink.flagIf(calls.some((call) => call.isNew || constructorCallee.test(call.name)), "s:constructs");
  sink.flagIf(calls.some((call) => /^(self|this|cls)\./.test(call.callee)), "s:calls-own-method");
  sink.flagIf(calls.some((call) => /^(self|this)\.[#\w$]+\.[\w$]+$/.test(call.callee)), "s:delegates-to-member");
  sink.flagIf(calls.some((call) => /^(isinstance|typeof|instanceof)$/.test(call.name)) || /\b(typeof|instanceof)\b/.test(context.node.text), "s:type-checks");
  sink.flagIf(calls.some((call) => /^(commit|rollback|begin|savepoint)$/i.test(call.name)), "s:transaction-calls");
  sink.flagIf(context.find(nodeTypes[context.family].function).length > 0, "s:defines-function");
  sink.flagIf(context.input.unit.isAsync, "s:async");
  sink.flagIf(context.input.unit.isGenerator, "s:generator");
  sink.flagIf(/\b(global|nonlocal)\s/.test(context.node.text) || /\b_instance\b|\binstance\s*=|getInstance/.test(context.node.text), "s:instance-holder");
  sink.flagIf(/\bwith\s|\busing\s/.test(context.node.text), "s:with-block");
}

/** What a unit is — a class, a method of a class, or a function — and the class it is or belongs to. */
export function unitRole(context: DetectorContext): { role: "class" | "method" | "function"; owner?: SyntaxNode } {
  if (context.isClass) return { role: "class", owner: context.node };
  const owner = enclosingClass(context.node, context.family);
  return owner ? { role: "method", owner } : { role: "function" };
}

/** The structural facts known without looking inside a unit: what it is and its language. */
export function roleFeatureNames(role: ReturnType<typeof unitRole>["role"], family: DetectorContext["family"]): [string, string] {
  return [`s:is-${role}`, `s:language-${family}`];
}

/** The `i:<module>` feature of each import a unit uses. */
export function importFeatureNames(importsUsed: readonly string[]): string[] {
  const names: string[] = [];
  for (const used of importsUsed) {
    const module = /[a-z][\w-]*/i.exec(used)?.[0]?.toLowerCase();
    if (module) names.push(`i:${module}`);
  }
  return names;
}

/** Facts about the class a unit is or belongs to: size, special methods, chaining, bases. */
function addClassFacts(context: DetectorContext, sink: FeatureSink): void {
  const { role, owner } = unitRole(context);
  for (const name of roleFeatureNames(role, context.family)) sink.flag(name);
  if (!owner) return;
  const prefix = context.isClass ? "s:class" : "s:owner";
  for (const [name, value] of classFacts(owner, context)) sink.count(`${prefix}-${name}`, value, 1);
}

// A class's facts are the same for the class unit and each of its methods: computed once per class node.
const factsByClass = new WeakMap<SyntaxNode, [string, number][]>();

function classFacts(owner: SyntaxNode, context: DetectorContext): [string, number][] {
  let facts = factsByClass.get(owner);
  if (facts) return facts;
  const methods = classMethods(owner);
  const names = new Set(methods.map((method) => method.name));
  const baseText = owner.childForFieldName("superclasses")?.text ?? owner.namedChildren.find((child) => child.type === "class_heritage")?.text ?? "";
  const index = fileIndexOf(owner, context.family);
  const baseNames = (baseText.match(/[A-Za-z_$][\w$]*/g) ?? []).map(lastSegment);
  const shared = baseNames.filter((base) => !/^(object|Object|Exception|Error)$/.test(base));
  const siblings = shared.length === 0 ? 0 : [...index.classes.values()].filter((other) => other.bases.some((base) => shared.includes(base))).length;
  const share = (count: number, cap: number) => Math.min(count, cap) / cap;
  facts = (
    [
      ["methods", share(methods.length, 12)],
      ["enter-exit", (names.has("__enter__") && names.has("__exit__")) || (names.has("__aenter__") && names.has("__aexit__")) ? 1 : 0],
      ["callable", names.has("__call__") ? 1 : 0],
      ["item-access", names.has("__getitem__") || names.has("__setitem__") ? 1 : 0],
      ["class-level-methods", methods.some((method) => method.isStatic || method.decorators.includes("classmethod")) ? 1 : 0],
      ["chaining-methods", share(chainingMethods(owner, context), 3)],
      ["crud-methods", share(methods.filter((method) => crudVerb.test(method.name)).length, 4)],
      ["generic", /[<\[]/.test(baseText) || Boolean(owner.childForFieldName("type_parameters")) ? 1 : 0],
      ["implements-abstract", baseNames.some((base) => index.classes.get(base)?.isAbstract === true || /^(ABC|Protocol|Interface)$/.test(base)) ? 1 : 0],
      ["has-base", baseNames.length > 0 ? 1 : 0],
      ["one-of-several-subclasses", siblings >= 3 ? 1 : 0],
    ] as [string, number][]
  ).filter(([, value]) => value > 0);
  factsByClass.set(owner, facts);
  return facts;
}

/** Stores by key (`self._cache[key] = value`, `this.map.set(k, v)`) and asks whether a key is there. */
function addStoreFacts(context: DetectorContext, sink: FeatureSink): void {
  const subscriptStores = context.find(nodeTypes[context.family].assignment).filter((assignment) => /\]$/.test(assignment.childForFieldName("left")?.text ?? ""));
  sink.flagIf(subscriptStores.length > 0 || context.calls().some((call) => call.name === "set" && /\.(cache|store|map|memo|_\w+)/i.test(call.callee)), "s:stores-by-key");
  sink.flagIf(/\bin\s+(self|this)\.|\.has\(|\bnot in\b|hasOwnProperty|\bin\s+_?\w*cache/i.test(context.node.text), "s:asks-for-key");
  sink.count("s:imports-used", context.input.unit.importsUsed.length, 3);
  for (const name of importFeatureNames(context.input.unit.importsUsed)) sink.flag(name);
}

const chainingByClass = new WeakMap<SyntaxNode, number>();

function chainingMethods(owner: SyntaxNode, context: DetectorContext): number {
  let count = chainingByClass.get(owner);
  if (count === undefined) {
    count = classMethods(owner).filter((method) => ownReturns(method.node, context.family).some((statement) => isSelfName(returnedValue(statement)?.text ?? ""))).length;
    chainingByClass.set(owner, count);
  }
  return count;
}

/** Structural features of one unit (`s:` facts, each a yes/no or a bounded count). */
export function addStructureFeatures(context: DetectorContext, sink: FeatureSink): void {
  addReturnFacts(context, sink);
  addLoopFacts(context, sink);
  addCallFacts(context, sink);
  addClassFacts(context, sink);
  addStoreFacts(context, sink);
}
