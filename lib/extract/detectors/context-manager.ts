import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import type { PatternMatch } from "@/lib/domain";
import { patternMatch, type Detector, type DetectorContext, type Precondition, remembered } from "./detector";
import { methodOf } from "./members";
import { fileIndexOf } from "./file-index";
import { ownReturns, returnedValue } from "./functions";
import { classBases, classMethods, lastSegment, parameterNames, pythonDecorators } from "./syntax";
import { wordGroup } from "./unit-facts";

const releaseName = /^(release|close|unlock|dispose|disconnect|destroy|end|exit|cleanup|restore|free|unsubscribe)/i;

// The protocol methods (`__enter__`, `__aexit__`), `@contextmanager`, the manager bases
// (`AbstractContextManager`, `ContextDecorator`, `ExitStack`) and `[Symbol.dispose]`.
const managerWords = wordGroup("enter", "exit", "context", "dispose");

/**
 * When `detectContextManager` can match: the unit mentions one of `managerWords`; a JavaScript
 * function with a `finally` (acquire, call, release); a Python function whose file mentions
 * one (it may return a context-manager class of the file).
 */
export const contextManagerPrecondition: Precondition = (facts) =>
  facts.mentions(managerWords) || (!facts.isClass && (facts.family === "js" ? facts.has("finally_clause") : facts.fileMentions(managerWords)));

/**
 * Context manager: `__enter__`/`__exit__` (or the async pair), a `@contextmanager`
 * generator with try/finally around its yield, `[Symbol.dispose]`, or a `withX(fn)` that
 * acquires, calls `fn` inside try and releases in finally; and the `__enter__`/`__exit__`
 * methods of such a class.
 */
export const detectContextManager: Detector = remembered((context) => {
  if (context.isClass) return classManager(context);
  return generatorManager(context) ?? scopedCallback(context) ?? protocolMethod(context) ?? managerFactory(context);
});

const managerBase = /^(Abstract(Async)?ContextManager|_?(Async)?GeneratorContextManager|(Async)?ContextDecorator|ExitStack)$/;

/** `def localcontext(ctx): return _ContextManager(ctx)`: every return hands out the same same-file context-manager class. */
function managerFactory(context: DetectorContext): PatternMatch | undefined {
  if (context.family !== "python" || methodOf(context.node, context.family)) return undefined;
  const returns = ownReturns(context.node, context.family).map(returnedValue);
  if (returns.length === 0) return undefined;
  const index = fileIndexOf(context.node, context.family);
  const made = returns.map((value) => madeBy(value, context));
  // Classes the function defines itself are its own machinery (wrapt's `synchronized`), not a manager it hands out.
  const own = new Set(context.find(["class_definition"]).map((node) => node.childForFieldName("name")?.text ?? ""));
  const managers = made.filter((name) => {
    if (own.has(name)) return false;
    const facts = index.classes.get(name);
    return facts !== undefined && ((facts.methods.has("__enter__") && facts.methods.has("__exit__")) || facts.bases.some((base) => managerBase.test(base)));
  });
  // Choosing between several classes by the arguments (`open(f, mode)` → `Aifc_read` or `Aifc_write`) is a factory's job.
  if (new Set(managers).size > 1) return undefined;
  return managers.length === made.length ? patternMatch("context_manager", 0.75, [`returns a new ${managers[0]} (a context manager of this file)`]) : undefined;
}

/** `__enter__`/`__exit__` (or the async pair) of a class that defines both: the protocol's halves. */
function protocolMethod(context: DetectorContext): PatternMatch | undefined {
  const member = methodOf(context.node, context.family);
  const pair = member && protocolPairs.find((candidate) => candidate.includes(member.method.name));
  if (!member || !pair) return undefined;
  const names = new Set(classMethods(member.classNode).map((method) => method.name));
  if (!pair.every((name) => names.has(name))) return undefined;
  return patternMatch("context_manager", 0.8, [`${member.method.name}() of a class that defines ${pair.join(" and ")}`]);
}

