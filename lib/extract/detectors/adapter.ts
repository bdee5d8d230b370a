import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import { patternMatch, snippet, type Detector, type DetectorContext } from "./detector";
import { fileIndexOf } from "./file-index";
import { promiseConversion } from "./promise-conversion";
import { classBases, classMethods, lastSegment, parameterNames, type MethodInfo } from "./syntax";

const storeName = /(^|_)(db|database|session|conn|connection|pool|cursor|engine)$/i;
const syncPrimitive = /lock|cond|condition|mutex|semaphore|event|queue|flag|buffer|options|config|settings/i;
const syncOperation = /^(acquire|release|notify|notify_all|notifyAll|wait|locked|put|get|put_nowait|get_nowait|set|clear|is_set|write|read|flush)$/;
// Containers, synchronisation and test doubles are tools a class uses, not an API it adapts.
const containerModule = /^(collections|queue|threading|_threading|multiprocessing|unittest|typing|weakref|dataclasses|array|heapq|asyncio\.(Queue|Lock|Event|Condition))(\.|$)/;
const plainBase = /^(object|Object|Exception|Error|BaseException|Generic|ABC|Protocol|NamedTuple|TypedDict|Enum|IntEnum|dict|list|str|int|tuple|set)$/;

/**
 * Adapter: a class that implements its own interface by forwarding to another object —
 * an adaptee handed to its constructor (or made from one), or an object of a library it
 * imports (a database driver, a socket, an HTTP connection pool) — under other names
 * (`send()` → `this._res.end()`). Same-name forwarding alone is a proxy, not an adapter.
 * A function that turns a callback API into a promise (or back) adapts too.
 */
