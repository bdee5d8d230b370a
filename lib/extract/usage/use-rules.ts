import type { InstanceCall, UsageSite } from "./unit-usage";
import type { UsageRule } from "./usage-kinds";

// Session 13's candidates (docs/detector-evaluation.md, "Session 13: usage evidence from packages with
// their tests"): each reads how the rest of the repository — its tests and examples included — uses a
// unit. None is in `usageRules` unless it carried from one tune half to the other.

function place(site: UsageSite): string {
  return `${site.from?.qualname ?? "module-level code"} (${site.file}:${site.line})`;
}

// Test doubles and fixtures are applied to tests; they say nothing of the unit being a decorator.
const testingDecorator = /^(fixture|mark|patch|parametrize|skip\w*|xfail|gen_test|unittest_run_loop|override_settings)$/;

/** A function or class applied as a decorator (`@timed`, `@timed(...)`) to units elsewhere in the repository. */
export const decoratorByUse: UsageRule = {
  kind: "decorator",
  confidence: 0.6,
  evidence: ({ unit, usage }) => {
    if (unit.kind === "method" || testingDecorator.test(unit.name)) return undefined;
    const uses = usage.decorates.filter((site) => site.from?.id !== unit.id);
    if (uses.length === 0) return undefined;
    return [`applied as a decorator to ${uses.length} unit${uses.length === 1 ? "" : "s"}, e.g. ${place(uses[0])}`];
  },
};

/** A function or class entered with `with` / `async with` elsewhere (`with opened(path):`, `with lock:` on a module-level instance). */
export const contextManagerByWith: UsageRule = {
  kind: "context_manager",
  confidence: 0.6,
  evidence: ({ unit, usage }) => {
    if (unit.kind === "method" || usage.entered.length === 0) return undefined;
    return [`entered with \`with\` in ${usage.entered.length} place${usage.entered.length === 1 ? "" : "s"}, e.g. ${place(usage.entered[0])}`];
  },
};

// `("ready", handler)`, `'data', lambda e: …`, `"x", () => …`, `Event.X, self.on_x`: an event and a callable.
const eventAndCallable = /^\s*(?:(['"`])[^'"`\n]{1,60}\1|[A-Z][\w.]*)\s*,\s*(?:lambda\b|function\b|async\b|\(?[\w$, ]*\)?\s*=>|[A-Za-z_$][\w$.]*\s*(?:,|$))/;

function subscribes(call: InstanceCall): boolean {
  // `@bus.on_message` hands the function below to the method; `@app.route("/")` is a routing decorator factory.
  if (call.decorates) return call.argumentsText.trim() === "";
  return eventAndCallable.test(call.argumentsText);
}

/** A method called through an instance with an event and a callback (`bus.on("e", f)`), or applied as `@x.hook` to a function: it registers subscribers. */
export const observerBySubscription: UsageRule = {
  kind: "observer_event",
  confidence: 0.6,
  evidence: ({ unit, usage }) => {
    if (unit.kind !== "method") return undefined;
    const subscriptions = usage.instanceCalls.filter(subscribes);
    if (subscriptions.length === 0) return undefined;
    const first = subscriptions[0];
    const how = first.decorates ? `applied as @${unit.name} to` : `called with (${first.argumentsText.replace(/\s+/g, " ").slice(0, 60)}) in`;
    return [`subscribes callbacks through an instance: ${how} ${place(first)}${subscriptions.length > 1 ? ` and ${subscriptions.length - 1} more` : ""}`];
  },
};
