import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgresDatabase, withUser, type Database } from "@/lib/db";
import { createBuiltinProvider } from "@/lib/embed";
import { ingestExtraction } from "@/lib/ingest";
import { matchPatterns } from "@/lib/search";
import type { MatchResponse } from "@/lib/domain";
import { createTestDatabase } from "../support/test-database";
import { sampleExtraction } from "./support/ingest-fixture";
import { userClaims } from "./support/run-as";
import { buildWorld, type World } from "./support/world";

// The Supabase-mode driver (postgres.js over the wire protocol), exercised against a real
// Postgres: PGlite served on a local socket, with the real schema.
describe("the postgres driver", () => {
  let embedded: Database;
  let server: PGLiteSocketServer;
  let database: Database;
  let world: World;
  const embedder = createBuiltinProvider();

  beforeAll(async () => {
    embedded = await createTestDatabase();
    world = await buildWorld(embedded);
    await ingestExtraction({ database: embedded, claims: "service_role", projectId: world.alpha.id, result: sampleExtraction(), embedder });
    server = new PGLiteSocketServer({ db: (embedded as never as { pglite: never }).pglite, port: 0, host: "127.0.0.1" });
    await server.start();
    // pglite-socket serves one session at a time, so the pool holds one connection.
    database = openPostgresDatabase(`postgres://postgres@${server.getServerConn()}/postgres`, { maxConnections: 1 });
  });

  afterAll(async () => {
    await database?.close();
    await server?.stop();
    await embedded?.close();
  });

  it("runs parameterised queries and scripts", async () => {
    await database.exec("create table driver_probe (n int); insert into driver_probe values (1), (2);");
    const rows = await database.query<{ total: number }>("select sum(n)::int as total from driver_probe where n >= $1", [1]);
    expect(rows).toEqual([{ total: 3 }]);
  });

  it("hands JSON text to a jsonb parameter as it is, as PGlite does (never a JSON string)", async () => {
    const [row] = await database.query<{ kind: string; value: unknown }>(
      "select jsonb_typeof($1::jsonb) as kind, $1::jsonb as value", [JSON.stringify({ job: "j1" })],
    );
    expect(row).toEqual({ kind: "object", value: { job: "j1" } });
  });

  it("rolls a transaction back when it throws", async () => {
    await expect(
      database.transaction(async (transaction) => {
        await transaction.query("insert into driver_probe values ($1)", [10]);
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    const [row] = await database.query<{ count: number }>("select count(*)::int as count from driver_probe");
    expect(row.count).toBe(2);
  });

  it("runs withUser as the caller and resets the role after the transaction", async () => {
    const sub = "00000000-0000-4000-8000-000000000001";
    const inside = await withUser(database, { role: "authenticated", sub }, (transaction) =>
      transaction.query<{ role: string; uid: string }>("select current_user as role, auth.uid()::text as uid"),
    );
    expect(inside).toEqual([{ role: "authenticated", uid: sub }]);
    const [after] = await database.query<{ role: string }>("select current_user as role");
    expect(after.role).toBe("postgres");
  });

  // A match is one statement whose details (occurrences, counters, quality parts) are built
  // as JSON in SQL (lib/db matchPatternsWithDetails); each driver decodes the row its own way.
  it("answers a match exactly as the embedded driver does", async () => {
    const match = (through: Database) => withUser(through, userClaims(world.users.carol), (transaction) => matchPatterns({
      transaction, projectId: world.alpha.id, embedder,
      request: { intent: "retry a failing http request with exponential backoff", limit: 3 },
    }));
    const comparable = (answer: MatchResponse) => ({
      ...answer,
      query_metadata: { ...answer.query_metadata, query_time_ms: 0 },
      matched_patterns: answer.matched_patterns.map((pattern) => ({ ...pattern, metadata: { ...pattern.metadata, match_count: 0 } })),
    });
    const overTheWire = await match(database);
    const inProcess = await match(embedded);
    expect(overTheWire.matched_patterns.length).toBeGreaterThan(0);
    expect(overTheWire.matched_patterns[0].occurrences.length).toBeGreaterThan(0);
    expect(comparable(overTheWire)).toEqual(comparable(inProcess));
    // Each match counted once, whichever driver ran it.
    expect(inProcess.matched_patterns.map((pattern) => pattern.metadata.match_count))
      .toEqual(overTheWire.matched_patterns.map((pattern) => pattern.metadata.match_count + 1));
  });
});
