import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import type { PatternMatch } from "@/lib/domain";
import { patternMatch, type Detector, type DetectorContext, remembered } from "./detector";
import { ownReturns, returnedValue } from "./functions";
import { className, methodOf } from "./members";
import { classMethods, parameterNames, type Family, type MethodInfo } from "./syntax";

// Methods that return `this` by convention without building anything: emitter and stream
// plumbing, iteration, protocol methods.
const plumbing = /^(constructor|__\w+__|\[.*\]|on|once|off|addListener|removeListener|removeAllListeners|prependListener|prependOnceListener|setMaxListeners|emit|use|pipe|ref|unref|then|next)$/;
const cloneCall = /(^|\.)_*(clone|copy|chain|generate|new_?instance|_?clone\w*)$/i;

/**
 * Builder: a class whose setters chain — ≥3 methods that return `self`/`this` (or a
 * configured copy of it), or 2 plus a terminal method that constructs the product from what
 * they collected — and each of those chainable methods. A single fluent method, emitter
 * plumbing (`on()`, `pipe()` returning this) or `build_url` is not a builder.
 */
export const detectBuilder: Detector = remembered((context) => {
  if (context.isClass) return chainOf(context.node, context.family)?.match;
  const member = methodOf(context.node, context.family);
  if (!member) return prototypeSetter(context);
  const chain = chainOf(member.classNode, context.family);
  if (!chain || !chain.fluent.includes(member.method)) return undefined;
  const self = context.family === "python" ? "self" : "this";
  return patternMatch("builder", chain.match.confidence - 0.1, [
    `returns ${self} so calls chain`,
    `one of ${chain.fluent.length} chainable methods of ${className(member.classNode) || "its class"}`,
  ]);
});

interface Chain {
  fluent: MethodInfo[];
  match: PatternMatch;
}

const chains = new WeakMap<SyntaxNode, Chain | null>();

function chainOf(classNode: SyntaxNode, family: Family): Chain | undefined {
  let chain = chains.get(classNode);
  if (chain === undefined) {
    chain = readChain(classNode, family) ?? null;
    chains.set(classNode, chain);
  }
  return chain ?? undefined;
}

