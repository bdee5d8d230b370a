import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import { snippet } from "./detector";
import { classNamed } from "./members";
import { classBases, classMethods, lastSegment, parameterNames, type Family } from "./syntax";

const hookName = /^on_?[A-Za-z]/;

/**
 * How a method dispatches an event to its class's `on_*` hook methods — a table of them
 * keyed by the event (`{CREATED: self.on_created, …}[event.type](event)`), `getattr(self,
 * "on_" + kind)(event)` — else undefined. Calling two `on_*` helpers in a row is not enough.
 */
export function hookDispatch(method: SyntaxNode, family: Family): string | undefined {
  const parameters = parameterNames(method).filter((name) => name !== "self" && name !== "this");
  if (parameters.length === 0) return undefined;
  const text = method.text;
  const self = family === "python" ? "self" : "this";
  const byName = family === "python" ? /getattr\(\s*self\s*,\s*(f?["']on_?|["']on)/.exec(text) : /this\[\s*[`"']on/.exec(text);
  if (byName) return `calls the hook method named for the event (${snippet(byName[0], 30)}…)`;
  const hooks = new Set([...text.matchAll(new RegExp(`\\b${self}\\.(on_?[A-Za-z]\\w*)\\b`, "g"))].map((match) => match[1]!));
  if (hooks.size < 2) return undefined;
  const table = /\{[^{}]*\}\s*\[[^\]]+\]\s*\(/.test(text) || /\}\s*\[[^\]]+\]\s*\(/.test(text);
  if (!table) return undefined;
  return `dispatches the event to its hook methods (${[...hooks].slice(0, 3).join(", ")}, chosen from a table keyed by the event)`;
}

const handlerClasses = new WeakMap<SyntaxNode, string | null>();

/**
 * An event-handler base: a class with ≥2 `on_*` hook methods and a method dispatching events
 * to them (subclasses override the hooks: the listener side of an observer). Memoised per class.
 */
export function hookHandlerClass(classNode: SyntaxNode, family: Family): string | undefined {
  let found = handlerClasses.get(classNode);
  if (found === undefined) {
    const methods = classMethods(classNode);
    const hooks = methods.filter((method) => hookName.test(method.name));
    const dispatcher = hooks.length >= 2 ? methods.find((method) => !hookName.test(method.name) && hookDispatch(method.node, family)) : undefined;
    found = dispatcher ? `${dispatcher.name}() ${hookDispatch(dispatcher.node, family)}` : null;
    handlerClasses.set(classNode, found);
  }
  return found ?? undefined;
}

/** Same-file base classes of a class (`class PatternHandler(FileSystemEventHandler)`, `extends EventEmitter`). */
export function sameFileBases(classNode: SyntaxNode, family: Family): { name: string; node: SyntaxNode }[] {
  const bases: { name: string; node: SyntaxNode }[] = [];
  // JavaScript's `class_heritage` holds the extended expression directly (TypeScript wraps it in an extends clause).
  const heritage = /^extends\s+([\w$.]+)/.exec(classNode.namedChildren.find((child) => child.type === "class_heritage")?.text ?? "")?.[1];
  const names = classBases(classNode).map((text) => lastSegment(text.replace(/[<(\[].*$/s, "")));
  if (heritage && names.length === 0) names.push(lastSegment(heritage));
  for (const base of names) {
    const node = base ? classNamed(classNode, base, family) : undefined;
    if (node && node.id !== classNode.id) bases.push({ name: base, node });
  }
  return bases;
}

/** Whether a method calls the same-named method of its base (`super().dispatch(event)`, `super.emit(value)`). */
export function extendsBaseMethod(method: SyntaxNode, name: string): boolean {
  const text = method.text;
  // Most methods never say `super`: no pattern to build for them.
  if (!text.includes("super")) return false;
  return new RegExp(`\\bsuper(\\(\\s*[\\w$.]*\\s*(,\\s*\\w+\\s*)?\\))?\\.${name.replace(/\$/g, "\\$")}\\(`).test(text);
}
