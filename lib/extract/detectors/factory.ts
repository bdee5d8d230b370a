import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import type { PatternMatch } from "@/lib/domain";
import { DetectorContext, patternMatch, type Detector } from "./detector";
import { detectAdapter } from "./adapter";
import { detectObserverEvent } from "./observer-event";
import { ownReturns, returnedValue, expressionBody } from "./functions";
import { detectBuilder } from "./builder";
import { detectContextManager } from "./context-manager";
import { chosenConstructor } from "./chosen-constructor";
import { creationFunction } from "./creation-function";
import { detectDbTransaction } from "./db-transaction";
import { detectDecorator } from "./decorator";
import { otherRole } from "./other-role";
import { detectSingleton } from "./singleton";
import { fileIndexOf } from "./file-index";
import { methodOf } from "./members";
import { classMethods, lastSegment, pythonDecorators } from "./syntax";

const className = /^[A-Z][A-Za-z0-9_]*[a-z][A-Za-z0-9_]*$/;
const errorName = /(Error|Exception|Warning)$/;

/**
 * Factory: a function that picks one of several classes by its input and returns the
 * instance (branches returning different constructors, a table of classes), or a Python
 * classmethod alternative constructor returning `cls(...)`, or a creation function whose
 * job is to build and return one product (see `creationFunction`).
 */
export const detectFactory: Detector = (context) => {
  if (context.isClass) {
    const creator = factoryClass(context) ?? namedFactoryClass(context.node);
    return creator && !otherRole(context, moreSpecific) ? creator : undefined;
  }
  const member = namedFactoryMethod(context);
  if (member) return member;
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
    return patternMatch("factory", constructors.size >= 3 ? 0.9 : 0.8, evidence);
  }
  const table = classTable(context, bindings);
  if (table && constructors.size <= 1) {
    return patternMatch("factory", 0.75, [`looks the class up in a table of ${table}`, "instantiates the chosen class"]);
  }
  const chosen = chosenConstructor(context);
  if (chosen && !otherRole(context, moreSpecific)) return chosen;
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

const factoryRole = /(Factory|Creator)$/;
const creating = /^_*(create|make|build|new|produce|spawn|instantiate|construct)(?![a-z])/i;

/**
 * The public methods of a class named for creating (`EntityFactory`) whose names say they create and that hand a
 * value back; a Python factory's `__call__` is one (calling `_TzOffsetFactory(name, offset)` makes the product).
 */
function creatingMethods(classNode: SyntaxNode) {
  if (!factoryRole.test(classNode.childForFieldName("name")?.text ?? "")) return [];
  const creates = (name: string) => creating.test(name) || name === "__call__";
  return classMethods(classNode).filter((method) => creates(method.name) && !method.name.startsWith("#") && ownReturns(method.node, method.node.type === "function_definition" ? "python" : "js").some((statement) => returnedValue(statement) !== undefined));
}

/** `class EntityFactory { create(entityName, data) { …; return entity } }`: a class whose name and methods say creating is its job. */
function namedFactoryClass(classNode: SyntaxNode): PatternMatch | undefined {
  const methods = creatingMethods(classNode);
  if (methods.length === 0) return undefined;
  const listed = methods.slice(0, 3).map((method) => `${method.name}()`).join(", ");
  return patternMatch("factory", 0.7, [`a factory class: ${listed} ${methods.length === 1 ? "creates and returns" : "create and return"} its products`]);
}

/** A creating method (`create`, `createEntity`) of such a class. */
function namedFactoryMethod(context: DetectorContext): PatternMatch | undefined {
  const member = methodOf(context.node, context.family);
  if (!member || !creatingMethods(member.classNode).includes(member.method)) return undefined;
  return patternMatch("factory", 0.7, [`${member.method.name}() creates and returns a product of ${member.classNode.childForFieldName("name")?.text ?? "its factory class"}`]);
}

function returnedExpressions(context: DetectorContext): SyntaxNode[] {
  const expressions = ownReturns(context.node, context.family).flatMap((statement) => returnedValue(statement) ?? []);
  const body = expressionBody(context.node);
  return body ? [...expressions, body] : expressions;
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
    // The entry itself is called (`CLASSES[name](…)`, `classes.get(name)(…)`); a chained call (`a.getB().c(…)`) is not a lookup.
    (call) => /\]$|\.get\([^()]*\)$/.test(call.callee) || (bindings.get(call.callee) ?? []).some(lookedUp),
  );
  return callsEntry ? "classes" : undefined;
}
