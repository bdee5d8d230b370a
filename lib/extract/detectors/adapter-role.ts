import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import type { PatternMatch } from "@/lib/domain";
import { patternMatch, type DetectorContext } from "./detector";
import { fileIndexOf } from "./file-index";
import { className } from "./members";
import { classBases, classMethods, lastSegment, type MethodInfo } from "./syntax";

// The names the adapter role goes by: what a class is (`HTTPAdapter`, `KeyvBridgeAdapter`) or the interface it implements.
// (`…Impl` was tried and dropped: TypeScript names any implementation so, `SelectQueryBuilderImpl`.)
const adapterRole = /(Adapter|Bridge|Transport|Driver)$/;

/**
 * A class that takes the adapter role by name — it is, or implements, an `…Adapter`,
 * `…Bridge`, `…Transport` or `…Driver` (`SSLAdapter(HTTPAdapter)`, `MySQLDriver implements
 * Driver`) — and whose methods do reach outside it: a call on an object it
 * holds or obtains, or on an imported module. The interface itself (abstract, or only raising
 * "not implemented") is not an adapter.
 */
export function adapterByRole(context: DetectorContext): PatternMatch | undefined {
  const classNode = context.node;
  // A class expression (`var KeyvBridgeAdapter = class extends Hookified {…}`) has its name on the unit.
  const name = className(classNode) || lastSegment(context.input.unit.qualname);
  const bases = classBases(classNode).map((base) => lastSegment(base.replace(/[<(\[].*$/s, "")));
  const role = adapterRole.test(name) ? name : bases.find((base) => adapterRole.test(base));
  if (!role) return undefined;
  const index = fileIndexOf(classNode, context.family);
  // The interface itself, or the root of a family of implementations, is not one of them.
  if (index.classes.get(name)?.isAbstract || [...index.classes.values()].filter((facts) => facts.bases.includes(name)).length >= 2) return undefined;
  const methods = classMethods(classNode).filter((method) => !/^(__init__|constructor)$/.test(method.name) && !method.isStatic);
  const reaching = methods.filter((method) => reachesOut(method, classNode, context.input.fileImports));
  if (reaching.length === 0) return undefined;
  return patternMatch("adapter", 0.7, [
    role === name ? `named for the adapter role (${name})` : `implements ${role}`,
    `${reaching.length} of ${methods.length} methods call out to what it wraps (${reaching.slice(0, 3).map((method) => method.name).join(", ")})`,
  ]);
}

const containerValue = /^(\{|\[|dict\(|list\(|set\(|new (Map|Set|WeakMap|Array)\b|\(\)|""|''|\d|True|False|None|null|true|false)/;

/**
 * A call on what the class wraps: an imported module or class (also one imported inside the
 * method: `from waitress import serve`), an attribute of the instance that is not a plain
 * container (`self.tpl.render(...)`), or a local obtained from the instance
 * (`cache, kw = self._get_cache(); cache.get(key)`).
 */
function reachesOut(method: MethodInfo, classNode: SyntaxNode, imports: Record<string, string>): boolean {
  const text = method.node.text;
  const imported = new Set([...text.matchAll(/\bimport\s+([\w, ]+)/g)].flatMap((match) => match[1]!.split(",").map((name) => name.trim().split(/\s+/).pop()!)));
  const obtained = new Set([...text.matchAll(/^\s*([\w$, ]+?)\s*=\s*(?:await\s+)?(?:self|this)\.[#\w$]+\(/gm)].flatMap((match) => match[1]!.split(",").map((name) => name.trim())));
  const calls = method.node.descendantsOfType(["call", "call_expression", "new_expression"]);
  return calls.some((call) => {
    const callee = (call.childForFieldName("function") ?? call.childForFieldName("constructor"))?.text ?? "";
    const attribute = /^(?:self|this)\.([#\w$]+)\.[\w$]+$/.exec(callee)?.[1];
    if (attribute) return !holdsContainer(classNode, attribute);
    const root = /^([A-Za-z_$][\w$]*)/.exec(callee)?.[1];
    if (!root || /^(self|this|super|cls)$/.test(root)) return false;
    return Object.hasOwn(imports, root) || imported.has(root) || (callee.includes(".") && obtained.has(root));
  });
}

/** Whether the class ever assigns the attribute a plain container or constant (`self.options = {}`). */
function holdsContainer(classNode: SyntaxNode, attribute: string): boolean {
  const assignment = new RegExp(`(?:self|this)\\.${attribute.replace("$", "\\$")}\\s*=\\s*(.*)`, "g");
  return [...classNode.text.matchAll(assignment)].some((match) => containerValue.test(match[1]!.trim()));
}
