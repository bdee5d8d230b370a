import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import { patternMatch, type Detector } from "./detector";
import { expressionBody, functionName, nestedFunctions, ownReturns, returnedValue } from "./functions";
import { isSelfName, nodeTypes, parameterNames, pythonDecorators, type Family } from "./syntax";

const collectionMethod = /^(delete|remove|discard|splice|add|push|append|set|unshift|indexOf|includes|has|get)$/;

/**
 * Decorator: a function that takes a function and returns a wrapper calling it (`@wraps`,
 * `update_wrapper`, a closure invoking its argument), a decorator factory returning such a
 * function, or a TypeScript method decorator `(target, key, descriptor)`.
 */
export const detectDecorator: Detector = (context) => {
  if (context.isClass) return undefined;
  if (context.find(nodeTypes[context.family].function).length === 0 && parameterNames(context.node).length !== 3 && !/wrap/.test(context.node.text)) return undefined;
  const evidence = wrapperEvidence(context.node, context.family, 0) ?? methodDecorator(context.node);
  if (!evidence) return undefined;
  return patternMatch("decorator", evidence.confidence, evidence.reasons);
};

interface Evidence {
  confidence: number;
  reasons: string[];
}

function wrapperEvidence(fn: SyntaxNode, family: Family, depth: number): Evidence | undefined {
  const parameters = parameterNames(fn).filter((name) => !isSelfName(name));
  if (parameters.length === 0) return undefined;
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
      if (callsAny(inner, names)) {
        const reasons = [`returns wrapper ${name} that calls its argument`];
        if (wrapped) reasons.push(`wrapper keeps metadata with @wraps`);
        return { confidence: wrapped ? 0.9 : 0.85, reasons };
      }
      if (depth === 0) {
        const innerEvidence = wrapperEvidence(inner, family, 1);
        if (innerEvidence) return { confidence: Math.min(innerEvidence.confidence, 0.85), reasons: [`decorator factory: returns decorator ${name}`, ...innerEvidence.reasons] };
      }
    }
    if (depth === 1 && value.namedChildren.some((child) => child.type.includes("argument") && child.namedChildren.some((argument) => names.has(argument.text)))) {
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
function callsAny(fn: SyntaxNode, names: Set<string>): boolean {
  for (const call of fn.descendantsOfType(["call", "call_expression", "new_expression"])) {
    const callee = (call.childForFieldName("function") ?? call.childForFieldName("constructor"))?.text ?? "";
    if (names.has(callee) || [...names].some((name) => callee === `${name}.call` || callee === `${name}.apply`)) return true;
    // Handing the function to another call wraps it (`ctx.invoke(f)`), unless the call only
    // files it in a collection (`listeners.delete(listener)` in an unsubscribe closure).
    const argumentsNode = call.childForFieldName("arguments");
    if (collectionMethod.test(callee.split(".").pop() ?? "")) continue;
    if (argumentsNode?.namedChildren.some((argument) => names.has(argument.text))) return true;
  }
  return false;
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
  const parameters = parameterNames(fn);
  if (parameters.length !== 3) return undefined;
  const descriptor = parameters[2]!;
  // Parameter names are plain identifiers: `descriptor.` must appear literally for a match.
  const text = fn.text;
  if (!text.includes(`${descriptor}.`) || !new RegExp(`\\b${descriptor}\\.(value|get|set)\\b`).test(text)) return undefined;
  return { confidence: 0.85, reasons: [`method decorator (${parameters.join(", ")}) rewrites ${descriptor}.value`] };
}
