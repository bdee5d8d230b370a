import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import { patternMatch, type Detector } from "./detector";
import { classBases, classMethods, parameterNames, type MethodInfo } from "./syntax";

const storeName = /(^|_)(db|database|session|conn|connection|pool|cursor|engine)$/i;

/**
 * Adapter: a class that keeps an adaptee handed to its constructor and implements its own
 * interface by forwarding most methods to it under other names (`send()` → `this._res.end()`),
 * converting on the way. Same-name forwarding is a proxy, not an adapter.
 */
export const detectAdapter: Detector = (context) => {
  if (!context.isClass) return undefined;
  const methods = classMethods(context.node);
  const constructor = methods.find((method) => method.name === "__init__" || method.name === "constructor");
  if (!constructor) return undefined;
  const others = methods.filter((method) => method !== constructor && !/^__\w+__$/.test(method.name) && !method.isStatic);
  for (const adaptee of adapteesOf(constructor.node)) {
    const delegating = others.filter((method) => forwards(method, adaptee).length > 0 && lineCount(method.node) <= 8);
    const renamed = delegating.filter((method) => forwards(method, adaptee).some((target) => target !== method.name));
    if (delegating.length < 2 || delegating.length * 2 < others.length) continue;
    const hasInterface = classBases(context.node).length > 0;
    if (renamed.length >= 2 || (renamed.length >= 1 && hasInterface)) {
      const example = renamed[0]!;
      return patternMatch("adapter", renamed.length >= 3 ? 0.85 : 0.75, [
        `wraps ${adaptee} given to the constructor`,
        `${delegating.length} of ${others.length} methods forward to it, ${renamed.length} under another name (${example.name}() → ${adaptee}.${forwards(example, adaptee).find((target) => target !== example.name)})`,
      ]);
    }
  }
  return undefined;
};

/** `self._x = x` / `this._res = _res` / TS `constructor(private res: Res)` → the adaptee attributes. */
function adapteesOf(constructor: SyntaxNode): string[] {
  const parameters = parameterNames(constructor);
  const attributes = new Set<string>();
  for (const match of constructor.text.matchAll(/\b(?:self|this)\.([#\w$]+)\s*=\s*([\w$]+)\s*(?:[,;)\n]|$)/g)) {
    if (parameters.includes(match[2]!) && !storeName.test(match[1]!)) attributes.add(match[1]!);
  }
  for (const parameter of constructor.childForFieldName("parameters")?.namedChildren ?? []) {
    const modifier = parameter.namedChildren.some((child) => child.type === "accessibility_modifier");
    const name = parameter.childForFieldName("pattern")?.text;
    if (modifier && name && !storeName.test(name)) attributes.add(name);
  }
  return [...attributes];
}

function lineCount(node: SyntaxNode): number {
  return node.endPosition.row - node.startPosition.row + 1;
}

/** Members of the adaptee a method calls or reads (`this._res.end(...)` → end). */
function forwards(method: MethodInfo, adaptee: string): string[] {
  // A plain-name adaptee matches only where `.adaptee.` appears literally.
  if (/^[#\w$]+$/.test(adaptee) && !method.node.text.includes(`.${adaptee}.`)) return [];
  const pattern = new RegExp(`\\b(?:self|this)\\.${adaptee.replace("$", "\\$")}\\.([#\\w$]+)`, "g");
  return [...method.node.text.matchAll(pattern)].map((match) => match[1]!);
}
