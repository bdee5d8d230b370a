import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import type { PatternMatch } from "@/lib/domain";
import { patternMatch, snippet, type DetectorContext } from "./detector";
import { ownReturns, returnedValue } from "./functions";

// What a run-time-chosen class or maker is called (`factory`, `cls`, `impl_class`, `Ctor`).
const makerName = /^_*(factory|\w*_factory|\w*Factory|cls|klass|\w*_class|\w*Class|impl|\w*_impl|ctor|constructor|creator|maker)$/;
// Calls that hand back a class, a plugin or a maker by name (`plugins.load(name)`, `get_class(name)`).
const classLookup = /^_*(load|load_?class|load_?plugin|get_?class|class_?for|lookup_?class|import_?string|import_?class|resolve_?class|find_?class|get_?plugin|get_?factory|get_?impl)$/i;

/**
 * A factory choosing what to make at run time: it returns a call of a class or maker looked up
 * by key — `_cache_plugins.load(name)(self)`, `get_class(kind)(**options)` — or of a maker taken
 * from a registry or table (`for factory, type in self._first: … return factory(data)`,
 * `cls = registry[name]; return cls(config)`).
 */
export function chosenConstructor(context: DetectorContext): PatternMatch | undefined {
  for (const statement of ownReturns(context.node, context.family)) {
    const value = returnedValue(statement);
    const call = value && unwrapped(value);
    if (!call || (call.type !== "call" && call.type !== "call_expression")) continue;
    const callee = call.childForFieldName("function");
    if (!callee) continue;
    if (callee.type === "call" || callee.type === "call_expression") {
      const inner = (callee.childForFieldName("function")?.text ?? "").split(".").pop() ?? "";
      const keyed = (callee.childForFieldName("arguments")?.namedChildren.length ?? 0) > 0;
      if (keyed && classLookup.test(inner)) return patternMatch("factory", 0.7, [`returns an instance of the class ${inner}() looks up by key (${snippet(call.text, 50)})`]);
    }
    if (callee.type === "identifier" && makerName.test(callee.text) && chosenFrom(context.node, callee.text, context.family === "python")) {
      return patternMatch("factory", 0.7, [`returns what ${callee.text}(…) makes, ${callee.text} chosen from a table or registry at run time`]);
    }
  }
  return undefined;
}

function unwrapped(node: SyntaxNode): SyntaxNode {
  let current = node;
  while ((current.type === "await_expression" || current.type === "parenthesized_expression") && current.namedChildren[0]) current = current.namedChildren[0];
  return current;
}

/** Whether `name` is a loop variable over a collection, or a local bound to a subscript or `.get(key)` lookup. */
function chosenFrom(unit: SyntaxNode, name: string, python: boolean): boolean {
  const word = new RegExp(`(^|[^\\w$])${name.replace(/\$/g, "\\$")}([^\\w$]|$)`);
  for (const loop of unit.descendantsOfType(python ? ["for_statement"] : ["for_in_statement"])) {
    const left = loop.childForFieldName("left");
    if (left && word.test(left.text)) return true;
  }
  for (const binding of unit.descendantsOfType(python ? ["assignment"] : ["variable_declarator", "assignment_expression"])) {
    const left = (binding.childForFieldName("left") ?? binding.childForFieldName("name"))?.text;
    const right = binding.childForFieldName("right") ?? binding.childForFieldName("value");
    if (left !== name || !right) continue;
    if (right.type === "subscript" || right.type === "subscript_expression") return true;
    if ((right.type === "call" || right.type === "call_expression") && /\.get$/.test(right.childForFieldName("function")?.text ?? "")) return true;
  }
  return false;
}
