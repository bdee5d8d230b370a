import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import { wrapperClass } from "./decorator-class";
import { decoratorFactoryReturning, fileFunction, isCallableParameter, markingDecorator, type DecoratorEvidence } from "./decorator-shapes";
import { patternMatch, type Detector, remembered } from "./detector";
import { expressionBody, functionName, nestedFunctions, ownReturns, returnedValue } from "./functions";
import { isSelfName, nodeTypes, parameterNames, pythonDecorators, type Family } from "./syntax";

const collectionMethod = /^(delete|remove|discard|splice|add|push|append|set|unshift|indexOf|includes|has|get)$/;

/**
 * Decorator: a function that takes a function and returns a wrapper calling it (`@wraps`,
 * `update_wrapper`, a closure invoking its argument), a decorator factory returning such a
 * function, or a TypeScript method decorator `(target, key, descriptor)`.
 */
export const detectDecorator: Detector = remembered((context) => {
  const hasFunctions = () => context.find(nodeTypes[context.family].function).length > 0;
  const evidence = context.isClass ? wrapperClass(context.node, context.family) : decoratorEvidence(context.node, context.family, hasFunctions);
  if (!evidence) return undefined;
  return patternMatch("decorator", evidence.confidence, evidence.reasons);
});

type Evidence = DecoratorEvidence;

const decorators = new WeakMap<SyntaxNode, Evidence | null>();

/** The decorator reading of one function node (memoised: delegation asks about other functions of the file). */
function decoratorEvidence(fn: SyntaxNode, family: Family, hasFunctions?: () => boolean): Evidence | undefined {
  const known = decorators.get(fn);
  if (known !== undefined) return known ?? undefined;
  decorators.set(fn, null);
  const nested = hasFunctions ?? (() => fn.descendantsOfType(nodeTypes[family].function as unknown as string[]).length > 1);
  const evidence = readDecorator(fn, family, nested());
  decorators.set(fn, evidence ?? null);
  return evidence;
}

function readDecorator(fn: SyntaxNode, family: Family, hasFunctions: boolean): Evidence | undefined {
  // Operator and protocol methods (`__pow__`, `__getattr__`) are what the language calls; only `__call__` can decorate.
  if (/^__\w+__$/.test(functionName(fn) ?? "") && functionName(fn) !== "__call__") return undefined;
  const wraps = hasFunctions || parameterNames(fn).length === 3 || /wrap/.test(fn.text);
  return (wraps ? (wrapperEvidence(fn, family, 0) ?? methodDecorator(fn)) : undefined)
    ?? markingDecorator(fn, family)
    ?? (hasFunctions ? returnedMarking(fn, family) : undefined)
    ?? decoratorFactoryReturning(fn, family)
    ?? delegatingDecorator(fn, family);
}

/** `def listens_to(event): def on(f): register(f); return f; return on` — a factory of marking decorators. */
function returnedMarking(fn: SyntaxNode, family: Family): Evidence | undefined {
  const nested = nestedFunctions(fn, family);
  if (nested.length === 0) return undefined;
  for (const value of ownReturns(fn, family).flatMap((statement) => returnedValue(statement) ?? [])) {
    for (const inner of returnedFunctions(value, nested)) {
      const marking = markingDecorator(inner, family);
      if (marking) return { confidence: marking.confidence, reasons: [`decorator factory: returns ${functionName(inner) ?? "a decorator"}, which`, ...marking.reasons] };
    }
  }
  return undefined;
}

/**
 * Hands its arguments to another decorator of the file and returns what it gives
 * (`return set_hook(fn, PRE_LOAD)`, `return _cache(LRUCache(maxsize), typed)`,
 * `return FunctionWrapper(wrapper, _wrapper)`, `functools.partial(decorate, ...)`).
 */
function delegatingDecorator(fn: SyntaxNode, family: Family): Evidence | undefined {
  const parameters = new Set(parameterNames(fn).filter((name) => !isSelfName(name)));
  if (parameters.size === 0) return undefined;
  const returned = [...ownReturns(fn, family).flatMap((statement) => returnedValue(statement) ?? []), ...[expressionBody(fn)].flatMap((body) => body ?? [])];
  for (const value of returned) {
    const target = delegateOf(value);
    const node = target ? fileFunction(fn, target, family) : undefined;
    if (!node || node.id === fn.id || !value.descendantsOfType("identifier").some((identifier) => parameters.has(identifier.text))) continue;
    const isClass = (nodeTypes[family].class as readonly string[]).includes(node.type);
    const evidence = isClass ? wrapperClass(node, family) : decoratorEvidence(node, family);
    if (evidence) return { confidence: Math.min(evidence.confidence, 0.75), reasons: [`returns ${target}(...) with its arguments, and ${target}:`, ...evidence.reasons.slice(0, 2)] };
    const wrapper = handedWrapperClass(fn, value, family);
    if (wrapper) return { confidence: 0.7, reasons: [`returns ${target}(...) given the wrapper class ${wrapper}`] };
  }
  return undefined;
}

