import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import { isCrudSurface, verbOf } from "./repository-store";
import { classMethods, type Family } from "./syntax";

/** The query a CRUD method builds from its own class and runs: `cls.select().where(…).get()`, `type(self).delete().where(…).execute()`. */
const ownQuery = /\b(?:cls|self|this|type\(self\))\.(?:select|insert|update|delete|query|where|filter|create_query|insert_many|replace)\s*\([^]*?\)\s*(?:\.\s*\w+\s*\([^]*?\)\s*)*\.\s*(?:execute|run|get|first|one|all|fetch\w*)\s*\(/;

/** The same query kept in a local first: `sq = cls.select()` … `return sq.get()`. */
const queryLocal = /\b([A-Za-z_$][\w$]*)\s*=\s*(?:cls|self|this|type\(self\))\.(?:select|query|where|filter)\s*\(/;

function runsOwnQuery(text: string): string | undefined {
  const direct = ownQuery.exec(text)?.[0];
  if (direct) return direct;
  const local = queryLocal.exec(text);
  if (!local) return undefined;
  const run = new RegExp(`\\b${local[1]!.replace(/\$/g, "\\$")}\\s*\\.\\s*(?:execute|run|get|first|one|all|fetch\\w*)\\s*\\(`).exec(text.slice(local.index));
  return run ? `${local[0]}… ${run[0]}` : undefined;
}

const escaped = (name: string) => name.replace(/\$/g, "\\$");

const activeRecords = new WeakMap<SyntaxNode, Map<string, string> | null>();

/**
 * An active record: a model class whose CRUD methods (≥3 verbs, a write among them) run
 * queries the class builds from itself (`self.insert(**fields).execute()`), or hand over to
 * such a method (`cls.get(...)`, `inst = cls(**query); inst.save()`). Returns each such
 * method with what it does, memoised per class node; undefined when the class is none.
 */
export function activeRecordMethods(classNode: SyntaxNode, family: Family): Map<string, string> | undefined {
  let found = activeRecords.get(classNode);
  if (found === undefined) {
    found = readActiveRecord(classNode, family) ?? null;
    activeRecords.set(classNode, found);
  }
  return found ?? undefined;
}

function readActiveRecord(classNode: SyntaxNode, family: Family): Map<string, string> | undefined {
  const crud = classMethods(classNode).filter((method) => verbOf(method.name) !== undefined && !/^[_#]/.test(method.name));
  if (!isCrudSurface(new Set(crud.map((method) => verbOf(method.name))))) return undefined;
  const found = new Map<string, string>();
  for (const method of crud) {
    const query = runsOwnQuery(method.node.text);
    if (query) found.set(method.name, `runs a query its class builds from itself (${query.replace(/\s+/g, " ").slice(0, 50)})`);
  }
  if (found.size === 0) return undefined;
  const self = family === "python" ? "(?:cls|self|type\\(self\\))" : "this";
  for (let round = 0; round < 2; round++) {
    for (const method of crud) {
      if (found.has(method.name)) continue;
      const delegate = [...found.keys()].find((name) => name !== method.name && (new RegExp(`\\b${self}\\.${escaped(name)}\\(`).test(method.node.text) || new RegExp(`\\.${escaped(name)}\\(`).test(method.node.text) && /=\s*(cls|this|new this)\(/.test(method.node.text)));
      if (delegate) found.set(method.name, `hands over to ${delegate}(), which ${found.get(delegate)!.split(" (")[0]}`);
    }
  }
  const verbs = new Set([...found.keys()].map((name) => verbOf(name)));
  return isCrudSurface(verbs) ? found : undefined;
}