export const detectAdapter: Detector = (context) => {
  if (!context.isClass) return promiseConversion(context);
  const methods = classMethods(context.node);
  const others = methods.filter((method) => !/^(__\w+__|constructor)$/.test(method.name) && !method.isStatic && !/^[_#]/.test(method.name));
  if (others.length < 2) return undefined;
  const bases = classBases(context.node).map((base) => lastSegment(base.replace(/[<(\[].*$/s, ""))).filter((base) => !plainBase.test(base));
  const [interfaceOwner, interfaceMethods] = abstractMethodsOf(context, bases);
  for (const adaptee of adapteesOf(context, methods)) {
    const limit = adaptee.origin === "library" ? 40 : 8;
    const delegating = others.filter((method) => lineCount(method.node) <= limit && forwards(method, adaptee.attribute).length > 0);
    const implemented = interfaceMethods.filter((name) => delegating.some((method) => method.name === name));
    if (adaptee.origin === "library" && implemented.length > 0 && implemented.length * 2 >= interfaceMethods.length) {
      return patternMatch("adapter", 0.85, [
        `implements ${interfaceOwner}'s ${interfaceMethods.slice(0, 3).join(", ")} by calling ${adaptee.attribute}`,
        `${adaptee.attribute} is ${adaptee.description.replace(/^made/, "made")}`,
      ]);
    }
    if (syncPrimitive.test(adaptee.attribute) || delegating.every((method) => forwards(method, adaptee.attribute).every((target) => syncOperation.test(target)))) continue;
    const renamed = delegating.filter((method) => forwards(method, adaptee.attribute).some((target) => target !== method.name));
    const share = adaptee.origin === "library" && bases.length > 0 ? 3 : 2;
    if (delegating.length < 2 || delegating.length * share < others.length) continue;
    if (adaptee.origin === "parameter" && storeName.test(adaptee.attribute) && bases.length === 0) continue;
    const strong = renamed.length >= 2 || (renamed.length >= 1 && bases.length > 0) || (adaptee.origin === "library" && bases.length > 0 && delegating.length >= 3);
    if (!strong) continue;
    const example = renamed[0] ?? delegating[0]!;
    const target = forwards(example, adaptee.attribute).find((name) => name !== example.name) ?? forwards(example, adaptee.attribute)[0];
    const evidence = [
      `wraps ${adaptee.attribute} ${adaptee.description}`,
      `${delegating.length} of ${others.length} methods forward to it, ${renamed.length} under another name (${example.name}() → ${adaptee.attribute}.${target})`,
    ];
    if (bases.length) evidence.push(`implements ${bases.slice(0, 2).join(", ")}`);
    return patternMatch("adapter", renamed.length >= 3 || adaptee.origin === "library" ? 0.85 : 0.75, evidence);
  }
  return undefined;
};

/** The abstract methods of a base class defined in the same file (`BaseAdapter.send` raising NotImplementedError). */
function abstractMethodsOf(context: DetectorContext, bases: string[]): [string, string[]] {
  const index = fileIndexOf(context.node, context.family);
  for (const base of bases) {
    const facts = index.classes.get(base);
    if (facts?.abstractMethods.size) return [base, [...facts.abstractMethods].filter((name) => !/^(__\w+__|constructor)$/.test(name))];
  }
  return ["", []];
}

interface Adaptee {
  attribute: string;
  origin: "parameter" | "library";
  description: string;
}

/**
 * Attributes holding the adaptee: `self._x = x` / TS `constructor(private res: Res)` /
 * `self._sslobj = context.wrap_bio(...)` from a constructor parameter, or
 * `this.pool = mysql.createPool(...)` / `self._pool = httpcore.ConnectionPool(...)` made by an
 * imported library (in any method: drivers often connect lazily).
 */
function adapteesOf(context: DetectorContext, methods: readonly MethodInfo[]): Adaptee[] {
  const found = new Map<string, Adaptee>();
  const constructor = methods.find((method) => method.name === "__init__" || method.name === "constructor");
  const parameters = constructor ? parameterNames(constructor.node) : [];
  if (constructor) {
    for (const parameter of constructor.node.childForFieldName("parameters")?.namedChildren ?? []) {
      const modifier = parameter.namedChildren.some((child) => child.type === "accessibility_modifier");
      const name = parameter.childForFieldName("pattern")?.text;
      if (modifier && name) found.set(name, { attribute: name, origin: "parameter", description: "given to the constructor" });
    }
  }
  const imports = context.input.fileImports;
  for (const assignment of context.find(context.family === "python" ? ["assignment"] : ["assignment_expression"])) {
    const attribute = /^(?:self|this)\.([#\w$]+)$/.exec(assignment.childForFieldName("left")?.text ?? "")?.[1];
    const value = assignment.childForFieldName("right");
    if (!attribute || !value || found.has(attribute)) continue;
    const inConstructor = constructor !== undefined && value.startIndex >= constructor.node.startIndex && value.endIndex <= constructor.node.endIndex;
    const root = rootName(value);
    const fromParameter = root !== undefined && parameters.includes(root) && !/^(self|this|cls)$/.test(root);
    if (inConstructor && fromParameter && (value.type === "identifier" || /^[\w$]+\.[\w$]+\(/.test(value.text))) {
      found.set(attribute, { attribute, origin: "parameter", description: value.type === "identifier" ? "given to the constructor" : `made from a constructor argument (${snippet(value.text, 40)})` });
    } else if (root && (Object.hasOwn(imports, root) || /^(require|import)$/.test(root)) && isConstruction(value)) {
      const module = Object.hasOwn(imports, root) ? imports[root]! : snippet(value.text, 30);
      if (!module.startsWith(".") && !containerModule.test(module)) found.set(attribute, { attribute, origin: "library", description: `made by the library ${module.split(".")[0] || module} (${snippet(value.text, 40)})` });
    }
  }
  return [...found.values()];
}

/** The first identifier of an expression (`ssl.wrap_socket(s)` → ssl, `new Redis(o)` → Redis, `await x.connect()` → x). */
function rootName(value: SyntaxNode): string | undefined {
  let current: SyntaxNode | null = value;
  while (current && /^(await|await_expression|parenthesized_expression)$/.test(current.type)) current = current.namedChildren[0] ?? null;
  if (!current) return undefined;
  return /^(?:new\s+)?([A-Za-z_$][\w$]*)/.exec(current.text)?.[1];
}

function isConstruction(value: SyntaxNode): boolean {
  let current: SyntaxNode | null = value;
  while (current && /^(await|await_expression|parenthesized_expression)$/.test(current.type)) current = current.namedChildren[0] ?? null;
  return !!current && /^(call|call_expression|new_expression|identifier|attribute|member_expression)$/.test(current.type);
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