/** `wrap_object(module, name, FunctionWrapper, (wrapper,))`: a wrapper class of the file handed to the call. */
function handedWrapperClass(fn: SyntaxNode, call: SyntaxNode, family: Family): string | undefined {
  for (const argument of call.childForFieldName("arguments")?.namedChildren ?? []) {
    if (argument.type !== "identifier" || !/^_?[A-Z]/.test(argument.text)) continue;
    const node = fileFunction(fn, argument.text, family);
    if (node && (nodeTypes[family].class as readonly string[]).includes(node.type) && wrapperClass(node, family)) return argument.text;
  }
  return undefined;
}

/** The function a returned call goes to: `f(x)` → f, `f(x)(y)` → f, `functools.partial(f, ...)` → f. */
function delegateOf(value: SyntaxNode): string | undefined {
  let current: SyntaxNode | null = value;
  while (current && /^(call|call_expression|new_expression)$/.test(current.type)) {
    const callee: SyntaxNode | null = current.childForFieldName("function") ?? current.childForFieldName("constructor");
    if (!callee) return undefined;
    if (/^(functools\.)?partial$/.test(callee.text)) return current.childForFieldName("arguments")?.namedChildren[0]?.text;
    if (/^(identifier)$/.test(callee.type)) return callee.text;
    current = callee;
  }
  return undefined;
}

