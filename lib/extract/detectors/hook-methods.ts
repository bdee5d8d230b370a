import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import { snippet } from "./detector";
import { classNamed } from "./members";
import { classBases, classMethods, lastSegment, parameterNames, type Family } from "./syntax";

const hookName = /^on_?[A-Za-z]/;
// Name-dispatch that is not an event's: visitors (`visit_` + node type), command shells (`do_` + command), getters.
const notEventPrefix = /^(visit|do|help|complete|test|get|set|is|has|parse|render|_?\w*format)_?$/i;
// The argument a dispatched hook receives when the dispatch is an event's (`meth(event)`, `handler(msg)`).
const eventArgument = /^_?(event|evt|ev|signal|sig|message|msg|notification|raw_event)s?$|_event$|Event$/;

/**
 * How a method dispatches an event to its class's hook methods — a table of `on_*` hooks
 * keyed by the event (`{CREATED: self.on_created, …}[event.type](event)`), `getattr(self,
 * "on_" + kind)(event)`, or any method named by a prefix and the event
 * (`meth = getattr(self, "process_" + maskname); meth(event)`) handed the event it was
 * given — else undefined. Calling two `on_*` helpers in a row is not enough; `visit_` + a
 * node type (a visitor) and `do_` + a command (a shell) are not events.
 */
export function hookDispatch(method: SyntaxNode, family: Family): string | undefined {
  const parameters = parameterNames(method).filter((name) => name !== "self" && name !== "this");
  if (parameters.length === 0) return undefined;
  const text = method.text;
  const self = family === "python" ? "self" : "this";
  const byName = family === "python" ? /getattr\(\s*self\s*,\s*(f?["']on_?|["']on)/.exec(text) : /this\[\s*[`"']on/.exec(text);
  if (byName) return `calls the hook method named for the event (${snippet(byName[0], 30)}…)`;
  const prefixed = prefixedEventDispatch(text, parameters, family);
  if (prefixed) return prefixed;
  const hooks = new Set([...text.matchAll(new RegExp(`\\b${self}\\.(on_?[A-Za-z]\\w*)\\b`, "g"))].map((match) => match[1]!));
  if (hooks.size < 2) return undefined;
  const table = /\{[^{}]*\}\s*\[[^\]]+\]\s*\(/.test(text) || /\}\s*\[[^\]]+\]\s*\(/.test(text);
  if (!table) return undefined;
  return `dispatches the event to its hook methods (${[...hooks].slice(0, 3).join(", ")}, chosen from a table keyed by the event)`;
}

/** `meth = getattr(self, "process_" + maskname, None); return meth(event)`: the hook named by a prefix and the event, handed the event. */
function prefixedEventDispatch(text: string, parameters: string[], family: Family): string | undefined {
  if (family !== "python") return undefined;
  const found = /getattr\(\s*self\s*,\s*f?["']([A-Za-z][A-Za-z0-9]*_)(?:["']\s*\+|\{)/.exec(text);
  if (!found || notEventPrefix.test(found[1]!)) return undefined;
  const event = parameters.find((name) => eventArgument.test(name));
  if (!event || !new RegExp(`[\\w)\\]]\\(\\s*${event}\\b`).test(text.slice(found.index))) return undefined;
  return `calls the hook method named ${found[1]}<event> and hands it the ${event}`;
}

const handlerClasses = new WeakMap<SyntaxNode, string | null>();

/**
 * An event-handler base: a class with a method dispatching events to hook methods its
 * subclasses override — ≥2 `on_*` hooks beside a dispatcher, or a dispatcher naming the
 * hook from a prefix and the event it is handed (the listener side of an observer).
 * Memoised per class.
 */
export function hookHandlerClass(classNode: SyntaxNode, family: Family): string | undefined {
  let found = handlerClasses.get(classNode);
  if (found === undefined) {
    const methods = classMethods(classNode);
    const hooks = methods.filter((method) => hookName.test(method.name));
    const dispatcher = methods.find((method) => {
      if (hookName.test(method.name)) return false;
      if (hooks.length >= 2 && hookDispatch(method.node, family)) return true;
      const parameters = parameterNames(method.node).filter((name) => name !== "self");
      return prefixedEventDispatch(method.node.text, parameters, family) !== undefined;
    });
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

/**
 * Whether a method calls the same-named method of its base (`super().dispatch(event)`,
 * `super.emit(value)`, or Python's explicit `Base.dispatch(self, event)` naming one of `bases`).
 */
export function extendsBaseMethod(method: SyntaxNode, name: string, bases: readonly string[] = []): boolean {
  const text = method.text;
  const escaped = name.replace(/\$/g, "\\$");
  if (bases.some((base) => text.includes(`${base}.${name}(`) && new RegExp(`\\b${base}\\.${escaped}\\(\\s*self\\b`).test(text))) return true;
  // Most methods never say `super`: no pattern to build for them.
  if (!text.includes("super")) return false;
  return new RegExp(`\\bsuper(\\(\\s*[\\w$.]*\\s*(,\\s*\\w+\\s*)?\\))?\\.${escaped}\\(`).test(text);
}