function readChain(classNode: SyntaxNode, family: Family): Chain | undefined {
  const methods = classMethods(classNode).filter((method) => !method.isStatic && !plumbing.test(method.name));
  const fluent = methods.filter((method) => isSetter(method) && isFluent(method.node, family));
  if (fluent.length < 2) return undefined;
  const collected = new Set(fluent.flatMap((method) => [...method.node.text.matchAll(/\b(?:self|this)\.([#\w$]+)\s*(?:\[[^\]]*\])?\s*(?:=[^=]|\.(?:append|push|add|update|extend|set)\()|\.\.\.\s*this\.([#\w$]+)/g)].map((match) => match[1] ?? match[2]!)));
  const terminal = methods.find((method) => !fluent.includes(method) && isTerminal(method, collected, family));
  if (!terminal && fluent.length < 3) return undefined;
  const self = family === "python" ? "self" : "this";
  const evidence = [`${fluent.length} chainable methods return ${self} (${fluent.slice(0, 4).map((method) => method.name).join(", ")})`];
  if (terminal) evidence.push(`${terminal.name}() builds the product from the collected state`);
  const confidence = fluent.length >= 3 ? (terminal ? 0.9 : 0.8) : 0.8;
  return { fluent, match: patternMatch("builder", confidence, evidence) };
}

/** A public instance method that does something before returning (`def real(self): return self` is identity, not a setter). */
function isSetter(method: MethodInfo): boolean {
  if (/^[_#]/.test(method.name) || method.decorators.some((decorator) => /^(property|classmethod|\w+\.setter)$/.test(decorator))) return false;
  const body = method.node.childForFieldName("body")?.namedChildren.filter((child) => child.type !== "comment") ?? [];
  return body.length >= 2 || parameterNames(method.node).some((name) => name !== "self" && name !== "cls") || /^return\s+new\s/.test(body[0]?.text ?? "");
}

function isFluent(node: SyntaxNode, family: Family): boolean {
  // `async execute(): return self` awaits I/O; it does not chain.
  if (node.children.some((child) => child.type === "async")) return false;
  const values = ownReturns(node, family).map((statement) => returnedValue(statement));
  if (values.length === 0 || !values.every((value) => value !== undefined)) return false;
  const clones = values.some((value) => value!.type === "identifier") ? cloneNames(node, family) : undefined;
  return values.every((value) => returnsSelf(value!) || (value!.type === "identifier" && clones!.has(value!.text)) || copiesState(value!));
}

/** `new SelectQueryBuilder({ ...this.#props, where })`: a new builder made from this one's state (the immutable style). */
function copiesState(value: SyntaxNode): boolean {
  if (value.type !== "new_expression") return false;
  const constructor = value.childForFieldName("constructor")?.text ?? "";
  const argumentsText = value.childForFieldName("arguments")?.text ?? "";
  return /^[A-Z_$][\w$]*$/.test(constructor) && /(\.\.\.\s*this\.[#\w$]+|\(\s*this\s*[,)])/.test(argumentsText);
}

const prototypeMember = /^([A-Za-z_$][\w$]*)\.prototype\.([\w$]+)$/;

/** ES5 style: `FunctionCall.prototype.retryIf = function (...) { ...; return this; }` among ≥3 such setters. */
function prototypeSetter(context: DetectorContext): PatternMatch | undefined {
  const parent = context.node.parent;
  if (parent?.type !== "assignment_expression" || context.family !== "js") return undefined;
  const owner = prototypeMember.exec(parent.childForFieldName("left")?.text ?? "")?.[1];
  if (!owner || !isFluent(context.node, context.family)) return undefined;
  const fluent = prototypeFunctions(context.node, owner).filter((fn) => isFluent(fn, context.family));
  if (fluent.length < 3) return undefined;
  return patternMatch("builder", 0.75, ["returns this so calls chain", `one of ${fluent.length} chainable methods on ${owner}.prototype`]);
}

function prototypeFunctions(node: SyntaxNode, owner: string): SyntaxNode[] {
  const functions: SyntaxNode[] = [];
  for (const assignment of node.tree.rootNode.descendantsOfType("assignment_expression")) {
    const right = assignment.childForFieldName("right");
    if (right && /^(function_expression|function)$/.test(right.type) && prototypeMember.exec(assignment.childForFieldName("left")?.text ?? "")?.[1] === owner) functions.push(right);
  }
  return functions;
}

function returnsSelf(value: SyntaxNode): boolean {
  const text = value.text.replace(/\s+as\s+[\w<>\s,]+$/g, "").trim();
  if (text === "self" || text === "this") return true;
  if (value.type === "sequence_expression") return /,\s*this\s*$/.test(value.text);
  return false;
}

/** Locals bound to a copy of the instance (`clone = self._clone()`, `const q = this.clone()`), the generative style. */
function cloneNames(node: SyntaxNode, family: Family): Set<string> {
  const names = new Set<string>();
  for (const binding of node.descendantsOfType(family === "python" ? ["assignment"] : ["variable_declarator"])) {
    const name = (binding.childForFieldName("left") ?? binding.childForFieldName("name"))?.text;
    const value = binding.childForFieldName("right") ?? binding.childForFieldName("value");
    if (!name || (value?.type !== "call" && value?.type !== "call_expression")) continue;
    const callee = value.childForFieldName("function")?.text ?? "";
    const ofSelf = /^(self|this)\./.test(callee) || /\(\s*(self|this)\s*[,)]/.test(value.text);
    if (ofSelf && cloneCall.test(callee)) names.add(name);
  }
  return names;
}

function isTerminal(method: MethodInfo, collected: Set<string>, family: Family): boolean {
  const values = ownReturns(method.node, family).flatMap((statement) => returnedValue(statement) ?? []);
  if (values.length === 0) return false;
  const constructs = values.some((value) => /^(call|call_expression|new_expression|await_expression|identifier)$/.test(value.type));
  if (!constructs) return false;
  const reads = [...collected].filter((field) => new RegExp(`\\b(?:self|this)\\.${field.replace("$", "\\$")}\\b`).test(method.node.text));
  const handsOverSelf = /[(,]\s*(self|this)\s*[,)]/.test(method.node.text);
  const instantiates = /\bnew\s+[A-Z]|\b(cls|type)\(|(^|[^.\w])[A-Z][A-Za-z0-9]*[a-z]\w*\(/.test(method.node.text);
  return (reads.length >= 1 && instantiates) || handsOverSelf;
}
