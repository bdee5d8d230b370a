import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import { ownReturns, returnedValue } from "./functions";
import { nodeTypes, type Family } from "./syntax";
import { perTree } from "./per-tree";

const moduleFunctions = perTree((root, family) => {
  const functions = new Map<string, SyntaxNode>();
  // Functions and classes: a memoizing factory may hand over to a caching class (`return CachedFunction(func, cache)`).
  const named = [...(nodeTypes[family].namedFunction as readonly string[]), ...(nodeTypes[family].class as readonly string[])];
  for (const child of root.namedChildren) {
    const definition = child.type === "decorated_definition" || child.type === "export_statement" ? child.namedChildren.find((inner) => named.includes(inner.type)) : child;
    if (!definition || !named.includes(definition.type)) continue;
    const own = definition.childForFieldName("name")?.text;
    if (own && !functions.has(own)) functions.set(own, definition);
  }
  return functions;
});

/** The module-level function or class of that name in the same file as `node` (memoised per tree). */
export function moduleFunctionNamed(node: SyntaxNode, name: string, family: Family): SyntaxNode | undefined {
  return moduleFunctions(node, family).get(name);
}

function nestedNamed(fn: SyntaxNode, name: string, family: Family): SyntaxNode | undefined {
  const body = fn.childForFieldName("body");
  return body?.namedChildren.map((child) => (child.type === "decorated_definition" ? child.childForFieldName("definition") : child)).find((child) => child !== null && (nodeTypes[family].namedFunction as readonly string[]).includes(child.type) && child.childForFieldName("name")?.text === name) ?? undefined;
}

/**
 * The same-file function (or class) every return of `fn` hands over to (`return _cache(LRUCache(maxsize),
 * typed)`, `return _cache(TTLCache(...), typed)(maxsize)`), with the call's text; undefined
 * when a return does something else.
 */
export function delegateOfReturns(fn: SyntaxNode, family: Family): { target: SyntaxNode; name: string; text: string } | undefined {
  const returns = ownReturns(fn, family);
  if (returns.length === 0) return undefined;
  let found: { target: SyntaxNode; name: string; text: string } | undefined;
  for (const statement of returns) {
    let value = returnedValue(statement);
    // `def cached(cache): def decorator(func): return CachedFunction(func, cache); return decorator`.
    const closure = value?.type === "identifier" ? nestedNamed(fn, value.text, family) : undefined;
    if (closure) {
      const inner = delegateOfReturns(closure, family);
      if (!inner || (found && found.name !== inner.name)) return undefined;
      found ??= inner;
      continue;
    }
    while (value && (value.type === "call" || value.type === "call_expression") && (value.childForFieldName("function")?.type === "call" || value.childForFieldName("function")?.type === "call_expression")) value = value.childForFieldName("function") ?? undefined;
    if (!value || (value.type !== "call" && value.type !== "call_expression")) return undefined;
    const name = value.childForFieldName("function")?.text ?? "";
    if (!/^[A-Za-z_$][\w$]*$/.test(name) || (found && found.name !== name)) return undefined;
    const target = moduleFunctionNamed(fn, name, family);
    if (!target || target.id === fn.id) return undefined;
    found ??= { target, name, text: value.text };
  }
  return found;
}
