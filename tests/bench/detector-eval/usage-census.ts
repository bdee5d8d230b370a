import type { CodeUnit } from "@/lib/domain";
import type { UnitUsage } from "@/lib/extract/usage";
import { isTestOrExample } from "./package-files";

/** The facts counted per labelled positive: does the unit (or, for a class, one of its methods) have at least one. */
const factNames = ["decorated-by", "with", "instance-call", "through-module", "event+callback", "decorator-via-instance", "subclasses", "siblings", "any"] as const;
type FactName = (typeof factNames)[number];

// `("ready", handler)`, `'data', lambda e: …`, `"x", () => …`: an event name and a callable.
const eventAndCallable = /^\s*(['"`])[^'"`]{1,60}\1\s*,\s*(lambda\b|function\b|\(?[\w$, ]*\)?\s*=>|async\b|[A-Za-z_$][\w$.]*\s*(?:,|$))/;

function factsOf(usage: UnitUsage | undefined): Set<FactName> {
  const found = new Set<FactName>();
  if (!usage) return found;
  if (usage.decorates.length) found.add("decorated-by");
  if (usage.entered.length) found.add("with");
  if (usage.instanceCalls.length) found.add("instance-call");
  if (usage.instanceCalls.some((call) => call.throughModule)) found.add("through-module");
  if (usage.instanceCalls.some((call) => eventAndCallable.test(call.argumentsText))) found.add("event+callback");
  if (usage.instanceCalls.some((call) => call.decorates)) found.add("decorator-via-instance");
  if (usage.subclasses.length) found.add("subclasses");
  if (usage.siblings.length) found.add("siblings");
  if (found.size > 0) found.add("any");
  return found;
}

/** Counts, per kind, the labelled positives having each fact; `add` takes one package's units and labels. */
export function census() {
  const counts = new Map<string, Map<FactName | "labelled", number>>();
  // Every use site of any unit (labelled or not), by where it stands: library code or tests and examples.
  const sites = { library: 0, tests: 0, labelledFromTests: 0 };
  return {
    counts,
    sites,
    add(units: CodeUnit[], usage: Map<string, UnitUsage>, labelled: Map<string, string[]>): void {
      for (const unit of units) {
        const unitUsage = usage.get(unit.id);
        if (!unitUsage) continue;
        const isLabelled = (labelled.get(`${unit.file}\u0000${unit.qualname}\u0000${unit.startLine}`)?.length ?? 0) > 0;
        for (const site of [...unitUsage.decorates, ...unitUsage.entered, ...unitUsage.instanceCalls]) {
          if (!isTestOrExample(site.file)) sites.library += 1;
          else {
            sites.tests += 1;
            if (isLabelled) sites.labelledFromTests += 1;
          }
        }
      }
      for (const unit of units) {
        const kinds = labelled.get(`${unit.file}\u0000${unit.qualname}\u0000${unit.startLine}`);
        if (!kinds?.length) continue;
        const facts = factsOf(usage.get(unit.id));
        // A class's usage is also what is done with its methods (`bus.on(...)` says something of `Bus`).
        if (unit.kind === "class") for (const method of units.filter((other) => other.parentQualname === unit.qualname && other.file === unit.file)) for (const fact of factsOf(usage.get(method.id))) facts.add(fact);
        for (const kind of kinds) {
          const row = counts.get(kind) ?? new Map();
          row.set("labelled", (row.get("labelled") ?? 0) + 1);
          for (const fact of facts) row.set(fact, (row.get(fact) ?? 0) + 1);
          counts.set(kind, row);
        }
      }
    },
  };
}

/** The census as a table: one row per kind, one column per fact (units with it / labelled). */
export function formatCensus(counted: ReturnType<typeof census>): string[] {
  const header = ["kind".padEnd(24), "labelled", ...factNames.map((name) => name.padStart(name.length + 1))].join(" ");
  const rows = [...counted.counts].sort(([a], [b]) => a.localeCompare(b)).map(([kind, row]) => [kind.padEnd(24), String(row.get("labelled") ?? 0).padStart(8), ...factNames.map((name) => String(row.get(name) ?? 0).padStart(name.length + 1))].join(" "));
  const { library, tests, labelledFromTests } = counted.sites;
  return [header, ...rows, `use sites (decorator, with, instance call) of any unit: ${library} in library code, ${tests} in test/example files (${labelledFromTests} of them on labelled positives)`];
}
