import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import type { PatternMatch } from "@/lib/domain";
import { patternMatch, snippet, type Detector, type DetectorContext, type Precondition, remembered } from "./detector";
import { functionName, ownReturns, returnedValue } from "./functions";
import { enclosingClass } from "./members";
import { classMethods, nodeTypes } from "./syntax";
import { wordGroup } from "./unit-facts";

const dbName = /(^|[._])(db|database|session|conn|connection|cursor|tx|trx|transaction|client|sql|knex|prisma|pool|engine)s?$/i;
const transactionCall = /^(transaction|\$transaction|begin|atomic|begin_nested|startTransaction)$/;

// Every reading below needs one of these words: commit/rollback calls, methods or statements,
// a transaction call or verb (`transaction`, `begin`, `atomic`, `savepoint`), the protocol
// methods of a transaction class (`__enter__`, `__exit__` and the async pair).
const transactionWords = wordGroup("commit", "rollback", "transaction", "begin", "atomic", "savepoint", "enter", "exit");

/** When `detectDbTransaction` can match: the unit mentions one of `transactionWords`, or (Python) holds a `with` item. */
export const dbTransactionPrecondition: Precondition = (facts) => facts.mentions(transactionWords) || (!facts.isClass && facts.has("with_item"));

/**
 * Database transaction: work between begin and commit with rollback on failure —
 * commit()/rollback() around a try, `with session.begin()` / `async with conn.transaction()`,
 * `with conn:` over SQL (sqlite3), BEGIN/COMMIT/ROLLBACK statements, or
 * `db.transaction(async (tx) => ...)` / `prisma.$transaction` / `sql.begin`.
 */
export const detectDbTransaction: Detector = remembered((context) => {
  if (context.isClass) return transactionClass(context.node);
  return commitRollback(context) ?? transactionScope(context) ?? sqlStatements(context) ?? transactionControl(context);
});

const controlName = /^_*(begin|commit|rollback|savepoint|release_?savepoint|rollback_?to\w*|start_?transaction|begin_?transaction|atomic|transaction)$/i;
const controlStatement = /^["'`]{1,3}\s*(begin|start transaction|commit|rollback|savepoint|release)\b/i;

/** A method that controls the transaction: `commit()` calling the connection's commit, or sending COMMIT; `atomic()` returning a transaction object. */
function transactionControl(context: DetectorContext): PatternMatch | undefined {
  const name = functionName(context.node);
  if (name && /^(__enter__|__exit__|__aenter__|__aexit__)$/.test(name)) {
    const classNode = enclosingClass(context.node, context.family);
    const owner = classNode && transactionClass(classNode);
    return owner && owner.evidence[0]!.includes("__") ? patternMatch("db_transaction", 0.75, [`${name}() of a transaction class (${owner.evidence[0]})`]) : undefined;
  }
  if (!name || !controlName.test(name)) return undefined;
  const verb = name.replace(/^_+/, "").toLowerCase();
  const delegated = context.calls().find((call) => call.callee.includes(".") && controlName.test(call.name) && !/^(self|this)$/.test(call.callee.slice(0, -call.name.length - 1)));
  if (delegated) return patternMatch("db_transaction", 0.75, [`${verb}() controls the transaction through ${snippet(delegated.node.text, 40)}`]);
  const statement = context.find(nodeTypes[context.family].string).find((literal) => controlStatement.test(literal.text));
  if (statement) return patternMatch("db_transaction", 0.75, [`${verb}() sends ${snippet(statement.text, 30)}`]);
  const returnsTransaction = /^(atomic|transaction|savepoint)$/.test(verb) && ownReturns(context.node, context.family).some((statement) => /^(call|call_expression|new_expression)$/.test(returnedValue(statement)?.type ?? ""));
  return returnsTransaction ? patternMatch("db_transaction", 0.7, [`${verb}() returns a transaction object`]) : undefined;
}

/** A transaction class: commit and rollback methods, or `__exit__` committing or rolling back. */
function transactionClass(classNode: SyntaxNode): PatternMatch | undefined {
  const methods = classMethods(classNode);
  const names = new Set(methods.map((method) => method.name.replace(/^_+/, "").toLowerCase()));
  if (names.has("commit") && names.has("rollback")) return patternMatch("db_transaction", 0.8, ["defines commit() and rollback()"]);
  const exit = methods.find((method) => /^(__exit__|__aexit__)$/.test(method.name));
  if (exit && /\.(commit|rollback)\(|\b(commit|rollback)\(/.test(exit.node.text)) return patternMatch("db_transaction", 0.8, [`${exit.name}() commits or rolls back`]);
  return undefined;
}

function commitRollback(context: DetectorContext): PatternMatch | undefined {
  const calls = context.calls();
  const commit = calls.find((call) => call.name === "commit");
  const rollback = calls.find((call) => call.name === "rollback");
  if (!commit || !rollback) return undefined;
  const receiver = commit.callee.slice(0, -"commit".length - 1);
  const queries = calls.some((call) => /^(execute|executemany|query|raw|cursor)$/.test(call.name));
  if (!dbName.test(receiver) && !queries) return undefined;
  const inCatch = context.find(nodeTypes[context.family].catch).some((handler) => handler.text.includes(".rollback("));
  return patternMatch("db_transaction", inCatch ? 0.9 : 0.75, [
    `commits with ${snippet(commit.node.text, 30)}`,
    inCatch ? `rolls back in the error handler (${snippet(rollback.node.text, 30)})` : `rolls back with ${snippet(rollback.node.text, 30)}`,
  ]);
}

function transactionScope(context: DetectorContext): PatternMatch | undefined {
  for (const item of context.find(["with_item"])) {
    const value = item.childForFieldName("value");
    const target = value?.type === "as_pattern" ? value.namedChildren[0] : value;
    if (!target) continue;
    const call = target.type === "call" ? (target.childForFieldName("function")?.text ?? "") : "";
    if (call && transactionCall.test(call.split(".").pop() ?? "")) return patternMatch("db_transaction", 0.85, [`runs its work inside with ${snippet(target.text, 40)}`]);
    const statement = item.parent?.parent;
    const executes = statement?.descendantsOfType("call").some((inner) => /\.(execute|executemany)$/.test(inner.childForFieldName("function")?.text ?? ""));
    if (!call && dbName.test(target.text) && executes) {
      return patternMatch("db_transaction", 0.75, [`with ${target.text}: commits on success and rolls back on error around execute()`]);
    }
  }
  for (const call of context.calls()) {
    if (!transactionCall.test(call.name) || !dbName.test(call.callee.slice(0, -call.name.length - 1))) continue;
    const callback = call.node.childForFieldName("arguments")?.namedChildren.find((argument) => /function|arrow_function/.test(argument.type));
    if (callback) return patternMatch("db_transaction", 0.85, [`runs a callback inside ${call.callee}(...)`]);
  }
  return undefined;
}

function sqlStatements(context: DetectorContext): PatternMatch | undefined {
  const keywords = new Set<string>();
  for (const literal of context.find(nodeTypes[context.family].string)) {
    const keyword = /^["'`]{1,3}\s*(begin|start transaction|commit|rollback)\b/i.exec(literal.text)?.[1]?.toLowerCase();
    if (keyword) keywords.add(keyword.startsWith("start") ? "begin" : keyword);
  }
  if (!keywords.has("rollback") || keywords.size < 2) return undefined;
  return patternMatch("db_transaction", 0.85, [`issues ${[...keywords].map((keyword) => keyword.toUpperCase()).join("/")} statements`]);
}
