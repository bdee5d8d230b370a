import { beforeAll, describe, expect, it } from "vitest";
import { listMigrations, migrate, type Database } from "@/lib/db";
import { realPostgresLane } from "../support/real-postgres";
import { createTestDatabase } from "../support/test-database";
import { commitAs, userClaims } from "./support/run-as";
import { createUsers } from "./support/world";

// The schema as a whole: it applies, re-applies as a no-op, has pgvector 0.8, keeps
// row-level security on every table, and has the indexes the match path relies on.

describe("the schema", () => {
  let database: Database;

  beforeAll(async () => {
    database = await createTestDatabase();
    return () => database.close();
  });

  // In the real-Postgres lane `supabase db push` applied the migrations: Motif's migrate reads
  // the CLI's history as its own and finds nothing left to do.
  it("applies every embedded file and migration to a fresh database, and a second run applies nothing", async () => {
    const embedded = !realPostgresLane;
    const files = await listMigrations({ embedded });
    const recorded = await database.query<{ version: string }>("select version from supabase_migrations.schema_migrations");
    expect(recorded.map((row) => row.version).sort()).toEqual(files.map((file) => file.version).sort());
    expect((await listMigrations({ embedded: true })).filter((file) => file.version.startsWith("embedded-")).length).toBeGreaterThanOrEqual(2);
    expect(await migrate(database, { embedded })).toEqual([]);
  });

  it("re-runs the embedded files without error (they are idempotent)", async () => {
    const files = (await listMigrations({ embedded: true })).filter((file) => file.version.startsWith("embedded-"));
    const fs = await import("node:fs/promises");
    for (const file of files) await database.transaction((transaction) => fs.readFile(file.path, "utf8").then((sql) => transaction.exec(sql)));
    const [roles] = await database.query<{ count: number }>(
      "select count(*)::int as count from pg_roles where rolname in ('anon', 'authenticated', 'service_role')",
    );
    expect(roles.count).toBe(3);
  });

  it("has pgvector 0.8 in the extensions schema", async () => {
    const [row] = await database.query<{ version: string; schema: string }>(
      "select extversion as version, extnamespace::regnamespace::text as schema from pg_extension where extname = 'vector'",
    );
    expect(row.schema).toBe("extensions");
    expect(row.version).toMatch(/^0\.8\.\d+$/);
  });

  it("has row-level security on every table outside the system schemas", async () => {
    // supabase_migrations is the CLI's own bookkeeping; no API role may read it instead.
    const unprotected = await database.query<{ name: string }>(`
      select n.nspname || '.' || c.relname as name
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p') and not c.relrowsecurity
        and n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast', 'supabase_migrations')
      order by 1`);
    expect(unprotected).toEqual([]);
    const [history] = await database.query<{ readable: boolean }>(`
      select has_table_privilege('anon', 'supabase_migrations.schema_migrations', 'select')
          or has_table_privilege('authenticated', 'supabase_migrations.schema_migrations', 'select') as readable`);
    expect(history.readable).toBe(false);
  });

  it("gives every public table policies for authenticated callers only", async () => {
    const rows = await database.query<{ table: string; policies: number; for_others: number }>(`
      select c.relname as table,
             count(p.polname)::int as policies,
             count(p.polname) filter (where p.polroles <> array['authenticated'::regrole]::oid[])::int as for_others
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
      left join pg_policy p on p.polrelid = c.oid
      where c.relkind = 'r'
      group by 1 order by 1`);
    expect(rows.filter((row) => row.policies === 0 || row.for_others > 0)).toEqual([]);
    expect(rows.length).toBeGreaterThanOrEqual(12);
  });

  it("indexes embeddings with HNSW (cosine), tags and full text with GIN", async () => {
    const rows = await database.query<{ name: string; definition: string }>(
      "select indexname as name, indexdef as definition from pg_indexes where tablename = 'patterns' and indexdef ~ 'USING (hnsw|gin)' order by 1",
    );
    // One graph for the whole table, and one per pattern type but function_pattern (20261209130003).
    const partial = (type: string) => expect.stringMatching(new RegExp(`USING hnsw \\(embedding (extensions\\.)?vector_cosine_ops\\) WHERE \\(pattern_type = '${type}'::text\\)`));
    expect(rows).toEqual([
      { name: "patterns_embedding_class_idx", definition: partial("class_pattern") },
      { name: "patterns_embedding_design_idx", definition: partial("design_pattern") },
      { name: "patterns_embedding_idx", definition: expect.stringMatching(/USING hnsw \(embedding (extensions\.)?vector_cosine_ops\)$/) },
      { name: "patterns_embedding_interaction_idx", definition: partial("interaction_pattern") },
      { name: "patterns_search_vector_idx", definition: expect.stringContaining("USING gin (search_vector)") },
      { name: "patterns_tags_idx", definition: expect.stringContaining("USING gin (tags)") },
    ]);
  });

  it("indexes every foreign key by its leading columns", async () => {
    // A foreign key without an index makes every delete of its parent scan the child table.
    const unindexed = await database.query<{ name: string }>(`
      select c.conrelid::regclass::text || ' ' || c.conname as name
      from pg_constraint c
      where c.contype = 'f' and c.connamespace = 'public'::regnamespace
        and not exists (
          select 1 from pg_index i
          where i.indrelid = c.conrelid
            and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] @> c.conkey
            and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] <@ c.conkey
        )
      order by 1`);
    expect(unindexed).toEqual([]);
  });

  it("finds patterns by cosine distance and by full text, as a member", async () => {
    const { ada } = await createUsers(database, ["ada"] as const);
    const found = await commitAs(database, userClaims(ada), async (transaction) => {
      const [project] = await transaction.query<{ id: string }>("select id from public.create_project('Search', 'search')");
      const vector = (hot: number) => `[${Array.from({ length: 384 }, (_, index) => (index === hot ? 1 : 0)).join(",")}]`;
      await transaction.query(
        `insert into public.patterns (project_id, pattern_type, name, description, search_text, embedding)
         values ($1, 'function_pattern', 'Retry with exponential backoff', 'Retries a call', 'retry_call sleep attempts', $2),
                ($1, 'function_pattern', 'Cached lookup', 'Memoises results', 'lru_cache', $3)`,
        [project.id, vector(0), vector(1)],
      );
      const nearest = await transaction.query<{ name: string }>(
        "select name from public.patterns order by embedding <=> $1 limit 1",
        [vector(1)],
      );
      const text = await transaction.query<{ name: string }>(
        "select name from public.patterns where search_vector @@ websearch_to_tsquery('english', 'retries attempts')",
      );
      return { nearest: nearest.map((row) => row.name), text: text.map((row) => row.name) };
    });
    expect(found).toEqual({ nearest: ["Cached lookup"], text: ["Retry with exponential backoff"] });
  });

  it("derives success_rate from the counts", async () => {
    const rate = () => database.query<{ rate: number | null }>("select success_rate as rate from public.patterns where name = 'Cached lookup'");
    expect(await rate()).toEqual([{ rate: null }]);
    await database.query("update public.patterns set success_count = 3, failure_count = 1 where name = 'Cached lookup'");
    expect(await rate()).toEqual([{ rate: 0.75 }]);
  });

  it("announces each new pattern event on the pattern_events channel after commit", async () => {
    const payloads: string[] = [];
    const unlisten = await database.listen("pattern_events", (payload) => payloads.push(payload));
    const [{ ada }] = await database.query<{ ada: string }>("select id as ada from auth.users where email = 'ada@example.com'");
    const [project] = await database.query<{ id: string }>("select id from public.projects where slug = 'search'");
    const [event] = await commitAs(database, userClaims(ada), (transaction) =>
      transaction.query<{ id: number }>("insert into public.pattern_events (project_id, event_type) values ($1, 'pattern.created') returning id", [project.id]),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    await unlisten();
    expect(payloads.map((payload) => JSON.parse(payload))).toEqual([
      { id: Number(event.id), project_id: project.id, event_type: "pattern.created" },
    ]);
  });
});
