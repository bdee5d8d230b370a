import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import type { PatternMatch } from "@/lib/domain";
import { patternMatch, type Detector, type DetectorContext, remembered } from "./detector";
import { activeRecordMethods } from "./active-record";
import { isCacheClass } from "./cache-memoize";
import { callbackCollection } from "./callback-registry";
import { ancestorsOf, fileIndexOf } from "./file-index";
import { className, enclosingClass } from "./members";
import { collectionAttributes, entityParameter, entityStoreRole, isCrudSurface, isHttpSurface, modulesTouched, storeName, storesReached, verbOf } from "./repository-store";
import { classMethods, lastSegment, type Family } from "./syntax";

/**
 * Repository: a class whose get/find/list/save/add/update/delete methods (≥3 distinct verbs,
 * at least one a write) operate on one store held by the instance — a dict/Map/list it
 * created, or a session/connection/db client — directly or through its private helpers; and
 * each of those CRUD methods (`Table.insert`, `JobStore.update_job`).
 */
export const detectRepositoryCrud: Detector = remembered((context) => {
  if (!context.isClass) return repositoryMethod(context);
  return repositoryOf(context.node, context.family, context.input.fileImports)?.match ?? repositoryInterface(context.node, context.family);
});

interface Repository {
  match: PatternMatch;
  /** CRUD methods that operate on the store. */
  methods: Set<string>;
  /** How the store reads in evidence (`self._jobs_index, a collection it creates`). */
  store: string;
}

const repositories = new WeakMap<SyntaxNode, Repository | null>();

function repositoryOf(classNode: SyntaxNode, family: Family, imports: Record<string, string>): Repository | undefined {
  let found = repositories.get(classNode);
  if (found === undefined) {
    found = readRepository(classNode, family, imports) ?? null;
    repositories.set(classNode, found);
  }
  return found ?? undefined;
}

/** A CRUD method of a repository class: it touches the repository's store, or hands over to a method that does. */
function repositoryMethod(context: DetectorContext): PatternMatch | undefined {
  const name = lastSegment(context.input.unit.qualname);
  const verb = verbOf(name);
  // Private helpers (`_get_job_index`, `#set`) serve the public CRUD methods; they are not the repository's surface.
  if (verb === undefined || /^[_#]/.test(name)) return undefined;
  const classNode = enclosingClass(context.node, context.family);
  if (!classNode) return undefined;
  const owner = className(classNode) || "a repository class";
  const repository = repositoryOf(classNode, context.family, context.input.fileImports);
  if (!repository) {
    const record = activeRecordMethods(classNode, context.family)?.get(name);
    return record ? patternMatch("repository_crud", 0.7, [`CRUD method (${verb}) of the active-record model ${owner}`, record]) : undefined;
  }
  if (repository.methods.has(name)) {
    return patternMatch("repository_crud", 0.75, [`CRUD method (${verb}) of ${owner}`, `it operates on ${repository.store}`]);
  }
  const self = context.family === "python" ? "self" : "this";
  const delegate = [...repository.methods].find((method) => method !== name && context.node.text.includes(`${self}.${method}(`));
  if (!delegate) return undefined;
  return patternMatch("repository_crud", 0.7, [`CRUD method (${verb}) of ${owner}`, `hands over to ${self}.${delegate}(), which operates on ${repository.store}`]);
}

/** An abstract store: ≥3 abstract CRUD methods, at least one a write (`BaseJobStore.add_job/update_job/remove_job`). */
function repositoryInterface(classNode: SyntaxNode, family: Family): PatternMatch | undefined {
  const facts = fileIndexOf(classNode, family).classes.get(className(classNode));
  if (!facts) return undefined;
  const abstract = [...facts.abstractMethods].filter((name) => verbOf(name) !== undefined);
  if (!isCrudSurface(new Set(abstract.map((name) => verbOf(name))))) return undefined;
  return patternMatch("repository_crud", 0.75, [`declares abstract CRUD methods ${abstract.slice(0, 4).join(", ")} for stores to implement`]);
}

/** Whether a class, or a same-file ancestor, is named for keeping entities (an in-memory store, not a registry). */
function storesEntities(classNode: SyntaxNode, family: Family): boolean {
  const name = className(classNode);
  if (entityStoreRole.test(name)) return true;
  return ancestorsOf(name, fileIndexOf(classNode, family)).some((facts) => entityStoreRole.test(facts.name));
}

function readRepository(classNode: SyntaxNode, family: Family, imports: Record<string, string>): Repository | undefined {
  // A cache's get/set/delete serve memoisation, not an entity store; an HTTP client's get/put/delete are requests.
  if (isCacheClass(classNode, family) || isHttpSurface(classMethods(classNode).map((method) => method.name))) return undefined;
  const crud = classMethods(classNode).filter((method) => verbOf(method.name) !== undefined);
  if (!isCrudSurface(new Set(crud.map((method) => verbOf(method.name))))) return undefined;
  const usage = new Map<string, string[]>();
  const use = (store: string, method: string) => usage.set(store, [...(usage.get(store) ?? []), method]);
  for (const method of crud) {
    for (const attribute of storesReached(method, classNode)) use(attribute, method.name);
    for (const module of modulesTouched(method.node, imports)) use(module, method.name);
  }
  const find = (types: readonly string[]) => classNode.descendantsOfType(types as string[]);
  const collections = collectionAttributes(classNode, family, find);
  const generic = entityParameter(classNode);
  const namedForStoring = collections.size > 0 && storesEntities(classNode, family);
  const self = family === "python" ? "self" : "this";
  let best: { methods: string[]; store: string; verbs: number } | undefined;
  const methods = new Set<string>();
  for (const [attribute, users] of [...usage].sort((a, b) => b[1].length - a[1].length)) {
    if (users.length < 2) break;
    // A table of listeners or hooks (`this._eventListeners`, `self._hooks`) is an event registry, not an entity store.
    if (callbackCollection.test(attribute)) continue;
    const storeVerbs = new Set(users.map((name) => verbOf(name)));
    if (!isCrudSurface(storeVerbs)) continue;
    const kind = collections.has(attribute)
      ? namedForStoring
        ? "a collection it creates"
        : generic && `the store of a repository generic over its entity (${generic})`
      : storeName.test(attribute.replace(/^#|^module:/, ""))
        ? "a data-store handle"
        : generic
          ? `the store of a repository generic over its entity (${generic})`
          : undefined;
    if (!kind) continue;
    for (const user of users) methods.add(user);
    best ??= { methods: [...new Set(users)], store: `${attribute.startsWith("module:") ? attribute.slice(7) : `${self}.${attribute}`}, ${kind}`, verbs: storeVerbs.size };
  }
  if (!best) return undefined;
  const match = patternMatch("repository_crud", best.methods.length >= 3 ? 0.9 : 0.8, [
    `CRUD methods ${best.methods.slice(0, 5).join(", ")} (${best.verbs} distinct verbs)`,
    `they operate on ${best.store}`,
  ]);
  return { match, methods, store: best.store };
}
