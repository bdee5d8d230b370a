import type { PatternMatch } from "@/lib/domain";
import { DetectorContext, patternMatch, snippet } from "./detector";
import { classMethods, parameterNames } from "./syntax";

const toThread = /^(run_in_executor|to_thread|run_sync|run_in_threadpool|sync_to_async|deferToThread)$/;
const toLoop = /^(run_until_complete|run_coroutine_threadsafe|async_to_sync)$/;

/**
 * A bridge between calling conventions in Python: async code that runs a blocking function it
 * was given in a thread (`await loop.run_in_executor(None, partial(self.func, *args))`), sync
 * code that runs a coroutine it was given on a loop (`loop.run_until_complete(self.awaitable(*args))`,
 * `asyncio.run(fn(...))`), or an async method that hands a given function and a new future to a
 * worker and awaits the future (`self._tx.put_nowait((future, partial(fn, *args))); return await future`).
 */
export function asyncBridge(context: DetectorContext): PatternMatch | undefined {
  if (context.family !== "python") return undefined;
  // Cheap first: a bridge calls one of the loop/thread hand-offs or makes a future.
  const candidate = context.calls().some((call) => toThread.test(call.name) || toLoop.test(call.name) || call.callee === "asyncio.run" || call.name === "create_future" || /^(asyncio\.)?Future$/.test(call.callee));
  if (!candidate) return undefined;
  const given = new Set(parameterNames(context.node).filter((name) => !/^(self|cls)$/.test(name)));
  const mentionsGiven = (text: string): boolean =>
    [...given].some((name) => new RegExp(`(^|[^\\w.])${name}\\b`).test(text)) || /\bself\.[\w]+\s*[,()]/.test(text);
  // `function = partial(fn, *args)`: locals made from what was given are given too.
  for (const assignment of context.find(["assignment"])) {
    const left = assignment.childForFieldName("left")?.text ?? "";
    if (/^\w+$/.test(left) && mentionsGiven(assignment.childForFieldName("right")?.text ?? "")) given.add(left);
  }
  for (const call of context.calls()) {
    const argumentsText = call.node.childForFieldName("arguments")?.text ?? "";
    if (toThread.test(call.name) && mentionsGiven(argumentsText)) {
      return patternMatch("adapter", 0.75, [`runs a blocking callable from async code: ${snippet(call.node.text, 50)}`]);
    }
    if ((toLoop.test(call.name) || call.callee === "asyncio.run") && mentionsGiven(argumentsText)) {
      return patternMatch("adapter", 0.75, [`runs a coroutine from sync code: ${snippet(call.node.text, 50)}`]);
    }
  }
  const future = context.calls().find((call) => call.name === "create_future" || call.callee === "Future" || call.callee === "asyncio.Future");
  if (!future || !context.node.children.some((child) => child.type === "async")) return undefined;
  const handed = context.calls().find((call) => call.node.id !== future.node.id && /^(put|put_nowait|submit|call_soon_threadsafe|append)$/.test(call.name) && mentionsGiven(call.node.text));
  const awaited = /\bawait\s+\w*future\b|\bawait\s+fut\b/.test(context.node.text);
  if (handed && awaited) return patternMatch("adapter", 0.7, [`hands a given call to a worker: ${snippet(handed.node.text, 50)}`, "awaits the future the worker settles"]);
  return undefined;
}

/** A small class whose `__call__` (or another method) is such a bridge: `SyncToAsync(func)`-style converters. */
export function bridgeClass(context: DetectorContext): PatternMatch | undefined {
  if (context.family !== "python") return undefined;
  const methods = classMethods(context.node);
  if (methods.length > 8) return undefined;
  for (const method of methods) {
    if (/^(__init__|__new__)$/.test(method.name)) continue;
    const bridge = asyncBridge(new DetectorContext({ ...context.input, node: method.node }));
    if (bridge) return patternMatch("adapter", bridge.confidence - 0.05, [`${method.name}() ${bridge.evidence[0]}`, ...bridge.evidence.slice(1)]);
  }
  return undefined;
}
