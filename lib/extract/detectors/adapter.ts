import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import type { PatternMatch } from "@/lib/domain";
import { patternMatch, type Detector, type DetectorContext, remembered } from "./detector";
import { functionName } from "./functions";
import { enclosingClass } from "./members";
import { fileIndexOf } from "./file-index";
import { asyncBridge, bridgeClass } from "./async-bridge";
import { convertingMethods, translatingMethods } from "./adapter-evidence";
import { promiseConversion } from "./promise-conversion";
import { adapterByRole } from "./adapter-role";
import { adapteesOf, type Adaptee, type ClassView } from "./adapter-adaptees";
import { delegatingOperation } from "./adapter-delegation";
import { classBases, classMethods, lastSegment, type Family, type MethodInfo } from "./syntax";

const storeName = /(^|_)(db|database|session|conn|connection|pool|cursor|engine)$/i;
const syncPrimitive = /lock|cond|condition|mutex|semaphore|event|queue|flag|buffer|options|config|settings/i;
const syncOperation = /^(acquire|release|notify|notify_all|notifyAll|wait|locked|put|get|put_nowait|get_nowait|set|clear|is_set|write|read|flush)$/;
// Protocol methods that are an interface's operations (a mapping's get/set/delete), not plumbing.
const containerProtocol = /^__(getitem|setitem|delitem|contains|iter|len|call)__$/;
const plainBase = /^(object|Object|Exception|Error|BaseException|Generic|ABC|Protocol|NamedTuple|TypedDict|Enum|IntEnum|dict|list|str|int|tuple|set)$/;

/**
 * Adapter: a class that implements its own interface by forwarding to another object —
 * an adaptee handed to its constructor (or made from one), or an object of a library it
 * imports (a database driver, a socket, an HTTP connection pool) — under other names
 * (`send()` → `this._res.end()`). Same-name forwarding alone is a proxy, not an adapter.
 * A function that turns a callback API into a promise (or back), or bridges blocking and
 * async code in Python (see `asyncBridge`), adapts too.
 */
export const detectAdapter: Detector = remembered((context) => {
  if (context.isClass) return adapterOf(classView(context.node, context.family, context.input))?.match ?? bridgeClass(context) ?? convertingClass(context) ?? adapterByRole(context);
  const classNode = enclosingClass(context.node, context.family);
  if (!classNode) return promiseConversion(context) ?? asyncBridge(context);
  const member = adapterMember(context, classNode) ?? promiseConversion(context) ?? asyncBridge(context);
  // The class's delegation profile names its translating operations (the class verdict itself did not carry: see docs).
  return member ?? delegatingOperation(context, classView(classNode, context.family, context.input));
});

function classView(node: SyntaxNode, family: Family, input: DetectorContext["input"]): ClassView {
  return { node, family, input: { fileImports: input.fileImports, file: input.unit.file }, find: (types) => node.descendantsOfType(types as string[]) };
}

interface AdapterReading {
  match: PatternMatch;
  attribute: string;
  /** The methods that do the adapting (the interface's implementations, the async bridges). */
  members: Set<string>;
}

const adapters = new WeakMap<SyntaxNode, AdapterReading | null>();

function adapterOf(view: ClassView): AdapterReading | undefined {
  let reading = adapters.get(view.node);
  if (reading === undefined) {
    reading = readAdapter(view) ?? null;
    adapters.set(view.node, reading);
  }
  return reading ?? undefined;
}

/** A method of an adapter class that forwards to the adaptee (`Cursor.fetchone()` → `self._cursor.fetchone`). */
function adapterMember(context: DetectorContext, classNode: SyntaxNode): PatternMatch | undefined {
  const name = functionName(context.node);
  if (!name || /^(__init__|constructor)$/.test(name)) return undefined;
  const reading = adapterOf(classView(classNode, context.family, context.input));
  if (!reading) return undefined;
  const method = classMethods(classNode).find((candidate) => candidate.node.id === context.node.id);
  const targets = method && reading.members.has(method.name) ? forwards(method, reading.attribute) : [];
  if (targets.length === 0) return undefined;
  return patternMatch("adapter", 0.7, [`forwards to ${reading.attribute}.${targets[0]}`, `in an adapter: ${reading.match.evidence[0]}`]);
}