const protocolPairs = [["__enter__", "__exit__"], ["__aenter__", "__aexit__"]];

function classManager(context: DetectorContext): PatternMatch | undefined {
  // A resource class that supports `with` (a connection, a session) counts too: the older in-sample
  // labels call it one (requests' Session, zipfile's ZipFile); session 10 tried leaving such classes
  // out (>=5 public operations) and lost 9 in-sample positives for 2 tune false positives.
  const names = new Set(classMethods(context.node).map((method) => method.name));
  // `__enter__ = acquire` binds an existing method as the protocol method.
  for (const statement of context.node.childForFieldName("body")?.namedChildren ?? []) {
    const assignment = statement.type === "expression_statement" ? statement.firstNamedChild : undefined;
    if (assignment?.type === "assignment") names.add(assignment.childForFieldName("left")?.text ?? "");
  }
  if (names.has("__enter__") && names.has("__exit__")) return patternMatch("context_manager", 0.95, ["defines __enter__ and __exit__"]);
  if (names.has("__aenter__") && names.has("__aexit__")) return patternMatch("context_manager", 0.95, ["defines __aenter__ and __aexit__"]);
  const base = classBases(context.node).map((name) => lastSegment(name.replace(/[<(\[].*$/s, ""))).find((name) => managerBase.test(name));
  if (base) return patternMatch("context_manager", 0.85, [`extends ${base}`]);
  const dispose = [...names].find((name) => /^\[Symbol\.(asyncDispose|dispose)\]$/.test(name));
  return dispose ? patternMatch("context_manager", 0.9, [`defines ${dispose}()`]) : undefined;
}

function generatorManager(context: DetectorContext): PatternMatch | undefined {
  if (context.family !== "python") return undefined;
  const decorator = pythonDecorators(context.node).find((name) => /(^|\.)(async)?contextmanager$/.test(name));
  if (!decorator || context.find(["yield"]).length === 0) return undefined;
  const guarded = context.find(["try_statement"]).some((statement) => statement.descendantsOfType("yield").length > 0);
  const evidence = [`@${decorator} generator yields`];
  if (guarded) evidence.push("yield inside try (cleanup in finally/except)");
  return patternMatch("context_manager", guarded ? 0.9 : 0.8, evidence);
}

/** JS/TS `withLock(fn)`: acquire, `try { return await fn(...) } finally { release() }`. */
function scopedCallback(context: DetectorContext): PatternMatch | undefined {
  if (context.family !== "js") return undefined;
  const parameters = new Set(parameterNames(context.node));
  for (const statement of context.find(["try_statement"])) {
    const finalizer = statement.childForFieldName("finalizer");
    const body = statement.childForFieldName("body");
    if (!finalizer || !body) continue;
    const invoked = body.descendantsOfType("call_expression").find((call) => parameters.has(call.childForFieldName("function")?.text ?? ""));
    const releases = finalizer
      .descendantsOfType("call_expression")
      .some((call) => releaseName.test((call.childForFieldName("function")?.text ?? "").split(".").pop() ?? ""));
    if (invoked && releases) {
      return patternMatch("context_manager", 0.75, [`calls ${invoked.childForFieldName("function")!.text}() inside try`, "releases the resource in finally"]);
    }
  }
  return undefined;
}

/** The class a returned value was made by: `return Manager(x)`, or `m = Manager(x); ...; return m`. */
function madeBy(value: SyntaxNode | undefined, context: DetectorContext): string {
  if (value?.type === "call") return value.childForFieldName("function")?.text ?? "";
  if (value?.type !== "identifier") return "";
  const assigned = context.find(["assignment"]).find((assignment) => assignment.childForFieldName("left")?.text === value.text);
  const right = assigned?.childForFieldName("right");
  return right?.type === "call" ? right.childForFieldName("function")?.text ?? "" : "";
}
