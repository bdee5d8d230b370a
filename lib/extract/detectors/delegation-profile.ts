import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import { adapteesOf, type ClassView } from "./adapter-adaptees";
import { isForeignModule } from "./foreign-module";
import { fileIndexOf } from "./file-index";
import { className } from "./members";
import { classBases, classMethods, lastSegment, type Family, type MethodInfo } from "./syntax";

/** A call an operation makes on an object from outside its package. */
export interface ForeignCall {
  /** The receiver as written (`self._loop`, `inotify_syscalls`, `asyncio.get_running_loop()`). */
  receiver: string;
  /** The member called (`getaddrinfo`). */
  member: string;
  /** Where the receiver comes from, in words. */
  origin: string;
}

/** One operation of a class: what it calls outside the package, and how it translates. */
export interface OperationDelegation {
  method: MethodInfo;
  calls: ForeignCall[];
  /** How the operation translates onto what it calls (renamed, failures mapped), in words; empty for plain forwarding. */
  translation: string[];
}

/** A class's delegation profile: the interface it serves and what its operations hand over to. */
export interface DelegationProfile {
  /** The interface it serves (`implements AbstractResolver`, `named for the adapter role`), if any. */
  serves?: string;
  operations: OperationDelegation[];
}

const plainBase = /^(object|Object|Exception|Error|BaseException|Generic|ABC|Protocol|NamedTuple|TypedDict|Enum|IntEnum|dict|list|str|int|tuple|set|type|EventEmitter)$/;
const role = /(Adapter|Bridge|Transport|Driver|Backend|Client|Connection|Wrapper)$/;
const lifecycle = /^_*(initialize|init|setup|close|open|start|stop|dispose|destroy|shutdown|cleanup|reset)$/;
const containerProtocol = /^__(getitem|setitem|delitem|contains|iter|len|call)__$/;
// Signalling a synchronisation object (`self._ready.set()`, `self._lock.acquire()`) is coordination, not delegation.
const coordination = /^(acquire|release|notify|notify_all|notifyAll|wait|is_set|locked|cancel|cancelled|done|result|set_result|set_exception)$/;
const profiles = new WeakMap<SyntaxNode, DelegationProfile>();

/**
 * How a class delegates (memoised per class node): which interface it serves — a base class
 * that is not a plain one, or a name of the adapter role (`…Adapter`, `…Driver`, `…Client`) — and
 * for each operation (public methods, or the private hooks when it has no public operation;
 * set-up and tear-down left out) the calls it makes on objects from outside the package: a
 * module imported from another package, an attribute made by one or handed in typed as one, a
 * local obtained from either, a parameter typed as a library's class. Reusable by the adapter,
 * strategy and repository detectors.
 */
export function delegationProfile(view: ClassView, file: string): DelegationProfile {
  let profile = profiles.get(view.node);
  if (!profile) {
    profile = readProfile(view, file);
    profiles.set(view.node, profile);
  }
  return profile;
}

function readProfile(view: ClassView, file: string): DelegationProfile {
  const methods = classMethods(view.node);
  const modules = new Set(Object.entries(view.input.fileImports).filter(([, module]) => isForeignModule(module, file)).map(([name]) => name));
  const attributes = foreignAttributes(view, methods, file);
  const chosen = operationsOf(methods);
  const operations = chosen.map((method) => {
    const calls = foreignCalls(method, { modules, imports: view.input.fileImports, attributes, family: view.family, file });
    return { method, calls, translation: translationOf(method, calls, view.family) };
  });
  return { serves: servedInterface(view), operations };
}

