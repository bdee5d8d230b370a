import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractFile } from "@/lib/extract/extract-file";
import type { CodeUnit } from "@/lib/domain";
import { detectLanguage } from "@/lib/extract/syntax-tree";

const fixtures = path.resolve(import.meta.dirname, "../../../fixtures");

async function kindsByQualname(relative: string): Promise<Map<string, string[]>> {
  const file = path.join(fixtures, relative);
  const extraction = await extractFile({ file: relative, source: readFileSync(file, "utf8"), language: detectLanguage(file)! });
  return new Map(extraction.units.map((unit: CodeUnit) => [unit.qualname, unit.patterns.map((match) => match.kind).sort()]));
}

/** Units of a fixture and the exact kinds each must (and must only) carry. */
function expectKinds(found: Map<string, string[]>, expected: Record<string, string[]>): void {
  for (const [qualname, kinds] of Object.entries(expected)) {
    expect({ qualname, kinds: found.get(qualname) }).toEqual({ qualname, kinds: [...kinds].sort() });
  }
}

describe("detectDesignPatterns on Python", () => {
  it("finds every kind in a realistic service module", async () => {
    expectKinds(await kindsByQualname("python/patterns/services.py"), {
      fetch_with_retry: ["retry_backoff"],
      retry: ["retry_backoff", "decorator"],
      "retry.decorate": ["retry_backoff", "decorator"],
      Settings: ["singleton"],
      get_registry: ["singleton"],
      Shape: ["strategy"],
      // One of two interchangeable implementations of Shape's abstract area() (issue 14's labels call such members strategy).
      Square: ["strategy"],
      "Circle.from_diameter": ["factory"],
      make_shape: ["factory"],
      UserRepository: ["repository_crud"],
      EventBus: ["observer_event"],
      Timer: ["context_manager"],
      opened: ["context_manager"],
      QueryBuilder: ["builder"],
      Query: [],
      fibonacci: ["cache_memoize"],
      validate_user: ["validation"],
      TemperatureSensorAdapter: ["adapter"],
      safe_call: ["error_handling_wrapper"],
      transfer: ["db_transaction"],
    });
  });

  it("leaves decoys alone: names without the structure", async () => {
    const found = await kindsByQualname("python/patterns/decoys.py");
    expect(found.size).toBeGreaterThan(10);
    for (const [qualname, kinds] of found) expect({ qualname, kinds }).toEqual({ qualname, kinds: [] });
  });
});

describe("detectDesignPatterns on TypeScript", () => {
  it("finds the patterns and ignores RetryError, retryConfig, ServiceFactory, createClient, buildUrl", async () => {
    expectKinds(await kindsByQualname("typescript/patterns/client.ts"), {
      fetchWithBackoff: ["retry_backoff"],
      Config: ["singleton"],
      Notifier: ["strategy"],
      createNotifier: ["factory"],
      OrderRepository: ["repository_crud"],
      Store: ["observer_event"],
      "Store.subscribe": ["observer_event"],
      logged: ["decorator"],
      measure: ["decorator"],
      TempDir: ["context_manager"],
      RequestBuilder: ["builder"],
      exchangeRate: ["cache_memoize"],
      moveFunds: ["db_transaction"],
      Uploader: ["observer_event"],
      RetryError: [],
      ServiceFactory: [],
      createClient: [],
      buildUrl: [],
    });
  });

  it("rates EventEmitter subclasses below a real listener registry, with evidence", async () => {
    const file = path.join(fixtures, "typescript/patterns/client.ts");
    const extraction = await extractFile({ file, source: readFileSync(file, "utf8"), language: "typescript" });
    const store = extraction.units.find((unit) => unit.qualname === "Store")!.patterns[0]!;
    const uploader = extraction.units.find((unit) => unit.qualname === "Uploader")!.patterns[0]!;
    expect(store.confidence).toBe(0.9);
    expect(uploader.confidence).toBe(0.55);
    expect(store.evidence[0]).toBe("registers callbacks: this.listeners.add(listener)");
  });
});

describe("detectDesignPatterns on JavaScript", () => {
  it("finds closure-based patterns and skips the decoys", async () => {
    expectKinds(await kindsByQualname("javascript/patterns/toolkit.js"), {
      getConnection: ["singleton"],
      Connection: [],
      createEmitter: ["observer_event"],
      memoize: ["cache_memoize", "decorator"],
      render: ["strategy"],
      withLock: ["context_manager"],
      validateOrder: ["validation"],
      loadJson: ["error_handling_wrapper"],
      migrate: ["db_transaction"],
      pollOnce: [],
      readCached: [],
    });
  });
});

describe("retry evidence", () => {
  it("names the loop, the caught exception, the wait and the growing delay", async () => {
    const file = path.join(fixtures, "python/patterns/services.py");
    const extraction = await extractFile({ file, source: readFileSync(file, "utf8"), language: "python" });
    const retry = extraction.units.find((unit) => unit.qualname === "fetch_with_retry")!.patterns[0]!;
    expect(retry).toEqual({
      kind: "retry_backoff",
      confidence: 0.9,
      evidence: [
        "for statement catches ConnectionError",
        "waits with time.sleep(delay + random.random() / 10)",
        "delay grows each attempt (delay *= 2)",
      ],
    });
  });
});