function wrapperEvidence(fn: SyntaxNode, family: Family, depth: number): Evidence | undefined {
  const parameters = parameterNames(fn).filter((name) => !isSelfName(name));
  if (parameters.length === 0) return undefined;
  // What a decorator factory returns is a plain function taking the decorated one; an inner
  // `def inner(self, rhs)` is a method the factory generates (`__add__ = _e(OP.ADD)`).
  if (depth === 1 && isSelfName(parameterNames(fn)[0] ?? "")) return undefined;
  const names = new Set([...parameters, ...aliasesOf(fn, family, parameters)]);
  const nested = nestedFunctions(fn, family);
  const wrapped = nested.find((inner) => pythonDecorators(inner).some((decorator) => /^(functools\.)?wraps\((\w+)/.test(decorator) && names.has(/wraps\((\w+)/.exec(decorator)![1]!)));
  const returned = [...ownReturns(fn, family).flatMap((statement) => returnedValue(statement) ?? []), ...[expressionBody(fn)].flatMap((body) => body ?? [])];
  for (const value of returned) {
    if (/^(functools\.)?update_wrapper\(|^(functools\.)?wraps\(/.test(value.text.replace(/^\w+\.cast\(\w+,\s*/, ""))) {
      return { confidence: 0.9, reasons: [`returns ${value.text.split("(")[0]}(...) around its argument`] };
    }
    for (const inner of returnedFunctions(value, nested)) {
      const name = functionName(inner) ?? "an inner function";
      if (callsAny(inner, names, fn)) {
        const reasons = [`returns wrapper ${name} that calls its argument`];
        if (wrapped) reasons.push(`wrapper keeps metadata with @wraps`);
        return { confidence: wrapped ? 0.9 : 0.85, reasons };
      }
      if (depth === 0) {
        const innerEvidence = wrapperEvidence(inner, family, 1);
        if (innerEvidence) return { confidence: Math.min(innerEvidence.confidence, 0.85), reasons: [`decorator factory: returns decorator ${name}`, ...innerEvidence.reasons] };
      }
    }
    // A decorator takes the one function it decorates and hands that on (`def deco(f): return Wrapper(f, opts)`);
    // a function of several values returning a computation of them (`(retryNumber, error) => Math.max(delay, …)`) is no decorator.
    const decorates = new Set(parameters.length === 1 ? parameters : []);
    if (depth === 1 && value.namedChildren.some((child) => child.type.includes("argument") && child.namedChildren.some((argument) => decorates.has(argument.text)))) {
      return { confidence: 0.65, reasons: [`returns ${value.text.split("(")[0]}(...) wrapping its argument`] };
    }
  }
  return wrapped ? { confidence: 0.75, reasons: ["defines a @wraps wrapper around its argument"] } : undefined;
}

/** Inner functions a returned expression refers to (`return wrapper`, `return (...a) => fn(...a)`). */
function returnedFunctions(returned: SyntaxNode, nested: SyntaxNode[]): SyntaxNode[] {
  let value = returned;
  // `return ((...args) => fn(...args)) as T` — look through casts and parentheses.
  while (/^(as_expression|satisfies_expression|parenthesized_expression|type_assertion|non_null_expression)$/.test(value.type) && value.namedChildren[0]) {
    value = value.namedChildren[0];
  }
  if (/^(lambda|arrow_function|function_expression|function)$/.test(value.type)) return [value];
  const handedOver = value.descendantsOfType("identifier").filter((identifier) => identifier.parent?.childForFieldName("function")?.id !== identifier.id);
  const identifiers = new Set([value.text, ...handedOver.map((identifier) => identifier.text)]);
  return nested.filter((inner) => {
    const name = functionName(inner);
    return name !== undefined && identifiers.has(name);
  });
}

/** Whether a function calls one of `names`, or hands one to another call (`self(f, *args)`, `ctx.invoke(f)`). */
function callsAny(fn: SyntaxNode, names: Set<string>, outer: SyntaxNode): boolean {
  for (const call of fn.descendantsOfType(["call", "call_expression", "new_expression"])) {
    const callee = (call.childForFieldName("function") ?? call.childForFieldName("constructor"))?.text ?? "";
    if (names.has(callee) || [...names].some((name) => callee === `${name}.call` || callee === `${name}.apply`)) return true;
    // Handing the function to another call wraps it (`ctx.invoke(f)`), unless the call only
    // files it in a collection (`listeners.delete(listener)` in an unsubscribe closure).
    const argumentsNode = call.childForFieldName("arguments");
    if (collectionMethod.test(callee.split(".").pop() ?? "") || !argumentsNode) continue;
    const handed = argumentsNode.namedChildren.find((argument) => names.has(argument.text));
    // ... and only a function handed on together with the wrapper's own arguments is wrapped
    // (an unsubscribe closure `() => this.removeHook(name, fn)` takes none; `sqlite3.connect(loc, **kwargs)` hands on no function).
    if (handed && isCallableParameter(outer, handed.text, names) && forwardsOwnArguments(fn, argumentsNode)) return true;
  }
  return false;
}

function forwardsOwnArguments(fn: SyntaxNode, argumentsNode: SyntaxNode): boolean {
  const own = parameterNames(fn);
  if (own.length === 0) return false;
  return argumentsNode.namedChildren.some((argument) => own.includes(argument.text.replace(/^(\*\*|\*|\.\.\.)/, "")) || /^(\*|\.\.\.)/.test(argument.text));
}

/** Local variables derived from a parameter (`const fetch = resolveFetch(customFetch)`). */
function aliasesOf(fn: SyntaxNode, family: Family, parameters: string[]): string[] {
  if (family === "python") return [];
  const body = fn.childForFieldName("body");
  if (!body || body.type !== "statement_block") return [];
  const aliases: string[] = [];
  for (const statement of body.namedChildren) {
    if (statement.type !== "lexical_declaration" && statement.type !== "variable_declaration") continue;
    for (const declarator of statement.namedChildren) {
      const value = declarator.childForFieldName("value");
      const mentions = value?.descendantsOfType("identifier").some((identifier) => parameters.includes(identifier.text));
      if (mentions && value?.type !== "arrow_function") aliases.push(declarator.childForFieldName("name")?.text ?? "");
    }
  }
  return aliases;
}

/** `(target, propertyKey, descriptor) => { ... descriptor.value ... }` */
function methodDecorator(fn: SyntaxNode): Evidence | undefined {
  // A decorator is a free function; a class's own three-argument method is not one.
  if (fn.type === "method_definition" || fn.type === "function_definition") return undefined;
  const parameters = parameterNames(fn);
  if (parameters.length !== 3) return undefined;
  const descriptor = parameters[2]!;
  // Parameter names are plain identifiers: `descriptor.` must appear literally for a match.
  const text = fn.text;
  if (!text.includes(`${descriptor}.`) || !new RegExp(`\\b${descriptor}\\.(value|get|set)\\b`).test(text)) return undefined;
  return { confidence: 0.85, reasons: [`method decorator (${parameters.join(", ")}) rewrites ${descriptor}.value`] };
}
