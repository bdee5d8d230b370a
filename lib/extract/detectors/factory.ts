import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import type { PatternMatch } from "@/lib/domain";
import { DetectorContext, patternMatch, type Detector } from "./detector";
import { detectAdapter } from "./adapter";
import { detectObserverEvent } from "./observer-event";
import { ownReturns, returnedValue, expressionBody } from "./functions";
import { detectBuilder } from "./builder";
import { detectContextManager } from "./context-manager";
import { creationFunction } from "./creation-function";
import { detectDbTransaction } from "./db-transaction";
import { detectDecorator } from "./decorator";
import { otherRole } from "./other-role";
import { detectSingleton } from "./singleton";
import { fileIndexOf } from "./file-index";
import { classMethods, enclosingFunction, lastSegment, pythonDecorators } from "./syntax";

// Private classes count (`_CtypesLibcINotifyWrapper`).
const className = /^_*[A-Z][A-Za-z0-9_]*[a-z][A-Za-z0-9_]*$/;
// A table of classes by its name (`AUTH_SCHEME_CLASSES[scheme]`, `self.driver_classes[name]`, `registry[kind]`).
const classTableName = /(class(es)?|cls|klass(es)?|types|kinds|registry)$/i;
const errorName = /(Error|Exception|Warning)$/;

/**
 * Factory: a function that picks one of several classes by its input and returns the
 * instance (branches returning different constructors, a table of classes), or a Python
 * classmethod alternative constructor returning `cls(...)`, or a creation function whose
 * job is to build and return one product (see `creationFunction`).
 */
export const detectFactory: Detector = (context) => {
  if (context.isClass) {
    const creator = factoryClass(context);
    return creator && !otherRole(context, moreSpecific) ? creator : undefined;
  }
  const returned = returnedExpressions(context);
  if (returned.length === 0) return undefined;
  const bindings = constructorBindings(context);
  // A same-file class named in lower case (`annotatable_weakref(obj)`) is still a class.
  const fileClasses = fileIndexOf(context.node, context.family).classes;
  const constructors = new Set(returned.flatMap((expression) => constructorsOf(expression, bindings, fileClasses)));
  const evidence: string[] = [];
  if (constructors.has("cls") && pythonDecorators(context.node).includes("classmethod")) {
    return patternMatch("factory", 0.75, ["classmethod alternative constructor returns cls(...)"]);
  }
  constructors.delete("cls");
  if (constructors.size >= 2) {
    evidence.push(`returns instances of ${[...constructors].slice(0, 4).join(", ")} depending on its input`);
    // A decorator returning one of two wrapper classes plays the decorator's role. (Yielding to every
    // more specific role here lost `aifc.open`, which returns a reader or a writer, to a context-manager reading.)
    return detectDecorator(context) ? undefined : patternMatch("factory", constructors.size >= 3 ? 0.9 : 0.8, evidence);
  }
  const forwarded = returned.find((expression) => forwardsOptionsToChosen(context, expression));
  if (forwarded && constructors.size <= 1 && !otherRole(context, moreSpecific)) {
    return patternMatch("factory", 0.75, [`instantiates a class it looked up with the options it was given (${forwarded.text.slice(0, 40)})`]);
  }
  // `yield AUTH_SCHEME_CLASSES[scheme](cred, …)`: an entry of a table of classes, chosen by the input.
  const entry = returned.find((expression) => tableEntry(expression) !== undefined);
  if (entry && constructors.size <= 1) {
    return patternMatch("factory", 0.75, [`instantiates the class its input chooses from ${tableEntry(entry)}`, `hands it back (${entry.text.slice(0, 40)})`]);
  }
  const table = classTable(context, bindings);
  if (table && constructors.size <= 1) {
    return patternMatch("factory", 0.75, [`looks the class up in a table of ${table}`, "instantiates the chosen class"]);
  }
  const created = creationFunction(context);
  // A function returning a wrapper, a shared instance, a context manager, a transaction or a
  // builder step plays that role; creating the object is how it does it.
  return created && !otherRole(context, moreSpecific) ? created : undefined;
};

const moreSpecific = [detectDecorator, detectSingleton, detectContextManager, detectDbTransaction, detectBuilder, detectObserverEvent, detectAdapter];

