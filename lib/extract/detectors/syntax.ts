import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import type { Language } from "@/lib/domain";

/** Python, or the JavaScript family (JS, TS, TSX share their expression grammar). */
export type Family = "python" | "js";

/** The grammar family of a language. */
export function familyOf(language: Language): Family {
  return language === "python" ? "python" : "js";
}

/** Node types that mean the same thing in each family, so detectors stay family-neutral. */
export const nodeTypes = {
  python: {
    call: ["call"],
    loop: ["for_statement", "while_statement"],
    catch: ["except_clause", "except_group_clause"],
    raise: ["raise_statement"],
    function: ["function_definition", "lambda"],
    namedFunction: ["function_definition"],
    class: ["class_definition"],
    assignment: ["assignment", "augmented_assignment"],
    string: ["string"],
    subscript: ["subscript"],
  },
  js: {
    call: ["call_expression", "new_expression"],
    loop: ["for_statement", "for_in_statement", "while_statement", "do_statement"],
    catch: ["catch_clause"],
    raise: ["throw_statement"],
    function: [
      "function_declaration",
      "function_expression",
      "function",
      "arrow_function",
      "method_definition",
      "generator_function_declaration",
      "generator_function",
    ],
    namedFunction: ["function_declaration", "generator_function_declaration", "method_definition"],
    class: ["class_declaration", "class", "abstract_class_declaration"],
    assignment: ["assignment_expression", "augmented_assignment_expression"],
    string: ["string", "template_string"],
    subscript: ["subscript_expression"],
  },
} as const;

