import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import { classMethods, isSelfName, parameterNames, type Family, type MethodInfo } from "./syntax";

/** CRUD verbs a repository method's name starts with, read or write. */
export const crudVerbs: Record<string, "read" | "write"> = {
  get: "read", find: "read", list: "read", fetch: "read", load: "read", count: "read", exists: "read", query: "read", all: "read", lookup: "read", search: "read",
  save: "write", add: "write", create: "write", insert: "write", put: "write", upsert: "write",
  update: "write", patch: "write", delete: "write", remove: "write", destroy: "write", discard: "write",
};
const collectionValue = /^(\{|\[|dict\(|list\(|set\(|OrderedDict\(|defaultdict\(|new\s+(Map|Set|WeakMap|WeakSet|Array)\b|Object\.create\(null\))/;
/** Attribute and module names that hold a data store (`self._db`, `this.manager`, `self.redis`). */
export const storeName = /(^|_)(db|database|session|conn|connection|client|pool|store|storage|repo|table|collection|cursor|prisma|knex|sql|engine|manager|entity_?manager|em|driver|backend|datastore|data_?source|query_?runner|orm|model|objects|dao|redis|mongo|kv)s?$/i;

/**
 * A class named for keeping entities (`MemoryJobStore`, `InMemoryRepository`, `Model`, `Datastore`, `Table`, a
 * `QueryCache` keeping queries by hash; caches with an eviction policy are left out before this): the
 * last word of its name or of a same-file ancestor's. Registries of handlers, models, services, fields or
 * watches (`ModelManager`, `ClassRegistry`, `ContainerInstance`, `BaseAsyncIOLoop`) keep add/get/remove
 * collections too, of things registered rather than stored.
 */
export const entityStoreRole = /(Cache|Store|Storage|Repository|Repo|Dao|DAO|Model|Table|Collection|Database|Db|DB|Datastore|DataStore)$/;

const verbQualifier = /^(native|bulk|soft|batch|raw|async|try)$/i;

// Method names repeat across a file's classes; splitting them is the costly part.
const verbByName = new Map<string, string | undefined>();

/** The CRUD verb a method name starts with (`getAll` → get, `delete_user` → delete). */
export function verbOf(name: string): string | undefined {
  if (verbByName.has(name)) return verbByName.get(name);
  const words = name.replace(/^[_#]+/, "").split(/(?=[A-Z])|_/);
  // A qualifier before the verb (`nativeDelete`, `bulk_insert`, `softRemove`) leaves the verb second.
  const first = (verbQualifier.test(words[0] ?? "") && words[1] ? words[1] : words[0])?.toLowerCase() ?? "";
  const verb = Object.hasOwn(crudVerbs, first) ? first : undefined;
  if (verbByName.size > 10_000) verbByName.clear();
  verbByName.set(name, verb);
  return verb;
}

/** An HTTP client's surface (`get`, `post`, `head`, `options` beside `put`/`delete`): verbs of a protocol, not of a store. */
export function isHttpSurface(methodNames: string[]): boolean {
  const names = new Set(methodNames.map((name) => name.toLowerCase()));
  return names.has("post") && (names.has("head") || names.has("options"));
}

/** Whether a set of verbs is a CRUD surface: ≥3 distinct verbs, at least one a write. */
export function isCrudSurface(verbSet: Set<string | undefined>): boolean {
  return verbSet.size >= 3 && [...verbSet].some((verb) => verb !== undefined && crudVerbs[verb] === "write");
}

/** Instance attributes a piece of code reads through (`self._items[...]`, `this.#queries.get(...)`, `in self._jobs`), not its own method calls. */
export function storesTouched(text: string): Set<string> {
  const touched = new Set<string>();
  for (const match of text.matchAll(/\b(?:self|this)\.([#\w$]+)\s*(?:\.|\[|\)|\]|,|\s+in\b)/g)) touched.add(match[1]!);
  for (const match of text.matchAll(/\bin\s+(?:self|this)\.([#\w$]+)/g)) touched.add(match[1]!);
  return touched;
}

/**
 * The stores a class method reaches, itself or through the private helpers of its class it
 * calls (`insert()` → `self._read()` → `self._storage.read()`), two calls deep.
 */
export function storesReached(method: MethodInfo, classNode: SyntaxNode): Set<string> {
  const methods = classMethods(classNode);
  const touched = storesTouched(method.node.text);
  let frontier = [method];
  const seen = new Set([method.name]);
  for (let depth = 0; depth < 2 && frontier.length; depth++) {
    const next: MethodInfo[] = [];
    for (const current of frontier) {
      for (const match of current.node.text.matchAll(/\b(?:self|this)\.([#\w$]+)\s*\(/g)) {
        const name = match[1]!;
        if (seen.has(name)) continue;
        const helper = methods.find((candidate) => candidate.name === name);
        // A CRUD-named sibling is another operation, not a helper — unless it is an accessor handing out the store (`getEntityManager() { return this.em }`).
        if (!helper || (verbOf(name) !== undefined && !isStoreAccessor(helper))) continue;
        seen.add(name);
        for (const attribute of storesTouched(helper.node.text)) touched.add(attribute);
        const handedOut = /return\s+(?:self|this)\.([#\w$]+)/.exec(helper.node.text)?.[1];
        if (handedOut && isStoreAccessor(helper)) touched.add(handedOut);
        next.push(helper);
      }
    }
    frontier = next;
  }
  return touched;
}

/** A method without parameters whose body only returns an attribute of the instance. */
function isStoreAccessor(method: MethodInfo): boolean {
  const body = method.node.childForFieldName("body");
  const statements = body?.namedChildren.filter((child) => child.type !== "comment") ?? [];
  return parameterNames(method.node).filter((name) => !isSelfName(name)).length === 0 && statements.length === 1 && /^return\s+(?:self|this)\.[#\w$]+;?$/.test(statements[0]!.text);
}

/** Imported data-store modules a method calls through (`db.session.add(...)` with `db` imported) as `module:db`. */
export function modulesTouched(method: SyntaxNode, imports: Record<string, string>): Set<string> {
  const touched = new Set<string>();
  for (const match of method.text.matchAll(/(?<![.\w$])([A-Za-z_$][\w$]*)\.[\w$]+/g)) {
    const name = match[1]!;
    if (Object.hasOwn(imports, name) && storeName.test(name)) touched.add(`module:${name}`);
  }
  return touched;
}

/** Attributes a class initialises with a dict/list/Map/Set literal or constructor. */
export function collectionAttributes(classNode: SyntaxNode, family: Family, find: (types: readonly string[]) => SyntaxNode[]): Set<string> {
  const attributes = new Set<string>();
  const python = family === "python";
  for (const assignment of find(python ? ["assignment"] : ["assignment_expression"])) {
    const left = assignment.childForFieldName("left")?.text ?? "";
    const right = assignment.childForFieldName("right")?.text ?? "";
    const attribute = /^(?:self|this)\.([#\w$]+)$/.exec(left)?.[1];
    if (attribute && collectionValue.test(right)) attributes.add(attribute);
  }
  if (!python) {
    for (const field of find(["public_field_definition", "field_definition"])) {
      const name = (field.childForFieldName("name") ?? field.childForFieldName("property"))?.text ?? "";
      const value = field.childForFieldName("value")?.text ?? "";
      if (name && collectionValue.test(value)) attributes.add(name);
    }
  }
  return attributes;
}

/** The entity type a class is generic over (`Repository<Entity>`, `Repo(Generic[T])`), else undefined. */
export function entityParameter(classNode: SyntaxNode): string | undefined {
  const typeParameters = classNode.childForFieldName("type_parameters")?.text;
  if (typeParameters) return typeParameters.replace(/\s+/g, " ").slice(0, 40);
  const generic = /\bGeneric\[([^\]]+)\]/.exec(classNode.childForFieldName("superclasses")?.text ?? "");
  return generic ? `Generic[${generic[1]}]` : undefined;
}
