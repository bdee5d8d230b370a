import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import type { PatternMatch } from "@/lib/domain";
import { patternMatch, type Detector, remembered } from "./detector";
import { fileIndexOf } from "./file-index";
import { className } from "./members";
import { classMethods, type Family } from "./syntax";

const verbs: Record<string, "read" | "write"> = {
  get: "read", find: "read", list: "read", fetch: "read", load: "read", count: "read", exists: "read", query: "read", all: "read", lookup: "read", search: "read",
  save: "write", add: "write", create: "write", insert: "write", put: "write", upsert: "write",
  update: "write", patch: "write", delete: "write", remove: "write", destroy: "write", discard: "write",
};
const collectionValue = /^(\{|\[|dict\(|list\(|set\(|OrderedDict\(|defaultdict\(|new\s+(Map|Set|WeakMap|WeakSet|Array)\b|Object\.create\(null\))/;
const storeName = /(^|_)(db|database|session|conn|connection|client|pool|store|storage|repo|table|collection|cursor|prisma|knex|sql|engine|manager|entity_?manager|em|driver|backend|datastore|data_?source|query_?runner|orm|model|objects|dao|redis|mongo|kv)s?$/i;

/**
 * Repository: a class whose get/find/list/save/add/update/delete methods (≥3 distinct verbs,
 * at least one write) operate on one store held by the instance — a dict/Map/list it
 * created, or a session/connection/db client.
 */
export const detectRepositoryCrud: Detector = remembered((context) => {
  // Only the class: marking its CRUD methods one by one would turn a repository's trivial
  // `get()` accessors into patterns (the pattern list leaves such accessors out).
  if (!context.isClass) return undefined;
  return repositoryOf(context)?.match ?? repositoryInterface(context.node, context.family);
});

/** A class as the repository analysis reads it. */
interface RepositoryView {
  node: SyntaxNode;
  family: Family;
  input: { fileImports: Record<string, string> };
  find(types: readonly string[]): SyntaxNode[];
}

const repositories = new WeakMap<SyntaxNode, { match: PatternMatch; methods: Set<string> } | null>();

function repositoryOf(context: RepositoryView): { match: PatternMatch; methods: Set<string> } | undefined {
  let found = repositories.get(context.node);
  if (found === undefined) {
    found = readRepository(context) ?? null;
    repositories.set(context.node, found);
  }
  return found ?? undefined;
}

/** An abstract store: ≥3 abstract CRUD methods, at least one a write (`BaseJobStore.add_job/update_job/remove_job`). */
function repositoryInterface(classNode: SyntaxNode, family: Family): PatternMatch | undefined {
  const facts = fileIndexOf(classNode, family).classes.get(className(classNode));
  if (!facts) return undefined;
  const abstract = [...facts.abstractMethods].filter((name) => verbOf(name) !== undefined);
  const distinct = new Set(abstract.map((name) => verbOf(name)));
  if (distinct.size < 3 || ![...distinct].some((verb) => verbs[verb!] === "write")) return undefined;
  return patternMatch("repository_crud", 0.75, [`declares abstract CRUD methods ${abstract.slice(0, 4).join(", ")} for stores to implement`]);
}

function readRepository(context: RepositoryView): { match: PatternMatch; methods: Set<string> } | undefined {
  const crud = classMethods(context.node).filter((method) => verbOf(method.name) !== undefined);
  const distinct = new Set(crud.map((method) => verbOf(method.name)));
  if (distinct.size < 3 || ![...distinct].some((verb) => verbs[verb!] === "write")) return undefined;
  const usage = new Map<string, string[]>();
  for (const method of crud) {
    for (const attribute of storesTouched(method.node)) usage.set(attribute, [...(usage.get(attribute) ?? []), method.name]);
  }
  const collections = collectionAttributes(context);
  const generic = entityParameter(context);
  for (const method of crud) {
    for (const module of modulesTouched(method.node, context.input.fileImports)) usage.set(module, [...(usage.get(module) ?? []), method.name]);
  }
  for (const [attribute, methods] of [...usage].sort((a, b) => b[1].length - a[1].length)) {
    if (methods.length < 2) break;
    const storeVerbs = new Set(methods.map((name) => verbOf(name)));
    if (storeVerbs.size < 3 || ![...storeVerbs].some((verb) => verbs[verb!] === "write")) continue;
    const kind = collections.has(attribute)
      ? "a collection it creates"
      : storeName.test(attribute.replace(/^#|^module:/, ""))
        ? "a data-store handle"
        : generic
          ? `the store of a repository generic over its entity (${generic})`
          : undefined;
    if (!kind) continue;
    const match = patternMatch("repository_crud", methods.length >= 3 ? 0.9 : 0.8, [
      `CRUD methods ${[...new Set(methods)].slice(0, 5).join(", ")} (${storeVerbs.size} distinct verbs)`,
      `they operate on ${attribute.startsWith("module:") ? attribute.slice(7) : `${context.family === "python" ? "self" : "this"}.${attribute}`}, ${kind}`,
    ]);
    return { match, methods: new Set(methods) };
  }
  return undefined;
};

// Method names repeat across a file's classes; splitting them is the costly part.
const verbByName = new Map<string, string | undefined>();

/** The CRUD verb a method name starts with (`getAll` → get, `delete_user` → delete). */
function verbOf(name: string): string | undefined {
  if (verbByName.has(name)) return verbByName.get(name);
  const first = name.replace(/^[_#]+/, "").split(/(?=[A-Z])|_/)[0]?.toLowerCase() ?? "";
  const verb = Object.hasOwn(verbs, first) ? first : undefined;
  if (verbByName.size > 10_000) verbByName.clear();
  verbByName.set(name, verb);
  return verb;
}

/** Instance attributes a method reads through (`self._items[...]`, `this.#queries.get(...)`). */
function storesTouched(method: SyntaxNode): Set<string> {
  const touched = new Set<string>();
  for (const match of method.text.matchAll(/\b(?:self|this)\.([#\w$]+)\s*(?:\.|\[|\)|\s+in\b)/g)) touched.add(match[1]!);
  for (const match of method.text.matchAll(/\bin\s+(?:self|this)\.([#\w$]+)/g)) touched.add(match[1]!);
  return touched;
}

/** The entity type a class is generic over (`Repository<Entity>`, `Repo(Generic[T])`), else undefined. */
function entityParameter(context: RepositoryView): string | undefined {
  const typeParameters = context.node.childForFieldName("type_parameters")?.text;
  if (typeParameters) return typeParameters.replace(/\s+/g, " ").slice(0, 40);
  const generic = /\bGeneric\[([^\]]+)\]/.exec(context.node.childForFieldName("superclasses")?.text ?? "");
  return generic ? `Generic[${generic[1]}]` : undefined;
}

/** Imported data-store modules a method calls through (`db.session.add(...)` with `db` imported) as `module:db`. */
function modulesTouched(method: SyntaxNode, imports: Record<string, string>): Set<string> {
  const touched = new Set<string>();
  for (const match of method.text.matchAll(/(?<![.\w$])([A-Za-z_$][\w$]*)\.[\w$]+/g)) {
    const name = match[1]!;
    if (Object.hasOwn(imports, name) && storeName.test(name)) touched.add(`module:${name}`);
  }
  return touched;
}

/** Attributes the class initialises with a dict/list/Map/Set literal or constructor. */
function collectionAttributes(context: RepositoryView): Set<string> {
  const attributes = new Set<string>();
  const python = context.family === "python";
  for (const assignment of context.find(python ? ["assignment"] : ["assignment_expression"])) {
    const left = assignment.childForFieldName("left")?.text ?? "";
    const right = assignment.childForFieldName("right")?.text ?? "";
    const attribute = /^(?:self|this)\.([#\w$]+)$/.exec(left)?.[1];
    if (attribute && collectionValue.test(right)) attributes.add(attribute);
  }
  if (!python) {
    for (const field of context.find(["public_field_definition", "field_definition"])) {
      const name = (field.childForFieldName("name") ?? field.childForFieldName("property"))?.text ?? "";
      const value = field.childForFieldName("value")?.text ?? "";
      if (name && collectionValue.test(value)) attributes.add(name);
    }
  }
  return attributes;
}