const plainCallee = /^[\w$#.]*$/;

/** The callee of a call (`time.sleep`, `this.db.get`, `new Foo` → `Foo`), whitespace collapsed. */
export function calleeText(call: SyntaxNode): string {
  const callee = call.childForFieldName("function") ?? call.childForFieldName("constructor");
  if (!callee) return "";
  const text = callee.text;
  if (text.length > 200) return text.slice(0, 200);
  // Most callees are plain dotted names: nothing to rewrite, so skip the three passes.
  if (plainCallee.test(text)) return text;
  // Bundlers call imports as `(0, module.fn)(...)`; the callee is `module.fn`.
  return text.replace(/\s+/g, "").replace(/\?\./g, ".").replace(/^\(0,([^()]+)\)$/, "$1");
}

/** The last dotted segment of a name (`self._store.get` → `get`). */
export function lastSegment(name: string): string {
  const index = name.lastIndexOf(".");
  return index < 0 ? name : name.slice(index + 1);
}

/** Everything before the last dotted segment (`self._store.get` → `self._store`). */
export function receiverOf(name: string): string {
  const index = name.lastIndexOf(".");
  return index < 0 ? "" : name.slice(0, index);
}

/** Whether a name refers to the instance (`self`, `cls`, `this`). */
export function isSelfName(name: string): boolean {
  return name === "self" || name === "this" || name === "cls";
}

/** An attribute of the instance (`self._items`, `this.#queries`) → its attribute name, else undefined. */
export function instanceAttribute(text: string): string | undefined {
  const match = /^(?:self|this|cls)\.([#\w$]+)$/.exec(text);
  return match?.[1];
}

/** A unit's or function's parameter names (splats, defaults, annotations and TS modifiers removed). */
export function parameterNames(node: SyntaxNode): string[] {
  const single = node.childForFieldName("parameter");
  if (single) return [single.text];
  const parameters = node.childForFieldName("parameters");
  if (!parameters) return [];
  const names: string[] = [];
  for (const parameter of parameters.namedChildren) {
    const name = parameterName(parameter);
    if (name) names.push(name);
  }
  return names;
}

function parameterName(parameter: SyntaxNode): string | undefined {
  if (parameter.type === "identifier") return parameter.text;
  const named = parameter.childForFieldName("name") ?? parameter.childForFieldName("pattern") ?? parameter.childForFieldName("left");
  if (named?.type === "identifier") return named.text;
  // `*args: Any`, `**kwargs`, `...rest`: the first identifier inside is the name.
  if (!/parameter|splat|rest_pattern/.test(parameter.type)) return undefined;
  return parameter.descendantsOfType("identifier")[0]?.text;
}

/** The body statements of a function or class, without comments and without a leading docstring. */
export function bodyStatements(node: SyntaxNode): SyntaxNode[] {
  const body = node.childForFieldName("body");
  if (!body) return [];
  const statements = body.namedChildren.filter((child) => child.type !== "comment");
  const first = statements[0];
  if (first?.type === "expression_statement" && first.firstNamedChild?.type === "string") return statements.slice(1);
  return statements;
}

/** A method of a class, with the facts detectors ask about. */
export interface MethodInfo {
  name: string;
  node: SyntaxNode;
  isStatic: boolean;
  decorators: string[];
}

// Most detectors ask for a class's methods; the list is built once per class node.
const methodsByClass = new WeakMap<SyntaxNode, readonly MethodInfo[]>();

/** The methods defined directly in a class body (Python defs, JS/TS method definitions); shared, never modify it. */
export function classMethods(classNode: SyntaxNode): readonly MethodInfo[] {
  let methods = methodsByClass.get(classNode);
  if (!methods) {
    methods = readClassMethods(classNode);
    methodsByClass.set(classNode, methods);
  }
  return methods;
}

function readClassMethods(classNode: SyntaxNode): MethodInfo[] {
  const body = classNode.childForFieldName("body");
  if (!body) return [];
  const methods: MethodInfo[] = [];
  let pendingDecorators: string[] = [];
  for (const child of body.namedChildren) {
    if (child.type === "decorator") {
      pendingDecorators.push(child.text.replace(/^@/, ""));
      continue;
    }
    const method = methodInfo(child, pendingDecorators);
    pendingDecorators = [];
    if (method) methods.push(method);
  }
  return methods;
}

function methodInfo(child: SyntaxNode, decorators: string[]): MethodInfo | undefined {
  if (child.type === "decorated_definition") {
    const definition = child.childForFieldName("definition");
    if (definition?.type !== "function_definition") return undefined;
    const own = child.namedChildren.filter((node) => node.type === "decorator").map((node) => node.text.replace(/^@/, ""));
    return methodInfo(definition, own);
  }
  if (child.type !== "function_definition" && child.type !== "method_definition") return undefined;
  const name = child.childForFieldName("name")?.text ?? "";
  const isStatic = child.children.some((token) => token.type === "static") || decorators.includes("staticmethod");
  return { name, node: child, isStatic, decorators };
}

/** Python decorators on a def/class (read from the enclosing `decorated_definition`). */
export function pythonDecorators(node: SyntaxNode): string[] {
  const parent = node.parent;
  if (parent?.type !== "decorated_definition") return [];
  return parent.namedChildren.filter((child) => child.type === "decorator").map((child) => child.text.replace(/^@/, ""));
}

/** The base classes / extended class and implemented interfaces written on a class. */
export function classBases(classNode: SyntaxNode): string[] {
  const superclasses = classNode.childForFieldName("superclasses");
  if (superclasses) {
    return superclasses.namedChildren.filter((child) => child.type !== "keyword_argument").map((child) => child.text);
  }
  const heritage = classNode.namedChildren.find((child) => child.type === "class_heritage");
  if (!heritage) return [];
  const clauses = heritage.namedChildren.length ? heritage.namedChildren : [heritage];
  // TypeScript wraps bases in extends/implements clauses; JavaScript's heritage holds the base expression itself.
  return clauses.flatMap((clause) => (/_clause$/.test(clause.type) ? clause.namedChildren.map((child) => child.text) : [clause.text]));
}

/** The nearest enclosing function-like node of `node`, stopping at `limit`. */
export function enclosingFunction(node: SyntaxNode, family: Family, limit: SyntaxNode): SyntaxNode | undefined {
  const functionTypes: readonly string[] = nodeTypes[family].function;
  for (let current = node.parent; current; current = current.parent) {
    if (functionTypes.includes(current.type)) return current;
    if (current.id === limit.id) return undefined;
  }
  return undefined;
}

/** Whether `inner` lies within `outer` (by byte range of the same tree). */
export function contains(outer: SyntaxNode, inner: SyntaxNode): boolean {
  return inner.startIndex >= outer.startIndex && inner.endIndex <= outer.endIndex;
}
