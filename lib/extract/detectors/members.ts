import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import { classMethods, nodeTypes, type Family, type MethodInfo } from "./syntax";
import { perTree } from "./per-tree";

/**
 * The class a method unit is defined in (a Python def or JS/TS method directly in a class
 * body, decorated or not), else undefined. Lets a method detector read its siblings: a
 * `where()` that returns `this` is fluent only if the class chains, `on(event, fn)` registers
 * only if a sibling dispatches.
 */
export function enclosingClass(node: SyntaxNode, family: Family): SyntaxNode | undefined {
  let current = node.parent;
  if (current?.type === "decorated_definition") current = current.parent;
  if (current?.type !== "block" && current?.type !== "class_body") return undefined;
  const owner = current.parent;
  return owner && (nodeTypes[family].class as readonly string[]).includes(owner.type) ? owner : undefined;
}

/** The method entry of `node` in its class, when `node` is a method. */
export function methodOf(node: SyntaxNode, family: Family): { classNode: SyntaxNode; method: MethodInfo } | undefined {
  const classNode = enclosingClass(node, family);
  if (!classNode) return undefined;
  const method = classMethods(classNode).find((candidate) => candidate.node.id === node.id);
  return method ? { classNode, method } : undefined;
}

/** The name written on a class (`class Foo` → Foo; anonymous → ""). */
export function className(classNode: SyntaxNode): string {
  return classNode.childForFieldName("name")?.text ?? "";
}

/**
 * The instance attribute a receiver text reaches first (`self._handlers.setdefault(e, [])`
 * → `_handlers`, `this.#listeners.get(type)` → `#listeners`), else undefined.
 */
export function firstInstanceAttribute(text: string): string | undefined {
  return /^\(*(?:self|this|cls)\.([#\w$]+)/.exec(text)?.[1];
}

const fileClasses = perTree((root, family) => {
  const classes = new Map<string, SyntaxNode>();
  for (const classNode of root.descendantsOfType(nodeTypes[family].class as unknown as string[])) {
    const own = className(classNode);
    if (own && !classes.has(own)) classes.set(own, classNode);
  }
  return classes;
});

/** The class of that name defined in the same file as `node` (first definition wins), memoised per tree. */
export function classNamed(node: SyntaxNode, name: string, family: Family): SyntaxNode | undefined {
  return fileClasses(node, family).get(name);
}
