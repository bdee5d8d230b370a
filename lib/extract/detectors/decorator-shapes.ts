import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import { functionName, nestedFunctions, ownReturns, returnedValue, expressionBody } from "./functions";
import { snippet } from "./detector";
import { isSelfName, lastSegment, nodeTypes, parameterNames, type Family } from "./syntax";
import { perTree } from "./per-tree";

/** Why a function is a decorator, and how sure. */
export interface DecoratorEvidence {
  confidence: number;
  reasons: string[];
}

// Parameters that hold the decorated function or class by the usual names.
const decoratedName = /^(f|fn|func|function|method|meth|wrapped|target|callback|cb|handler|hook|decorated|view_func|view|klass|cls_?)$|(func|fn|method|callback|handler|Constructor|constructor)$/;
// A TypeScript decorator's own parameters: `(target, propertyKey, descriptor|index)`, `(constructor)`.
const decoratorTarget = /^_?(target|constructor|ctor|klass|\w*Constructor)$/;

/**
 * A decorator that records its function and hands it back unchanged: it sets attributes on
 * it (`fn.__marshmallow_hook__ = ...`, `setattr(f, ...)`) or registers it
 * (`self._add_event_handler(event, f, f)`, `registry[name] = f`), then `return f`.
 */
export function markingDecorator(fn: SyntaxNode, family: Family): DecoratorEvidence | undefined {
  const parameters = parameterNames(fn).filter((name) => !isSelfName(name));
  if (parameters.length === 0) return undefined;
  const returned = new Set(ownReturns(fn, family).map((statement) => returnedValue(statement)?.text));
  // A decorator receives what it decorates first (`add_listener(event, f)` is a registration call).
  for (const parameter of parameters.slice(0, 1)) {
    if (!returned.has(parameter) || !isCallableParameter(fn, parameter)) continue;
    const assignments = fn.descendantsOfType(family === "python" ? ["assignment"] : ["assignment_expression"]);
    const names = new Set([parameter, ...aliases(fn, family, parameter)]);
    const marked = assignments.find((assignment) => {
      const left = assignment.childForFieldName("left");
      const object = left?.childForFieldName("object")?.text;
      return object !== undefined && names.has(object) && /^(attribute|member_expression)$/.test(left!.type);
    });
    const setattr = fn.descendantsOfType("call").find((call) => call.childForFieldName("function")?.text === "setattr" && names.has(call.childForFieldName("arguments")?.namedChildren[0]?.text ?? ""));
    const mark = marked ?? setattr;
    if (mark) return { confidence: 0.75, reasons: [`marks ${parameter}: ${snippet(mark.text, 50)}`, `returns ${parameter} itself`] };
    const registration = handedOver(fn, parameter) ?? assignments.find((assignment) => assignment.childForFieldName("right")?.text === parameter && /[.[]/.test(assignment.childForFieldName("left")?.text ?? ""));
    if (registration) return { confidence: 0.7, reasons: [`registers ${parameter}: ${snippet(registration.text, 50)}`, `returns ${parameter} itself`] };
  }
  return undefined;
}

// Calls that look at a function rather than file it somewhere.
const inspection = /^(isinstance|issubclass|callable|hasattr|getattr|type|id|len|repr|str|print|is\w*|signature|getfullargspec|getargspec|debug|info|warn|warning|error|log|assert\w*)$/;

/** A call that is given the parameter as an argument (`self._add_event_handler(event, f, f)`). */
function handedOver(fn: SyntaxNode, parameter: string): SyntaxNode | undefined {
  return fn.descendantsOfType(["call", "call_expression"]).find((call) =>
    !inspection.test(lastSegment(call.childForFieldName("function")?.text ?? "")) &&
    (call.childForFieldName("arguments")?.namedChildren ?? []).some((argument) => argument.text === parameter || (argument.type === "keyword_argument" && argument.childForFieldName("value")?.text === parameter)),
  );
}

/** Whether a parameter is a function or class: called, its dunders read, typed so, or named so (`known`: aliases taken as such). */
export function isCallableParameter(fn: SyntaxNode, parameter: string, known?: Set<string>): boolean {
  if (decoratedName.test(parameter)) return true;
  if (known && !parameterNames(fn).includes(parameter) && known.has(parameter)) return true;
  const name = escape(parameter);
  return new RegExp(`(^|[^\\w.$])${name}\\s*\\(|${name}\\.__(name|qualname|wrapped|doc|module)__|callable\\(\\s*${name}\\s*\\)|typeof\\s+${name}\\s*===?\\s*['"]function`).test(fn.text)
    || new RegExp(`${name}\\s*:\\s*[^,)=]*(Callable|Function|Type)`).test(fn.childForFieldName("parameters")?.text ?? "");
}

/** Locals bound to an expression of the parameter (`function = cast(Hook, fn)`). */
function aliases(fn: SyntaxNode, family: Family, parameter: string): string[] {
  const found: string[] = [];
  for (const node of fn.descendantsOfType(family === "python" ? ["assignment"] : ["variable_declarator"])) {
    const left = (node.childForFieldName("left") ?? node.childForFieldName("name"))?.text ?? "";
    const value = node.childForFieldName("right") ?? node.childForFieldName("value");
    if (/^[\w$]+$/.test(left) && value?.descendantsOfType("identifier").some((identifier) => identifier.text === parameter)) found.push(left);
  }
  return found;
}

/**
 * A TypeScript decorator factory: it returns a function whose parameters are a decorator's
 * (`targetConstructor => {...}`, `function (target, propertyName, index)`) and which uses
 * them to record or replace the decorated member.
 */
export function decoratorFactoryReturning(fn: SyntaxNode, family: Family): DecoratorEvidence | undefined {
  if (family !== "js") return undefined;
  const returned = [...ownReturns(fn, family).flatMap((statement) => returnedValue(statement) ?? []), ...[expressionBody(fn)].flatMap((body) => body ?? [])];
  for (const value of returned) {
    if (!/^(arrow_function|function_expression|function)$/.test(value.type)) continue;
    const inner = parameterNames(value);
    const descriptor = inner[2];
    if (inner.length === 3 && new RegExp(`\\b${escape(descriptor!)}\\.(value|get|set)\\s*=`).test(value.text)) {
      return { confidence: 0.8, reasons: [`returns a method decorator (${inner.join(", ")})`, `that replaces ${descriptor}.value`] };
    }
    const first = inner[0];
    if (!first || inner.length > 3 || !decoratorTarget.test(first)) continue;
    if (!new RegExp(`(^|[^\\w.$])${escape(first)}\\b`).test(value.childForFieldName("body")?.text ?? "")) continue;
    const kind = inner.length === 1 ? "class" : inner.length === 2 ? "property" : "member";
    return { confidence: 0.75, reasons: [`returns a ${kind} decorator (${inner.join(", ")})`, `that records or replaces ${first}`] };
  }
  return undefined;
}

/** Function-like units named in the same file, by name (first definition wins), memoised per tree. */
const fileFunctions = perTree((root, family) => {
  const functions = new Map<string, SyntaxNode>();
  for (const candidate of nestedFunctions(root, family)) {
    const own = functionName(candidate);
    if (own && !functions.has(own)) functions.set(own, candidate);
  }
  for (const candidate of root.descendantsOfType(nodeTypes[family].class as unknown as string[])) {
    const own = candidate.childForFieldName("name")?.text;
    if (own && !functions.has(own)) functions.set(own, candidate);
  }
  return functions;
});

/** The module-level function of that name in the same file as `node`. */
export function fileFunction(node: SyntaxNode, name: string, family: Family): SyntaxNode | undefined {
  return fileFunctions(node, family).get(name);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