function readAdapter(context: ClassView): AdapterReading | undefined {
  const methods = classMethods(context.node);
  const others = methods.filter((method) => (containerProtocol.test(method.name) || !/^(__\w+__|constructor)$/.test(method.name)) && !method.isStatic && !/^[_#](?!_\w+__$)/.test(method.name));
  if (others.length < 2) return undefined;
  const bases = classBases(context.node).map((base) => lastSegment(base.replace(/[<(\[].*$/s, ""))).filter((base) => !plainBase.test(base));
  const [interfaceOwner, interfaceMethods] = abstractMethodsOf(context, bases);
  const adaptees = adapteesOf(context, methods);
  for (const adaptee of adaptees) {
    const limit = adaptee.origin === "library" ? 40 : 8;
    const delegating = others.filter((method) => lineCount(method.node) <= limit && forwards(method, adaptee.attribute).length > 0);
    const implemented = interfaceMethods.filter((name) => delegating.some((method) => method.name === name));
    if (adaptee.origin === "library" && implemented.length > 0 && implemented.length * 2 >= interfaceMethods.length) {
      const match = patternMatch("adapter", 0.85, [
        `implements ${interfaceOwner}'s ${interfaceMethods.slice(0, 3).join(", ")} by calling ${adaptee.attribute}`,
        `${adaptee.attribute} is ${adaptee.description}`,
      ]);
      return { match, attribute: adaptee.attribute, members: new Set(implemented) };
    }
    // aiosqlite style: async methods hand the adaptee's blocking calls to a runner (`await self._execute(self._cursor.execute, sql)`).
    const bridged = methods.filter((method) => method.node.children.some((child) => child.type === "async") && new RegExp(`\\b(self|this)\\.${adaptee.attribute.replace("$", "\\$")}\\.[\\w$]+\\s*[,)]`).test(method.node.text));
    if (bridged.length >= 2) {
      return { match: patternMatch("adapter", 0.8, [`wraps ${adaptee.attribute} ${adaptee.description}`, `${bridged.length} async methods run its blocking calls (${bridged.slice(0, 3).map((method) => method.name).join(", ")})`]), attribute: adaptee.attribute, members: new Set(bridged.map((method) => method.name)) };
    }
    const translating = translatingMethods(others, adaptee.attribute, context.family);
    if (translating.length >= 2) {
      return { match: patternMatch("adapter", 0.8, [`wraps ${adaptee.attribute} ${adaptee.description}`, `${translating.length} methods call it and raise their own errors for its failures (${translating.slice(0, 3).join(", ")})`]), attribute: adaptee.attribute, members: new Set(translating) };
    }
    if (syncPrimitive.test(adaptee.attribute) || delegating.every((method) => forwards(method, adaptee.attribute).every((target) => syncOperation.test(target)))) continue;
    const renamed = delegating.filter((method) => forwards(method, adaptee.attribute).some((target) => target !== method.name));
    const share = adaptee.origin === "library" && bases.length > 0 ? 3 : 2;
    if (delegating.length < 2 || delegating.length * share < others.length) continue;
    if (adaptee.origin === "parameter" && storeName.test(adaptee.attribute) && bases.length === 0) continue;
    const strong = renamed.length >= 2 || (renamed.length >= 1 && bases.length > 0) || (adaptee.origin === "library" && bases.length > 0 && delegating.length >= 2);
    if (!strong) continue;
    const example = renamed[0] ?? delegating[0]!;
    const target = forwards(example, adaptee.attribute).find((name) => name !== example.name) ?? forwards(example, adaptee.attribute)[0];
    const evidence = [
      `wraps ${adaptee.attribute} ${adaptee.description}`,
      `${delegating.length} of ${others.length} methods forward to it, ${renamed.length} under another name (${example.name}() → ${adaptee.attribute}.${target})`,
    ];
    if (bases.length) evidence.push(`implements ${bases.slice(0, 2).join(", ")}`);
    return { match: patternMatch("adapter", renamed.length >= 3 || adaptee.origin === "library" ? 0.85 : 0.75, evidence), attribute: adaptee.attribute, members: new Set(renamed.map((method) => method.name)) };
  }
  return implementationOverLibrary(adaptees, others, bases);
};

const lifecycle = /^(initialize|init|setup|close|open|start|stop|dispose|destroy|shutdown|cleanup|reset)$/;

/**
 * An implementation of an interface (the class has a base) whose operations are a library's:
 * at least half its public operations, however long (a driver's `connect()` runs to a
 * hundred lines), call an object the library made or a module loaded by name, under their
 * own names (`getConnection()` → `new this.lib.Database(…)`, `resolve()` →
 * `self.channel.gethostbyname(…)`). Set-up and tear-down methods are not counted.
 */
function implementationOverLibrary(adaptees: Adaptee[], others: readonly MethodInfo[], bases: string[]): AdapterReading | undefined {
  if (bases.length === 0) return undefined;
  const operations = others.filter((method) => !lifecycle.test(method.name));
  if (operations.length === 0) return undefined;
  for (const adaptee of adaptees) {
    if (adaptee.origin !== "library" || syncPrimitive.test(adaptee.attribute)) continue;
    const calling = operations.filter((method) => forwards(method, adaptee.attribute).some((target) => target !== method.name && !syncOperation.test(target)));
    if (calling.length === 0 || calling.length * 2 < operations.length) continue;
    const example = calling[0]!;
    const match = patternMatch("adapter", 0.75, [
      `implements ${bases.slice(0, 2).join(", ")} over ${adaptee.attribute}, ${adaptee.description}`,
      `${calling.length} of ${operations.length} operations call it (${example.name}() → ${adaptee.attribute}.${forwards(example, adaptee.attribute).find((target) => target !== example.name)})`,
    ]);
    return { match, attribute: adaptee.attribute, members: new Set(calling.map((method) => method.name)) };
  }
  return undefined;
}

/** The abstract methods of a base class defined in the same file (`BaseAdapter.send` raising NotImplementedError). */
function abstractMethodsOf(context: ClassView, bases: string[]): [string, string[]] {
  const index = fileIndexOf(context.node, context.family);
  for (const base of bases) {
    const facts = index.classes.get(base);
    if (facts?.abstractMethods.size) return [base, [...facts.abstractMethods].filter((name) => !/^(__\w+__|constructor)$/.test(name))];
  }
  return ["", []];
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

/** A class implementing an interface whose methods (≥2) turn a library's callback API into promises. */
function convertingClass(context: DetectorContext): PatternMatch | undefined {
  if (context.family !== "js" || classBases(context.node).length === 0) return undefined;
  const converting = convertingMethods(context.node, context.input);
  if (converting.length < 2) return undefined;
  return patternMatch("adapter", 0.75, [`implements ${classBases(context.node).slice(0, 2).join(", ")}`, `${converting.length} methods turn callback APIs into promises (${converting.slice(0, 3).join(", ")})`]);
}
