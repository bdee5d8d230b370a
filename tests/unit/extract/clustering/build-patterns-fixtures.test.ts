import { beforeAll, describe, expect, it } from "vitest";
import { buildPatterns, leadsList, rankPatterns, type BuildPatternsResult } from "@/lib/extract/clustering";
import type { ExtractedPattern, FileExtraction } from "@/lib/domain";
import { noCoverageNote, readCoverageReport } from "@/lib/quality";
import { extractFixtureRepo } from "./fixture-repos";

const byQualname = (result: BuildPatternsResult, qualname: string): ExtractedPattern => {
  const found = result.patterns.find((pattern) => pattern.occurrences.some((occurrence) => occurrence.qualname === qualname));
  if (!found) throw new Error(`no pattern holds ${qualname}`);
  return found;
};

describe("buildPatterns on the Python service fixture", () => {
  let files: FileExtraction[];
  let result: BuildPatternsResult;
  beforeAll(async () => {
    files = await extractFixtureRepo("python-service");
    result = buildPatterns({ files });
  });

  it("makes the retry loop copied into three files one pattern with three occurrences", () => {
    const retry = byQualname(result, "fetch_stock");
    expect(retry.occurrences.map((occurrence) => `${occurrence.file}:${occurrence.startLine}:${occurrence.qualname}`)).toEqual([
      "shop/clients/inventory.py:10:fetch_stock",
      "shop/clients/payments.py:10:charge_card",
      "shop/clients/shipping.py:10:book_shipment",
    ]);
    expect(retry.patternType).toBe("design_pattern");
    expect(retry.kind).toBe("retry_backoff");
    expect(retry.name).toBe("Exponential Backoff Retry Loop for Fetch Stock");
    expect(retry.tags).toEqual(expect.arrayContaining(["retry", "error_handling", "http", "logging"]));
    expect(retry.dependencies).toEqual(["requests", "time"]);
    expect(retry.description).toContain("Occurs 3 times in 3 files");
  });

  it("names patterns from what the code does, never after a file", () => {
    const names = Object.fromEntries(result.patterns.map((pattern) => [pattern.occurrences[0].qualname, pattern.name]));
    expect(names).toMatchObject({
      Settings: "Thread-safe Lazy Singleton for Settings",
      UserRepository: "In-memory Repository for User",
      OrderRepository: "Database-backed Repository for Order",
      db_transaction: "Generator-based Context Manager for DB Transaction",
      "UserRepository.search": "Search Method of User Repository",
    });
    const stems = new Set(files.map((file) => file.file.replace(/^.*\//, "").replace(/\.\w+$/, "").replace(/[^a-z]/gi, "").toLowerCase()));
    for (const pattern of result.patterns) expect(stems.has(pattern.name.replace(/[^a-z]/gi, "").toLowerCase())).toBe(false);
  });

  it("leaves tests, trivial getters and argument-storing constructors out", () => {
    const qualnames = result.patterns.flatMap((pattern) => pattern.occurrences.map((occurrence) => occurrence.qualname));
    expect(qualnames).not.toContain("test_save_then_get");
    expect(qualnames).not.toContain("UserRepository.get");
    expect(qualnames).not.toContain("OrderRepository.__init__");
  });

  it("links patterns with USES, EXTENDS, COMPOSED_OF and SIMILAR_TO, each with evidence", () => {
    const key = (qualname: string) => byQualname(result, qualname).key;
    const find = (type: string, source: string, target: string) =>
      result.relationships.find((relation) => relation.type === type && relation.source === key(source) && relation.target === key(target));
    expect(find("USES", "OrderRepository", "db_transaction")?.evidence).toContain(
      "OrderRepository.save calls db_transaction at shop/repositories/orders.py:16 (defined at shop/db.py:16)",
    );
    expect(find("USES", "place_order", "fetch_stock")?.evidence).toEqual(
      expect.arrayContaining(["place_order calls fetch_stock at shop/services/orders.py:9 (defined at shop/clients/inventory.py:10)"]),
    );
    expect(find("EXTENDS", "UserRepository", "BaseRepository")?.evidence).toEqual([
      "UserRepository extends BaseRepository (shop/repositories/base.py:4) at shop/repositories/users.py:4",
    ]);
    expect(find("COMPOSED_OF", "UserRepository", "UserRepository.search")?.strength).toBe(1);
    const [first, second] = [key("fetch_stock"), key("track_shipment")].sort();
    const similar = result.relationships.find((relation) => relation.type === "SIMILAR_TO" && relation.source === first && relation.target === second);
    expect(similar?.strength).toBeGreaterThanOrEqual(0.7);
    expect(similar?.strength).toBeLessThan(0.9);
    expect(similar?.evidence[0]).toMatch(/^token similarity 0\.\d\d between /);
  });

  it("reads reuse from real fan-in: the units and other files that call a pattern, not its copies", () => {
    const retry = byQualname(result, "fetch_stock");
    const refund = byQualname(result, "refund_charge");
    // place_order (shop/services/orders.py) calls two of the three copies: one caller unit, one other file.
    expect(retry.callers).toBe(1);
    expect(retry.quality.parts.reusability).toBe(Number((1 - Math.exp(-(1 + 1) / 6)).toFixed(4)));
    // Nothing calls refund_charge.
    expect(refund.callers).toBe(0);
    expect(refund.quality.parts.reusability).toBe(0);
  });

  it("marks shapes that recur, and ranks design patterns and recurring shapes above one-off units", () => {
    const retry = byQualname(result, "fetch_stock");
    const refund = byQualname(result, "refund_charge");
    expect(retry.recurring).toBe(true);
    expect(refund.recurring).toBe(false);
    const ranked = rankPatterns(result.patterns);
    const firstOneOff = ranked.findIndex((pattern) => !leadsList(pattern));
    expect(firstOneOff).toBeGreaterThan(0);
    expect(ranked.slice(firstOneOff).every((pattern) => pattern.kind === null && !pattern.recurring)).toBe(true);
    expect(ranked.indexOf(retry)).toBeLessThan(ranked.indexOf(refund));
  });

  it("reports unknown coverage and re-normalised weights without a report", () => {
    for (const pattern of result.patterns) {
      expect(pattern.quality.parts.testCoverage).toBeNull();
      expect(pattern.quality.notes).toContain(noCoverageNote);
      expect(Object.values(pattern.quality.weights).reduce((sum, weight) => sum + weight, 0)).toBeCloseTo(1, 10);
    }
  });

  it("reads test coverage of each occurrence from a coverage.py or Cobertura report", async () => {
    for (const report of ["python-service.coverage.json", "python-service.cobertura.xml"]) {
      const coverage = await readCoverageReport(`tests/fixtures/coverage/${report}`);
      const scored = buildPatterns({ files, coverage });
      const transaction = byQualname(scored, "db_transaction");
      // db_transaction spans lines 16–26: 9 statements, the rollback branch (22–24) missed.
      expect(transaction.quality.parts.testCoverage).toBe(0.6667);
      expect(transaction.quality.weights.testCoverage).toBe(0.2);
      const retry = byQualname(scored, "fetch_stock");
      // inventory.py: 13 executable lines in 10–22, 7 run; payments.py: 13 executable, only the def ran; shipping.py absent.
      expect(retry.quality.parts.testCoverage).toBeCloseTo((7 / 13 + 1 / 13) / 2, 4);
      expect(retry.quality.notes).toContain("test coverage known for 2 of 3 occurrences");
      expect(scored.patterns.map((pattern) => pattern.key)).toEqual(result.patterns.map((pattern) => pattern.key));
    }
  });

  it("gives the same output for the same files in any order", () => {
    const reversed = buildPatterns({ files: [...files].reverse().map((file) => ({ ...file, units: [...file.units].reverse() })) });
    expect(reversed).toEqual(result);
  });
});

describe("buildPatterns on the TypeScript service fixture", () => {
  let result: BuildPatternsResult;
  beforeAll(async () => {
    result = buildPatterns({ files: await extractFixtureRepo("ts-service") });
  });

  it("clusters the renamed retry helper and keeps the variant without backoff apart but similar", () => {
    const retry = byQualname(result, "fetchJson");
    expect(retry.occurrences.map((occurrence) => occurrence.qualname)).toEqual(["fetchJson", "loadProfile"]);
    // fetchJson and loadProfile share no name word, so the kind alone names them; fetchText is one function, named by its author.
    expect(retry.name).toBe("Async Exponential Backoff Retry Loop for Fetch JSON");
    const text = byQualname(result, "fetchText");
    expect(text.name).toBe("Async Fixed-delay Retry Loop for Fetch Text");
    expect(result.relationships.filter((relation) => relation.type === "SIMILAR_TO").map((relation) => [relation.source, relation.target].sort())).toContainEqual(
      [retry.key, text.key].sort(),
    );
  });

  it("resolves calls through imports and typed parameters", () => {
    const sync = byQualname(result, "syncUsers").key;
    const uses = result.relationships.filter((relation) => relation.type === "USES" && relation.source === sync);
    expect(uses.flatMap((relation) => relation.evidence)).toEqual([
      "syncUsers calls client.byId at src/events/sync-users.ts:8 (defined at src/users/user-client.ts:30)",
      "syncUsers calls store.save at src/events/sync-users.ts:10 (defined at src/users/user-store.ts:11)",
    ].filter((line) => uses.some((relation) => relation.evidence.includes(line))));
    expect(uses).toHaveLength(2);
    const extendsStore = result.relationships.find((relation) => relation.type === "EXTENDS" && relation.source === byQualname(result, "ObservableUserStore").key);
    expect(extendsStore?.target).toBe(byQualname(result, "UserStore").key);
  });

  it("matches lcov paths by suffix and scores the covered share of the unit", async () => {
    const coverage = await readCoverageReport("tests/fixtures/coverage/ts-service.lcov.info");
    const scored = buildPatterns({ files: await extractFixtureRepo("ts-service"), coverage });
    const retry = byQualname(scored, "fetchJson");
    // fetch-json.ts lines 4–18: 12 executable, 7 hit; user-client.ts is not in the report.
    expect(retry.quality.parts.testCoverage).toBeCloseTo(7 / 12, 4);
    expect(retry.quality.notes).toContain("src/users/user-client.ts is not in the coverage report");
  });
});