function operationsOf(methods: readonly MethodInfo[]): MethodInfo[] {
  const usable = methods.filter((method) => !method.isStatic && !/^(__init__|__new__|constructor)$/.test(method.name) && !lifecycle.test(method.name) && !method.decorators.some((decorator) => /^(property|classmethod|staticmethod)$/.test(decorator)));
  const isDunder = (name: string): boolean => /^__\w+__$/.test(name);
  const publicOnes = usable.filter((method) => (containerProtocol.test(method.name) || !isDunder(method.name)) && !/^[_#]/.test(method.name.replace(containerProtocol, "x")));
  if (publicOnes.length > 0) return publicOnes;
  return usable.filter((method) => !isDunder(method.name));
}

// Tests exercise libraries; they serve no interface of their own.
const testClass = /(^Test|Tests?$|TestCase$|TestBase$)/;

function servedInterface(view: ClassView): string | undefined {
  if (testClass.test(className(view.node)) || classBases(view.node).some((base) => testClass.test(lastSegment(base)))) return undefined;
  const bases = classBases(view.node).map((base) => lastSegment(base.replace(/[<(\[].*$/s, ""))).filter((base) => base && !plainBase.test(base));
  if (bases.length > 0) return `implements ${bases.slice(0, 2).join(", ")}`;
  const name = className(view.node);
  if (role.test(name)) return `named for the adapter role (${name})`;
  const index = fileIndexOf(view.node, view.family);
  const own = index.classes.get(name);
  if (!own) return undefined;
  const siblings = [...index.classes.values()].filter((facts) => facts.name !== name && [...facts.methods].filter((method) => !/^(__\w+__|constructor|_.*)$/.test(method) && own.methods.has(method)).length >= 2);
  return siblings.length >= 1 ? `one of a family of classes with the same operations (${siblings[0]!.name})` : undefined;
}

/** Attributes holding an object from outside the package: made by a foreign library, or handed in typed as one. */
function foreignAttributes(view: ClassView, methods: readonly MethodInfo[], file: string): Map<string, string> {
  const found = new Map<string, string>();
  // A library adaptee's module is outside the package already (`isForeignModule`, in adapteesOf).
  for (const adaptee of adapteesOf(view, methods)) if (adaptee.origin === "library") found.set(adaptee.attribute, adaptee.description);
  // `self._loop = get_running_loop(loop)` with `loop: asyncio.AbstractEventLoop`: made from a parameter typed as a library's class.
  const constructor = methods.find((method) => /^(__init__|constructor|initialize)$/.test(method.name));
  if (!constructor) return found;
  const typed = typedParameters(constructor.node, view.input.fileImports, file);
  if (typed.size === 0) return found;
  const assignments = constructor.node.descendantsOfType(view.family === "python" ? ["assignment"] : ["assignment_expression"]);
  for (const assignment of assignments) {
    const attribute = /^(?:self|this)\.([#\w$]+)$/.exec(assignment.childForFieldName("left")?.text ?? "")?.[1];
    const value = assignment.childForFieldName("right")?.text ?? "";
    if (!attribute || found.has(attribute)) continue;
    const parameter = [...typed.keys()].find((name) => new RegExp(`(^|[^\\w.])${name}\\b`).test(value));
    if (parameter) found.set(attribute, `handed in as the library's ${typed.get(parameter)}`);
  }
  return found;
}

/** Parameters annotated with a class of a foreign module (`executor: concurrent.futures.Executor`). */
export function typedParameters(node: SyntaxNode, imports: Record<string, string>, file: string): Map<string, string> {
  const typed = new Map<string, string>();
  for (const parameter of node.childForFieldName("parameters")?.namedChildren ?? []) {
    const type = parameter.childForFieldName("type")?.text ?? "";
    if (!type) continue;
    const name = parameter.namedChildren.find((child) => child.type === "identifier")?.text ?? parameter.childForFieldName("pattern")?.text;
    const module = [...type.matchAll(/(?<![\w.])([A-Za-z_$][\w$]*)/g)].map((match) => match[1]!).find((root) => Object.hasOwn(imports, root) && isForeignModule(imports[root]!, file));
    if (name && module) typed.set(name, type.replace(/\s+/g, " ").slice(0, 40));
  }
  return typed;
}

interface Receivers {
  modules: Set<string>;
  imports: Record<string, string>;
  attributes: Map<string, string>;
  family: Family;
  file: string;
}

const callTypes = { python: ["call"], js: ["call_expression"] } as const;

function foreignCalls(method: MethodInfo, receivers: Receivers): ForeignCall[] {
  const text = method.node.text;
  const inner = new Set([...text.matchAll(/^\s*(?:from\s+([\w.]+)\s+)?import\s+([\w, ]+)/gm)].filter((match) => isForeignModule(match[1] ?? match[2]!.split(",")[0]!.trim(), receivers.file)).flatMap((match) => match[2]!.split(",").map((name) => name.trim().split(/\s+/).pop()!)));
  const typed = typedParameters(method.node, receivers.imports, receivers.file);
  const locals = new Map<string, string>();
  noteLocals(method.node, receivers, inner, locals, typed);
  const calls: ForeignCall[] = [];
  for (const call of method.node.descendantsOfType([...callTypes[receivers.family]])) {
    const callee = call.childForFieldName("function");
    if (!callee || !/^(attribute|member_expression)$/.test(callee.type)) continue;
    const receiver = callee.childForFieldName("object")?.text.replace(/\s+/g, "") ?? "";
    const member = (callee.childForFieldName("attribute") ?? callee.childForFieldName("property"))?.text ?? "";
    // Making a library object (`concurrent.futures.ThreadPoolExecutor(...)`) is not yet using one.
    if (!receiver || !member || /^[A-Z]/.test(member) || coordination.test(member)) continue;
    if (/^(set|clear)$/.test(member) && (call.childForFieldName("arguments")?.namedChildren.length ?? 0) === 0) continue;
    const origin = originOf(receiver, receivers, inner, locals, typed);
    if (origin) calls.push({ receiver: receiver.length > 40 ? `${receiver.slice(0, 37)}...` : receiver, member, origin });
  }
  return calls;
}

function originOf(receiver: string, receivers: Receivers, inner: Set<string>, locals: Map<string, string>, typed: Map<string, string>): string | undefined {
  const attribute = /^(?:self|this)\.([#\w$]+)/.exec(receiver)?.[1];
  if (attribute) return receivers.attributes.get(attribute);
  const root = /^(?:await)?([A-Za-z_$][\w$]*)/.exec(receiver)?.[1];
  if (!root || /^(self|this|super|cls)$/.test(root)) return undefined;
  if (receivers.modules.has(root) || inner.has(root)) return `the module ${root}, from another package`;
  return locals.get(root) ?? typed.get(root);
}

/** Locals bound to a foreign object (`loop = asyncio.get_event_loop()`, `conn = self.pool.acquire()`). */
function noteLocals(node: SyntaxNode, receivers: Receivers, inner: Set<string>, locals: Map<string, string>, typed: Map<string, string>): void {
  const types = receivers.family === "python" ? ["assignment"] : ["variable_declarator", "assignment_expression"];
  for (const binding of node.descendantsOfType(types)) {
    const name = (binding.childForFieldName("left") ?? binding.childForFieldName("name"))?.text ?? "";
    const value = (binding.childForFieldName("right") ?? binding.childForFieldName("value"))?.text.replace(/^(await|yield from)\s+/, "") ?? "";
    if (!/^[A-Za-z_$][\w$]*$/.test(name) || !value) continue;
    const origin = originOf(value, receivers, inner, locals, typed);
    if (origin) locals.set(name, `obtained from ${value.length > 30 ? `${value.slice(0, 27)}...` : value}`);
  }
}

/** How an operation translates onto its foreign calls: under another name, or mapping their failures to its own. */
function translationOf(method: MethodInfo, calls: ForeignCall[], family: Family): string[] {
  if (calls.length === 0) return [];
  const reasons: string[] = [];
  const own = method.name.replace(/^[_#]+/, "").toLowerCase();
  const renamed = calls.find((call) => call.member.replace(/^[_#]+/, "").toLowerCase() !== own);
  if (renamed) reasons.push(`${method.name}() → ${renamed.receiver}.${renamed.member}`);
  const handlers = method.node.descendantsOfType(family === "python" ? ["except_clause"] : ["catch_clause"]);
  const mapped = handlers.find((handler) => {
    const body = handler.parent?.childForFieldName("body")?.text ?? "";
    if (!calls.some((call) => body.includes(`.${call.member}`))) return false;
    // The failure becomes the operation's own: another error raised, or an answer returned.
    return handler.descendantsOfType(family === "python" ? ["raise_statement", "return_statement"] : ["throw_statement", "return_statement"]).some((statement) => /^(return\b|(raise|throw)\s+(new\s+)?[\w$.]*[A-Z][\w$]*\s*\()/.test(statement.text));
  });
  if (mapped) reasons.push("maps the library's failures to its own");
  return reasons;
}
