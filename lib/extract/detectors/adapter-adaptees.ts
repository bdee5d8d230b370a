import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import { snippet } from "./detector";
import { isForeignModule } from "./foreign-module";
import { parameterNames, type Family, type MethodInfo } from "./syntax";

// Containers, synchronisation and test doubles are tools a class uses, not an API it adapts.
const containerModule = /^(collections|queue|threading|_threading|multiprocessing|unittest|typing|weakref|dataclasses|array|heapq|asyncio\.(Queue|Lock|Event|Condition))(\.|$)/;

const builtinContainer = /^(Optional\[)?(dict|list|set|tuple|Dict|List|Set|Tuple|Mapping|MutableMapping|Sequence|Iterable|deque|OrderedDict|defaultdict)\b/;

/** A class as the adapter analysis reads it, from a class unit or from one of its methods. */
export interface ClassView {
  node: SyntaxNode;
  family: Family;
  input: { fileImports: Record<string, string>; file: string };
  find(types: readonly string[]): SyntaxNode[];
}

/** An attribute holding the object a class adapts, and where that object comes from. */
export interface Adaptee {
  attribute: string;
  origin: "parameter" | "library";
  /** The module (as imported or loaded: `redis`, `sqlite3`, `@mikro-orm/core`) a library adaptee comes from. */
  module?: string;
  description: string;
}

/** A module whose objects a class can adapt: outside the class's package (`isForeignModule`), and not a container or lock. */
function isLibrary(module: string, file: string): boolean {
  return isForeignModule(module, file) && !containerModule.test(module);
}

/**
 * Attributes holding the adaptee: `self._x = x` / TS `constructor(private res: Res)` /
 * `self._sslobj = context.wrap_bio(...)` from a constructor parameter, or
 * `this.pool = mysql.createPool(...)` / `self._pool = httpcore.ConnectionPool(...)` made by an
 * imported library (in any method: drivers often connect lazily). A parameter typed with a
 * library's class (`sock: socket.socket`), a library constructor handed to a registry
 * (`clients.get(url, redis.StrictRedis.from_url, url)`) and an object obtained from such an
 * adaptee (`self.db = self.client.get_default_database()`) count as the library's.
 */
export function adapteesOf(context: ClassView, methods: readonly MethodInfo[]): Adaptee[] {
  const found = new Map<string, Adaptee>();
  const constructor = methods.find((method) => method.name === "__init__" || method.name === "constructor");
  const parameters = constructor ? parameterNames(constructor.node) : [];
  const file = context.input.file;
  const typed = constructor ? libraryTypedParameters(constructor.node, context.input.fileImports, file) : new Map<string, { type: string; module?: string }>();
  if (constructor) {
    for (const parameter of constructor.node.childForFieldName("parameters")?.namedChildren ?? []) {
      const modifier = parameter.namedChildren.some((child) => child.type === "accessibility_modifier");
      const name = parameter.childForFieldName("pattern")?.text;
      if (modifier && name) found.set(name, { attribute: name, origin: "parameter", description: "given to the constructor" });
    }
  }
  const imports = context.input.fileImports;
  // Most classes load no module by name: look for the loaders' locals only where one is called with a string.
  const loads = loaderCall.test(context.node.text);
  for (const assignment of context.find(context.family === "python" ? ["assignment"] : ["assignment_expression"])) {
    const attribute = /^(?:self|this)\.([#\w$]+)$/.exec(assignment.childForFieldName("left")?.text ?? "")?.[1];
    const value = assignment.childForFieldName("right");
    if (!attribute || !value || found.has(attribute)) continue;
    const inConstructor = constructor !== undefined && value.startIndex >= constructor.node.startIndex && value.endIndex <= constructor.node.endIndex;
    const root = rootName(value);
    const fromParameter = root !== undefined && parameters.includes(root) && !/^(self|this|cls)$/.test(root);
    const derived = /^(?:self|this)\.([#\w$]+)\.[\w$]+\(/.exec(value.text)?.[1];
    const fallback = fallbackAdaptee(value, parameters, imports, file);
    if (fallback) {
      found.set(attribute, { attribute, origin: "library", ...fallback });
      continue;
    }
    const loaded = loads ? (loadedModule(value, file) ?? loadedThroughLocal(value, context)) : undefined;
    if (loaded) {
      found.set(attribute, { attribute, origin: "library", module: loaded, description: `the library ${loaded}, loaded by name (${snippet(value.text, 40)})` });
      continue;
    }
    const typedRoot = root === undefined ? undefined : typed.get(root);
    // A parameter typed as a container (`table: collections.OrderedDict`, `items: dict`) is a tool, not an adaptee.
    if (inConstructor && fromParameter && value.type === "identifier" && typedRoot && !typedRoot.module) continue;
    if (inConstructor && fromParameter && value.type === "identifier" && typedRoot?.module) {
      found.set(attribute, { attribute, origin: "library", module: typedRoot.module, description: `given to the constructor as the library's ${typedRoot.type}` });
    } else if (inConstructor && fromParameter && (value.type === "identifier" || /^[\w$]+\.[\w$]+\(/.test(value.text))) {
      found.set(attribute, { attribute, origin: "parameter", description: value.type === "identifier" ? "given to the constructor" : `made from a constructor argument (${snippet(value.text, 40)})` });
    } else if (root && (Object.hasOwn(imports, root) || /^(require|import)$/.test(root)) && isConstruction(value)) {
      const module = Object.hasOwn(imports, root) ? imports[root]! : /^\(*(?:require|import)\(\s*["'`]([^"'`]+)/.exec(value.text)?.[1];
      if (module && isLibrary(module, file)) found.set(attribute, { attribute, origin: "library", module, description: `made by the library ${module.split(".")[0] || module} (${snippet(value.text, 40)})` });
    } else if (derived && found.get(derived)?.origin === "library") {
      found.set(attribute, { attribute, origin: "library", module: found.get(derived)!.module, description: `obtained from ${derived} (${snippet(value.text, 40)})` });
    } else if (value.type === "call") {
      const handed = libraryArgument(value, imports, file);
      if (handed) found.set(attribute, { attribute, origin: "library", module: handed.module, description: `made through the library's ${handed.text}` });
    }
  }
  if (context.family === "python") addAnnotatedAdaptees(context, methods, found);
  return [...found.values()];
}

/**
 * `this.stream = options.stream || new net.Socket()` / `self.sock = sock or socket.socket()`: an
 * object handed in, or else made by an imported library: the library's object either way.
 */
function fallbackAdaptee(value: SyntaxNode, parameters: string[], imports: Record<string, string>, file: string): { module: string; description: string } | undefined {
  const operator = value.childForFieldName("operator")?.text ?? "";
  if (!/^(binary_expression|boolean_operator)$/.test(value.type) || !/^(\|\||\?\?|or)$/.test(operator)) return undefined;
  const operands = [value.childForFieldName("left"), value.childForFieldName("right")].filter((node): node is SyntaxNode => node !== null);
  const given = operands.some((operand) => parameters.includes(rootName(operand) ?? ""));
  for (const operand of operands) {
    const root = rootName(operand);
    const module = root !== undefined && Object.hasOwn(imports, root) ? imports[root]! : undefined;
    if (module && isLibrary(module, file) && /^(call|call_expression|new_expression)$/.test(operand.type)) {
      return { module, description: `${given ? "given to the constructor, or else " : ""}made by the library ${module.split(".")[0] || module} (${snippet(operand.text, 40)})` };
    }
  }
  return undefined;
}

/** `def __init__(self, sock: socket.socket)`: parameters whose type is a class of an imported library (or a container: no module). */
function libraryTypedParameters(constructor: SyntaxNode, imports: Record<string, string>, file: string): Map<string, { type: string; module?: string }> {
  const typed = new Map<string, { type: string; module?: string }>();
  for (const parameter of constructor.childForFieldName("parameters")?.namedChildren ?? []) {
    if (!/^typed(_default)?_parameter$/.test(parameter.type)) continue;
    const name = parameter.namedChildren.find((child) => child.type === "identifier")?.text;
    const type = parameter.childForFieldName("type")?.text ?? "";
    if (!name) continue;
    const module = libraryType(type, imports, file);
    if (module) typed.set(name, { type: snippet(type, 40), module });
    else if (builtinContainer.test(type) || [...type.matchAll(/(?<![\w.])([A-Za-z_]\w*)\./g)].some((match) => containerModule.test(imports[match[1]!] ?? ""))) typed.set(name, { type: "a container" });
  }
  return typed;
}

/** The imported module a type annotation names a class of (`Optional[sqlite3.Connection]` → sqlite3), if not a container's. */
function libraryType(annotation: string, imports: Record<string, string>, file: string): string | undefined {
  // An annotation names a type, so `socket.socket` is a class as much as `sqlite3.Connection`.
  const module = [...annotation.matchAll(/(?<![\w.])([A-Za-z_]\w*)\.[A-Za-z_]\w*/g)].map((match) => match[1]!).find((root) => Object.hasOwn(imports, root));
  const source = module ? imports[module]! : "";
  return module && isLibrary(source, file) ? source : undefined;
}

/** `Registry.get(url, redis.StrictRedis.from_url, url)`: a library's constructor handed to a call that makes the object. */
function libraryArgument(call: SyntaxNode, imports: Record<string, string>, file: string): { module: string; text: string } | undefined {
  for (const argument of call.childForFieldName("arguments")?.namedChildren ?? []) {
    if (argument.type !== "attribute") continue;
    const root = /^([A-Za-z_]\w*)\./.exec(argument.text)?.[1];
    if (root && Object.hasOwn(imports, root) && /\.[A-Z]\w*(\.\w+)?$/.test(argument.text) && isLibrary(imports[root]!, file)) return { module: imports[root]!, text: argument.text };
  }
  return undefined;
}

/**
 * `self._connection: Optional[sqlite3.Connection] = None`, or a dataclass field `_stream:
 * asyncio.StreamReader`: an attribute declared with a library's type (set later, by a connect
 * step), and a property handing it out (`_conn` returning it).
 */
function addAnnotatedAdaptees(context: ClassView, methods: readonly MethodInfo[], found: Map<string, Adaptee>): void {
  const imports = context.input.fileImports;
  const declarations = context.find(["assignment"]).flatMap((assignment) => {
    const attribute = /^self\.(\w+)$/.exec(assignment.childForFieldName("left")?.text ?? "")?.[1];
    return attribute ? [{ attribute, annotation: assignment.childForFieldName("type")?.text ?? "" }] : [];
  });
  for (const statement of context.node.childForFieldName("body")?.namedChildren ?? []) {
    const assignment = statement.type === "expression_statement" ? statement.firstNamedChild : undefined;
    const field = assignment?.type === "assignment" ? assignment.childForFieldName("left") : undefined;
    if (field?.type === "identifier") declarations.push({ attribute: field.text, annotation: assignment!.childForFieldName("type")?.text ?? "" });
  }
  for (const { attribute, annotation } of declarations) {
    const module = found.has(attribute) || !annotation ? undefined : libraryType(annotation, imports, context.input.file);
    if (module) found.set(attribute, { attribute, origin: "library", module, description: `declared as the library's ${snippet(annotation, 40)}` });
  }
  for (const method of methods) {
    if (!method.decorators.includes("property")) continue;
    const returned = /return\s+self\.(\w+)\s*$/.exec(method.node.text.trim())?.[1];
    const adaptee = returned ? found.get(returned) : undefined;
    if (adaptee && !found.has(method.name)) found.set(method.name, { ...adaptee, attribute: method.name, description: `${adaptee.description}, through the property ${method.name}` });
  }
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

// Calls that load a module by its name: `require("pg")`, `importlib.import_module("redis")`, `this._loadDialectModule("sqlite3")`, `PlatformTools.load("mysql2")`.
const moduleLoader = /^(require|import_module|__import__|importModule|load|loadModule|load\w*Module|loadDependency|requireModule)$/;

const loaderCall = /(?<![\w$])_*(?:require|import_module|import__|importModule|load\w*|requireModule)\s*\(\s*[rbuf]*["'`]/;

/** The module a value loads by name (`this.lib = this._loadDialectModule("sqlite3")` → sqlite3), a relative path never. */
function loadedModule(value: SyntaxNode, file: string): string | undefined {
  let current: SyntaxNode | null = value;
  while (current && /^(await|await_expression|parenthesized_expression)$/.test(current.type)) current = current.namedChildren[0] ?? null;
  if (!current || !/^(call|call_expression)$/.test(current.type)) return undefined;
  const callee = current.childForFieldName("function")?.text ?? "";
  const name = /([\w$]+)$/.exec(callee)?.[1] ?? "";
  if (!moduleLoader.test(name.replace(/^_+/, ""))) return undefined;
  const first = current.childForFieldName("arguments")?.namedChildren[0];
  if (!first || first.type !== "string") return undefined;
  const module = first.text.replace(/^[rbuf]*["'`]|["'`]$/g, "");
  return module && isLibrary(module, file) ? module : undefined;
}

/** `const pgLib = this._loadDialectModule("pg"); this.lib = native ? pgLib.native : pgLib`: a value built from a local holding a loaded module. */
function loadedThroughLocal(value: SyntaxNode, context: ClassView): string | undefined {
  const words = new Set(value.text.match(/[A-Za-z_$][\w$]*/g) ?? []);
  if (words.size === 0 || words.size > 8) return undefined;
  for (const binding of context.find(context.family === "python" ? ["assignment"] : ["variable_declarator"])) {
    const name = (binding.childForFieldName("left") ?? binding.childForFieldName("name"))?.text ?? "";
    const bound = binding.childForFieldName("right") ?? binding.childForFieldName("value");
    if (!words.has(name) || !bound || bound.startIndex > value.startIndex) continue;
    const module = loadedModule(bound, context.input.file);
    if (module) return module;
  }
  return undefined;
}