/** A class whose methods create objects of ≥2 other classes (an abstract factory / creator). */
function factoryClass(context: DetectorContext): PatternMatch | undefined {
  const products = new Map<string, string>();
  for (const method of classMethods(context.node)) {
    if (/^(__\w+__|constructor)$/.test(method.name)) continue;
    const created = creationFunction(new DetectorContext({ ...context.input, node: method.node }));
    const product = created?.evidence[0]?.replace(/^returns a new /, "");
    if (product && !product.startsWith("object with") && !products.has(product)) products.set(product, method.name);
  }
  if (products.size < 2) return undefined;
  // Creating is the class's job: its name says so, or most of its public methods create (not a request with two parsers).
  const name = context.node.childForFieldName("name")?.text ?? "";
  const publicMethods = classMethods(context.node).filter((method) => !/^(_|#|constructor$)/.test(method.name)).length;
  const creators = new Set(products.values()).size;
  if (!/(Factory|Creator|Provider|Maker)$/.test(name) && creators * 2 < publicMethods) return undefined;
  const listed = [...products].slice(0, 3).map(([product, method]) => `${method}() → ${product}`);
  return patternMatch("factory", 0.7, [`${products.size} methods create objects of other classes (${listed.join(", ")})`]);
}

/** What the unit hands back: its returns, an arrow's expression body, and (a generator of products) what it yields. */
function returnedExpressions(context: DetectorContext): SyntaxNode[] {
  const expressions = ownReturns(context.node, context.family).flatMap((statement) => returnedValue(statement) ?? []);
  const body = expressionBody(context.node);
  const yielded = context.family === "python" ? ownYields(context) : [];
  return [...expressions, ...(body ? [body] : []), ...yielded];
}

/** The table named in a call of one of its entries (`AUTH_SCHEME_CLASSES[scheme](…)`), when the table's name says it holds classes. */
function tableEntry(expression: SyntaxNode): string | undefined {
  const callee = expression.type === "call" || expression.type === "new_expression" ? (expression.childForFieldName("function") ?? expression.childForFieldName("constructor")) : undefined;
  if (callee?.type !== "subscript" && callee?.type !== "subscript_expression") return undefined;
  const table = (callee.childForFieldName("value") ?? callee.childForFieldName("object"))?.text ?? "";
  return classTableName.test(lastSegment(table)) ? table : undefined;
}

// What a looked-up callable handed the caller's options is when it is no class: a handler, a callback, a view.
const dispatchedName = /handler|callback|hook|listener|func|fn|view|action|command|method|visit|reducer|merge/i;

/**
 * `return _lexer_cache[name](**options)`, `for cls in plugins(): return cls(**options)`,
 * `res = find_class(name); return res(**options)`: a callable chosen at run time — an entry
 * of a table, a loop variable, a local bound from a lookup — called with the unit's own
 * `**options`, the construction options of whatever class was chosen. Handing on `*args`
 * too (`f(*args, **kw)`) is a pass-through call, not a construction.
 */
function forwardsOptionsToChosen(context: DetectorContext, expression: SyntaxNode): boolean {
  if (context.family !== "python" || expression.type !== "call") return false;
  const options = context.node.childForFieldName("parameters")?.namedChildren.find((parameter) => parameter.type === "dictionary_splat_pattern")?.namedChildren[0]?.text;
  if (!options) return false;
  const values = expression.childForFieldName("arguments")?.namedChildren ?? [];
  // `f(*args, **kw)` passes the whole call through: dispatching to a function, not constructing.
  if (values.some((argument) => argument.type === "list_splat")) return false;
  const forwards = values.some((argument) => argument.type === "dictionary_splat" && argument.namedChildren[0]?.text === options);
  const callee = expression.childForFieldName("function");
  if (!forwards || !callee || dispatchedName.test(callee.text)) return false;
  if (callee.type === "subscript" || (callee.type === "call" && /\.pop$/.test(callee.childForFieldName("function")?.text ?? ""))) return true;
  if (callee.type !== "identifier") return false;
  const loopVariable = context.find(["for_statement"]).some((loop) => loop.childForFieldName("left")?.text === callee.text);
  const lookedUp = context.find(["assignment"]).some((assignment) => assignment.childForFieldName("left")?.text === callee.text && /^(call|subscript)$/.test(assignment.childForFieldName("right")?.type ?? ""));
  return loopVariable || lookedUp;
}

/** Values the unit's own body yields (not a nested function's). */
function ownYields(context: DetectorContext): SyntaxNode[] {
  return context
    .find(["yield"])
    .filter((node) => (enclosingFunction(node, context.family, context.node) ?? context.node).id === context.node.id)
    .flatMap((node) => node.namedChildren[0] ?? []);
}

/** Local names bound to a construction (`t = cls(...)`, `const Cursor = a ? X : Y`). */
function constructorBindings(context: DetectorContext): Map<string, SyntaxNode[]> {
  const bindings = new Map<string, SyntaxNode[]>();
  const python = context.family === "python";
  const nodes = context.find(python ? ["assignment"] : ["variable_declarator", "assignment_expression"]);
  for (const node of nodes) {
    const name = (node.childForFieldName("left") ?? node.childForFieldName("name"))?.text;
    const value = node.childForFieldName("right") ?? node.childForFieldName("value");
    if (!name || !value || !/^[\w$]+$/.test(name)) continue;
    bindings.set(name, [...(bindings.get(name) ?? []), value]);
  }
  return bindings;
}

function constructorsOf(expression: SyntaxNode, bindings: Map<string, SyntaxNode[]>, fileClasses: ReadonlyMap<string, unknown>, depth = 0): string[] {
  if (depth > 3) return [];
  const type = expression.type;
  if (type === "parenthesized_expression" || type === "await_expression") {
    return expression.namedChildren.flatMap((child) => constructorsOf(child, bindings, fileClasses, depth + 1));
  }
  if (type === "ternary_expression" || type === "conditional_expression") {
    return expression.namedChildren.slice(1).flatMap((child) => constructorsOf(child, bindings, fileClasses, depth + 1));
  }
  if (type === "identifier") {
    return (bindings.get(expression.text) ?? []).flatMap((value) => constructorsOf(value, bindings, fileClasses, depth + 1));
  }
  if (type === "new_expression") {
    const constructor = expression.childForFieldName("constructor");
    if (!constructor) return [];
    if (constructor.type === "identifier" && bindings.has(constructor.text)) {
      const chosen = bindings.get(constructor.text)!.flatMap((value) => classReferences(value));
      if (chosen.length) return chosen;
    }
    return [lastSegment(constructor.text)];
  }
  if (type === "call") {
    const callee = expression.childForFieldName("function")?.text ?? "";
    const name = lastSegment(callee);
    if (callee === "cls") return ["cls"];

    return (className.test(name) || (/^[a-z]/.test(name) && fileClasses.has(name) && callee === name)) && !errorName.test(name) ? [name] : [];
  }
  return [];
}

/** Class references in a conditional choice (`a ? this.TokenCursor : OtherCursor`). */
function classReferences(value: SyntaxNode): string[] {
  if (value.type === "ternary_expression" || value.type === "parenthesized_expression") {
    return value.namedChildren.slice(value.type === "ternary_expression" ? 1 : 0).flatMap(classReferences);
  }
  const name = lastSegment(value.text);
  return (value.type === "identifier" || value.type === "member_expression") && className.test(name) ? [name] : [];
}

/** "{a: A, b: B}" when the unit holds a literal mapping keys to ≥2 classes and calls a looked-up entry. */
function classTable(context: DetectorContext, bindings: Map<string, SyntaxNode[]>): string | undefined {
  const python = context.family === "python";
  const tables = context.find(python ? ["dictionary"] : ["object"]).filter((table) => {
    const values = table.namedChildren.filter((pair) => pair.type === "pair").map((pair) => pair.childForFieldName("value"));
    return values.filter((value) => value && /^(identifier|attribute|member_expression)$/.test(value.type) && className.test(lastSegment(value.text))).length >= 2;
  });
  if (tables.length === 0) return undefined;
  const lookedUp = (value: SyntaxNode): boolean => /^(subscript|subscript_expression)$/.test(value.type) || /\.get\(/.test(value.text);
  const callsEntry = context.calls().some(
    (call) => /[[(]/.test(call.callee) || (bindings.get(call.callee) ?? []).some(lookedUp),
  );
  return callsEntry ? "classes" : undefined;
}
