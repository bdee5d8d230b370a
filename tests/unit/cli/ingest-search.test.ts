import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const repository = path.resolve(import.meta.dirname, "../../..");
const motif = path.join(repository, "bin/motif");
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), "motif-cli-ingest-"));

function run(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, MOTIF_DATA_DIR: path.join(workspace, ".motif") };
  delete env.DATABASE_URL; // embedded mode
  const result = spawnSync(process.execPath, [motif, ...args], {
    cwd: workspace,
    encoding: "utf8",
    env,
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  // The fixture repository as a sub-folder of the working directory: stored paths start with it.
  fs.cpSync(path.join(repository, "tests/fixtures/repos/python-service"), path.join(workspace, "service"), { recursive: true });
});
afterAll(() => fs.rmSync(workspace, { recursive: true, force: true }));

describe("motif ingest and motif search", { timeout: 180_000 }, () => {
  it("ingests a repository into a new project, then finds its retry pattern with occurrences relative to the working directory", () => {
    const ingest = run(["ingest", "service", "--project", "shop", "--json", "--jobs", "1"]);
    expect(ingest.stderr).toBe("");
    expect(ingest.status).toBe(0);
    const summary = JSON.parse(ingest.stdout);
    expect(summary.project).toMatchObject({ slug: "shop", created: true });
    expect(summary.patterns.created).toBeGreaterThan(5);
    expect(summary.patterns.created).toBe(summary.patterns.received);

    const search = run(["search", "retry a flaky http call with exponential backoff", "--project", "shop", "--limit", "3", "--json"]);
    expect(search.status).toBe(0);
    const answer = JSON.parse(search.stdout);
    const [first] = answer.matched_patterns;
    expect(first.kind).toBe("retry_backoff");
    expect(first.occurrences.map((occurrence: { file_path: string; qualname: string }) => `${occurrence.file_path} ${occurrence.qualname}`)).toEqual([
      "service/shop/clients/inventory.py fetch_stock",
      "service/shop/clients/payments.py charge_card",
      "service/shop/clients/shipping.py book_shipment",
    ]);
    expect(Object.keys(answer.query_metadata)).toEqual(["query_time_ms", "embedding_model"]);
  });

  it("leaves the data dir maintained: the tables the ingest filled have planner statistics (embedded Postgres has no autovacuum)", async () => {
    const { openPgliteDatabase } = await import("@/lib/db");
    const database = await openPgliteDatabase(path.join(workspace, ".motif/pgdata"));
    try {
      const rows = await database.query<{ table: string; tuples: number; counted: number }>(
        `select 'search_lexeme_stats' as table, reltuples::float8 as tuples, (select count(*)::float8 from private.search_lexeme_stats) as counted
         from pg_class where oid = 'private.search_lexeme_stats'::regclass`);
      // More than autovacuum's 50 rows + 10 %: analysed before the command closed (reltuples -1 otherwise).
      expect(rows).toEqual([{ table: "search_lexeme_stats", tuples: rows[0].counted, counted: rows[0].counted }]);
      expect(rows[0].counted).toBeGreaterThan(50);
    } finally {
      await database.close();
    }
  });

  it("changes nothing when the same code is ingested again, and prints a readable search", () => {
    const again = JSON.parse(run(["ingest", "service", "--project", "shop", "--json", "--jobs", "1"]).stdout);
    expect(again.project.created).toBe(false);
    expect(again.patterns).toMatchObject({ created: 0, updated: 0 });
    expect(again.occurrences).toMatchObject({ added: 0, moved: 0, removed: 0, revived: 0 });
    expect(again.events).toBe(0);
    const text = run(["search", "retry a flaky http call with exponential backoff", "--project", "shop", "--limit", "1"]);
    // The retry pattern leads both lists and holds the intent's words: strong, even in a project this small.
    expect(text.stdout).toMatch(/^1\. Exponential Backoff Retry Loop.* \(retry_backoff, strong, similarity 0\.\d\d, quality 0\.\d\d\)\n   service\/shop\/clients\/inventory\.py:10-22  fetch_stock\n/);
    expect(text.stdout).toMatch(/\n1 of \d+ matches \(1 strong match\) in /);
    const explained = run(["search", "retry a flaky http call with exponential backoff", "--project", "shop", "--limit", "2", "--explain"]);
    expect(explained.stdout).toMatch(
      /\n   why: similarity 0\.\d\d \(vector list #1\); text list #1, (\d) of the intent's 6 words in it\n        relevance \d\.\d\d × \(0\.8 \+ 0\.1 × quality 0\.\d\d \+ 0\.1 × outcomes 0\.50\) × \(1 \+ 0\.15 × \1\/6 words\) = score \d\.\d{3}\n        re-ranked from SQL #1: (?:[a-z ]+ [+−]\d+\.\d\d(?:, )?)+ = -?\d+\.\d\d\n        strong: #1 by the intent's words, #1 by meaning, \1 of the intent's 6 words found in it \(in a project this small, strong needs #1 by words and by meaning and half the intent's words\)\n/,
    );
    expect(explained.stdout).toMatch(/\n        weak: not the first result\n/);
    // An intent about code the project does not hold gets no strong match, and the answer says so.
    const absent = run(["search", "render a 3D mesh with WebGL shaders", "--project", "shop", "--limit", "1"]);
    expect(absent.stdout).toMatch(/^No strong match for "render a 3D mesh with WebGL shaders": /);
  });

  it("says so when the project does not exist", () => {
    const missing = run(["search", "anything", "--project", "nope"]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe('motif: project "nope" not found (motif ingest <path> --project nope creates it)\n');
  });
});
