import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import type { DecoratorEvidence } from "./decorator-shapes";
import { classNamed } from "./members";
import { classBases, classMethods, lastSegment, parameterNames, type Family, type MethodInfo } from "./syntax";

const lifecycle = /^(__\w+__|constructor)$/;

/**
 * A class that wraps what it is given and stands in for it: a callable wrapper whose
 * `__call__(*args)` forwards the call to the wrapped callable it holds, or an object that
 * takes a component in its constructor and implements the component's own methods by
 * calling them on it (`transformQuery()` → `this.#executor.transformQuery()`), adding
 * behaviour around some — the Gang-of-Four decorator. A subclass of such a class in the
 * same file wraps too.
 */
export function wrapperClass(classNode: SyntaxNode, family: Family, depth = 0): DecoratorEvidence | undefined {
  const methods = classMethods(classNode);
  const call = methods.find((method) => method.name === "__call__");
  // Forwarding to one of the class's own methods (`self.update`) or to `self.__class__` is a calling convenience, not wrapping.
  const own = new Set(methods.map((method) => method.name));
  const forwarded = call && forwardsCall(call, own);
  if (forwarded) return { confidence: 0.75, reasons: [`__call__(*args) forwards the call to the wrapped ${forwarded}`] };
  const component = decoratedComponent(methods) ?? descriptorWrapper(methods);
  if (component) return component;
  if (depth >= 2) return undefined;
  for (const base of classBases(classNode)) {
    const owner = classNamed(classNode, lastSegment(base.replace(/[<(\[].*$/s, "")), family);
    if (!owner || owner.id === classNode.id) continue;
    const inherited = wrapperClass(owner, family, depth + 1);
    if (inherited) return { confidence: inherited.confidence - 0.05, reasons: [`extends the wrapper ${lastSegment(base)}`, ...inherited.reasons] };
  }
  return undefined;
}

/** `def __call__(self, *args, **kwargs): return self.__wrapped__(*args, **kwargs)` → `self.__wrapped__`. */
function forwardsCall(method: MethodInfo, ownMethods: ReadonlySet<string>): string | undefined {
  const splat = method.node.childForFieldName("parameters")?.namedChildren.find((parameter) => /list_splat|rest_pattern|dictionary_splat/.test(parameter.type) || /^\.\.\./.test(parameter.text));
  if (!splat) return undefined;
  const name = splat.descendantsOfType("identifier")[0]?.text;
  if (!name) return undefined;
  for (const call of method.node.descendantsOfType(["call", "call_expression"])) {
    const callee = call.childForFieldName("function")?.text ?? "";
    if (!/^(self|this)\.[#\w$]+(\.[#\w$]+)?$/.test(callee) || /\.(__init__|__new__|constructor|__class__)$/.test(callee)) continue;
    if (/^(self|this)\.[#\w$]+$/.test(callee) && ownMethods.has(callee.slice(callee.indexOf(".") + 1))) continue;
    const passes = (call.childForFieldName("arguments")?.namedChildren ?? []).some((argument) => argument.text === name || argument.text === `*${name}` || argument.text === `...${name}`);
    if (passes) return callee;
  }
  return undefined;
}

/**
 * `class cachedproperty: __init__(self, func): self.func = func; __get__(self, obj, …): … self.func(obj)`:
 * a descriptor class applied to a function as a decorator — it keeps the function its
 * constructor is given and calls it when the attribute is read. A descriptor that only
 * reads or stores a value (`obj.__dict__[self.name]`) wraps nothing.
 */
function descriptorWrapper(methods: readonly MethodInfo[]): DecoratorEvidence | undefined {
  const constructor = methods.find((method) => method.name === "__init__");
  const get = methods.find((method) => method.name === "__get__");
  if (!constructor || !get) return undefined;
  const parameters = parameterNames(constructor.node).slice(1);
  const kept = [...constructor.node.text.matchAll(/\bself\.(\w+)\s*=\s*(\w+)\s*(?:\n|;|$)/g)].filter((match) => parameters[0] === match[2]).map((match) => match[1]!);
  const called = kept.find((field) => new RegExp(`\\bself\\.${field}\\(`).test(get.node.text));
  if (!called) return undefined;
  return { confidence: 0.75, reasons: [`a descriptor: keeps the function it decorates (self.${called}) and calls it when the attribute is read (__get__)`] };
}

/** The constructor keeps a component it is given; ≥3 public methods (most of them) call the same-named method on it. */
function decoratedComponent(methods: readonly MethodInfo[]): DecoratorEvidence | undefined {
  const constructor = methods.find((method) => method.name === "__init__" || method.name === "constructor");
  if (!constructor) return undefined;
  const parameters = parameterNames(constructor.node);
  const fields = [...constructor.node.text.matchAll(/\b(?:self|this)\.([#\w$]+)\s*=\s*(?:\n\s*)?([\w$]+)/g)].filter((match) => parameters.includes(match[2]!)).map((match) => match[1]!);
  const members = methods.filter((method) => !lifecycle.test(method.name) && !/^[_]/.test(method.name) && !method.isStatic);
  if (members.length < 3) return undefined;
  if (fields.length === 0) return undefined;
  const texts = new Map(members.map((method) => [method, method.node.text]));
  for (const field of new Set(fields)) {
    const access = `.${field}.`;
    const same = members.filter((method) => texts.get(method)!.includes(`${access}${method.name}(`));
    if (same.length < 3 || same.length * 5 < members.length * 3) continue;
    const adding = same.filter((method) => (method.node.childForFieldName("body")?.namedChildren.filter((child) => child.type !== "comment").length ?? 0) > 1);
    // Forwarding alone is a proxy; a decorator adds behaviour around at least one call.
    if (adding.length === 0) continue;
    const reasons = [`wraps the component in ${field} (given to the constructor)`, `${same.length} of ${members.length} methods call the same method on it (${same.slice(0, 3).map((method) => method.name).join(", ")})`];
    reasons.push(`${adding.length} add behaviour around the call`);
    return { confidence: 0.75, reasons };
  }
  return undefined;
}
