import type { SyntaxNode } from "@/lib/extract/syntax-tree";
import { snippet } from "./detector";
import { calleeText, lastSegment, nodeTypes, parameterNames, type Family } from "./syntax";

// Calls that only record a failure; a handler that does nothing else has swallowed it.
const logging = /^(log|logger|logging|console|_log|_logger|LOG|LOGGER|warnings|self\.(log|logger|_log|_logger)|this\.(log|logger|_log|_logger))$/;
const loggingCall = /^(debug|info|warn|warning|error|exception|critical|log|trace|print|write|print_exc|format_exc)$/;
// Failures of an input check (the validator's own errors), not failures of a call it wraps.
const invalidInput = /Invalid|Validation|Schema|Malformed|BadValue|NotValid/;

/**
 * What a handler does with a failure when it does more than log it: hands it to an error
 * handler or an event (`obj.handle_error()`, `self.emit("error", exc)`,
 * `events.append(JobEvent(..., exception=exc))`, `self.showtraceback()`), or turns it into a
 * result (`return { error }`). Undefined when it only logs, passes or re-raises.
 */
export function reportOf(handler: SyntaxNode, family: Family, guardedCallee?: string): string | undefined {
  const body = handler.childForFieldName("body") ?? handler.namedChildren.find((child) => child.type === "block" || child.type === "statement_block");
  if (!body) return undefined;
  const caught = caughtName(handler, family);
  // Cleaning up and re-raising the same error (`conn.rollback(); raise`) lets the failure through.
  const last = body.namedChildren.filter((child) => child.type !== "comment").at(-1);
  if (last && (/^raise\s*$/.test(last.text) || (caught !== undefined && new RegExp(`^throw\\s+${caught}\\s*;?$`).test(last.text)))) return undefined;
  const calls = body.descendantsOfType(nodeTypes[family].call as unknown as string[]);
  const handling = calls.find((call) => {
    // A statement of its own (`obj.handle_error()`), not an argument of another call.
    const statement = call.parent?.type === "await_expression" || call.parent?.type === "await" ? call.parent.parent : call.parent;
    if (statement?.type !== "expression_statement") return false;
    const callee = calleeText(call);
    // Waiting before the next attempt is a retry, not handling.
    if (/^_*(a?sleep|wait|delay|setTimeout|backoff)$/i.test(lastSegment(callee))) return false;
    if (!callee || callee === guardedCallee || logging.test(callee.slice(0, Math.max(0, callee.lastIndexOf(".")))) || loggingCall.test(lastSegment(callee))) return false;
    if (/^(isinstance|len|str|repr|type|id|sys\.exc_info|traceback\.\w+|format_tb|getattr|hasattr)$/.test(callee)) return false;
    // An error handler on an object (`obj.handle_error()`, `self.showtraceback()`) or a call given the error.
    const givenTheError = caught !== undefined && new RegExp(`\\b${caught}\\b`).test(call.childForFieldName("arguments")?.text ?? "");
    return callee.includes(".") || givenTheError;
  });
  if (handling) return `hands the failure on: ${snippet(handling.text, 50)}`;
  const resultObject = body.descendantsOfType("return_statement").find((statement) => /^return\s*\{[^}]*\b(error|err|exception|failure)\b/.test(statement.text));
  return resultObject ? `returns the failure as a result: ${snippet(resultObject.text, 40)}` : undefined;
}

/**
 * The delegated work a try guards: a function it was given (`fn(*args)`, `await fn()`),
 * a method of an object it was given (`obj.handle_read_event()`, `job.func(...)`), code it
 * runs (`exec(code)`), or a call handed a function parameter (`this.executor.invoke(fn)`).
 */
export function delegatedCall(fn: SyntaxNode, guarded: SyntaxNode, family: Family): { text: string; callee: string } | undefined {
  const parameters = new Set(parameterNames(fn).filter((name) => !/^(self|this|cls)$/.test(name)));
  for (const call of guarded.descendantsOfType(nodeTypes[family].call as unknown as string[])) {
    const callee = calleeText(call);
    const root = callee.split(".")[0] ?? "";
    if (parameters.has(root) || /^(exec|eval)$/.test(callee)) return { text: snippet(call.text, 40), callee };
    const argumentsNode = call.childForFieldName("arguments");
    const handsOverFunction = argumentsNode?.namedChildren.some((argument) => parameters.has(argument.text) && isCalledSomewhere(fn, argument.text));
    if (handsOverFunction) return { text: snippet(call.text, 40), callee };
  }
  return undefined;
}

function isCalledSomewhere(fn: SyntaxNode, name: string): boolean {
  return /^(f|fn|func|function|callback|cb|task|job|thunk|handler|action|operation|work)$/i.test(name) || new RegExp(`(^|[^\\w.$])${name}\\s*\\(`).test(fn.text);
}

/** A handler that rejects input (`raise Invalid(...)`, `raise ValidationError`) — the try is a validator's. */
export function rejectsInput(handler: SyntaxNode): boolean {
  const raised = handler.descendantsOfType(["raise_statement", "throw_statement"]).map((statement) => statement.text);
  return raised.some((text) => invalidInput.test(text));
}

/** The name a handler binds the error to (`except OSError as e`, `catch (error)`). */
function caughtName(handler: SyntaxNode, family: Family): string | undefined {
  if (family === "js") return handler.childForFieldName("parameter")?.text;
  return /\bas\s+(\w+)\s*:?\s*$/.exec(handler.text.split("\n")[0] ?? "")?.[1];
}

// Exceptions that mean "not there": a lookup with a default or an optional import, not a failure of delegated work.
const lookupMiss = /^\(?\s*((KeyError|LookupError|IndexError|AttributeError|StopIteration|StopAsyncIteration|ImportError|ModuleNotFoundError|NameError|queue\.Empty|Empty)\s*,?\s*)+\)?$/;

/** Whether every handler catches only lookup misses (`except KeyError:`), so the try is a lookup with a fallback. */
export function onlyLookupMisses(handlers: SyntaxNode[], family: Family): boolean {
  if (family !== "python" || handlers.length === 0) return false;
  return handlers.every((handler) => {
    const caught = /^except\s+(.+?)(\s+as\s+\w+)?\s*:/s.exec(handler.text)?.[1]?.trim();
    return caught !== undefined && lookupMiss.test(caught);
  });
}
