import { beforeAll, describe, expect, it } from "vitest";
import { anonymousClaims, type Database, type JwtClaims } from "@/lib/db";
import { createTestDatabase } from "../support/test-database";
import { apiKeyClaims, probeAs, userClaims } from "./support/run-as";
import { buildWorld, keyHash, type World } from "./support/world";

// Every table × every kind of caller × select / insert / update / delete, against project
// alpha. Each probe runs in its own transaction and is rolled back, so all share one world.

type CallerName =
  | "admin" | "member" | "viewer" | "outsider" | "anon"
  | "adminKey" | "memberKey" | "viewerKey" | "revokedKey";

function callers(world: World): Record<CallerName, JwtClaims> {
  return {
    admin: userClaims(world.users.alice),
    member: userClaims(world.users.bob),
    viewer: userClaims(world.users.carol),
    // dave is admin of beta: what he sees of alpha is what any other team sees.
    outsider: userClaims(world.users.dave),
    anon: anonymousClaims,
    adminKey: apiKeyClaims(world.keys.alphaAdmin),
    memberKey: apiKeyClaims(world.keys.alphaMember),
    viewerKey: apiKeyClaims(world.keys.alphaViewer),
    revokedKey: apiKeyClaims(world.keys.alphaRevoked),
  };
}

/** select: whose rows the caller sees (alpha's, beta's, none); insert: ok or the SQLSTATE; update/delete: rows affected. */
type Expected = {
  select: Record<CallerName, "alpha" | "beta" | "none">;
  insert: Record<CallerName, "ok" | "42501">;
  update: Record<CallerName, 0 | 1>;
  delete: Record<CallerName, 0 | 1>;
};

const projectData: Expected = {
  select: { admin: "alpha", member: "alpha", viewer: "alpha", outsider: "beta", anon: "none", adminKey: "alpha", memberKey: "alpha", viewerKey: "alpha", revokedKey: "none" },
  insert: { admin: "ok", member: "ok", viewer: "42501", outsider: "42501", anon: "42501", adminKey: "ok", memberKey: "ok", viewerKey: "42501", revokedKey: "42501" },
  update: { admin: 1, member: 1, viewer: 0, outsider: 0, anon: 0, adminKey: 1, memberKey: 1, viewerKey: 0, revokedKey: 0 },
  delete: { admin: 1, member: 1, viewer: 0, outsider: 0, anon: 0, adminKey: 1, memberKey: 1, viewerKey: 0, revokedKey: 0 },
};

const nobody = { admin: 0, member: 0, viewer: 0, outsider: 0, anon: 0, adminKey: 0, memberKey: 0, viewerKey: 0, revokedKey: 0 } as const;
const adminUserOnly = { ...nobody, admin: 1 } as const;
const nobodyInserts = { admin: "42501", member: "42501", viewer: "42501", outsider: "42501", anon: "42501", adminKey: "42501", memberKey: "42501", viewerKey: "42501", revokedKey: "42501" } as const;

const expectations = {
  projectData,
  // Members archive patterns; only admins remove one for good.
  patterns: { ...projectData, delete: { ...projectData.delete, member: 0, memberKey: 0 } },
  // The feed is append-only: members add events, nobody edits or deletes them.
  feed: { ...projectData, update: nobody, delete: nobody },
  // Inserted only through create_project; only admins who are users change or delete.
  projects: { select: projectData.select, insert: nobodyInserts, update: adminUserOnly, delete: adminUserOnly },
  members: { select: projectData.select, insert: { ...nobodyInserts, admin: "ok" }, update: adminUserOnly, delete: adminUserOnly },
  // LLM budgets are settings: every role reads them, admins (users or admin keys) set them.
  budgets: {
    select: projectData.select,
    insert: { ...nobodyInserts, admin: "ok", adminKey: "ok" },
    update: { ...nobody, admin: 1, adminKey: 1 },
    delete: { ...nobody, admin: 1, adminKey: 1 },
  },
  // Only admins who are users see keys; keys are revoked, never deleted.
  apiKeys: {
    select: { admin: "alpha", member: "none", viewer: "none", outsider: "beta", anon: "none", adminKey: "none", memberKey: "none", viewerKey: "none", revokedKey: "none" },
    insert: { ...nobodyInserts, admin: "ok" },
    update: adminUserOnly,
    delete: nobody,
  },
  // Only admins who are users see and withdraw invitations; they are made through
  // invite_project_member and consumed by accept_invitation, never written directly.
  invitations: {
    select: { admin: "alpha", member: "none", viewer: "none", outsider: "beta", anon: "none", adminKey: "none", memberKey: "none", viewerKey: "none", revokedKey: "none" },
    insert: nobodyInserts,
    update: nobody,
    delete: adminUserOnly,
  },
  // Connections hold (encrypted) secrets: admins only, users or admin keys.
  githubConnections: {
    select: { admin: "alpha", member: "none", viewer: "none", outsider: "beta", anon: "none", adminKey: "alpha", memberKey: "none", viewerKey: "none", revokedKey: "none" },
    insert: { ...nobodyInserts, admin: "ok", adminKey: "ok" },
    update: { ...nobody, admin: 1, adminKey: 1 },
    delete: { ...nobody, admin: 1, adminKey: 1 },
  },
  // Written by the webhook (service_role) only; project roles read them.
  githubDeliveries: { select: projectData.select, insert: nobodyInserts, update: nobody, delete: nobody },
} satisfies Record<string, Expected>;

interface Statement {
  sql: string;
  params: unknown[];
}

interface TableCase {
  table: string;
  /** The column naming the row's project. */
  projectColumn: "id" | "project_id";
  /** Rows seeded in each project. */
  rows: { alpha: number; beta: number };
  expected: Expected;
  /** Statements against alpha, each with `returning 1` so affected rows can be counted. */
  insert(world: World): Statement;
  update(world: World): Statement;
  delete(world: World): Statement;
}

function byId(table: string, set: string, id: (world: World) => string) {
  return {
    update: (world: World) => ({ sql: `update public.${table} set ${set} where id = $1 returning 1`, params: [id(world)] }),
    delete: (world: World) => ({ sql: `delete from public.${table} where id = $1 returning 1`, params: [id(world)] }),
  };
}

const tables: TableCase[] = [
  {
    table: "projects", projectColumn: "id", rows: { alpha: 1, beta: 1 }, expected: expectations.projects,
    insert: () => ({ sql: "insert into public.projects (name, slug) values ('Gamma', 'gamma') returning 1", params: [] }),
    ...byId("projects", "name = 'Renamed'", (world) => world.alpha.id),
  },
  {
    table: "project_members", projectColumn: "project_id", rows: { alpha: 4, beta: 2 }, expected: expectations.members,
    insert: (world) => ({
      sql: "insert into public.project_members (project_id, user_id, role) values ($1, $2, 'viewer') returning 1",
      params: [world.alpha.id, world.users.erin],
    }),
    // Promotes carol (the viewer): for carol herself, this is promoting oneself.
    update: (world) => ({
      sql: "update public.project_members set role = 'member' where project_id = $1 and user_id = $2 returning 1",
      params: [world.alpha.id, world.users.carol],
    }),
    delete: (world) => ({
      sql: "delete from public.project_members where project_id = $1 and user_id = $2 returning 1",
      params: [world.alpha.id, world.users.carol],
    }),
  },
  {
    table: "api_keys", projectColumn: "project_id", rows: { alpha: 4, beta: 1 }, expected: expectations.apiKeys,
    insert: (world) => ({
      sql: "insert into public.api_keys (project_id, name, role, key_prefix, key_hash) values ($1, 'ci', 'member', 'motif_', $2) returning 1",
      params: [world.alpha.id, keyHash("a new key")],
    }),
    ...byId("api_keys", "revoked_at = now()", (world) => world.keys.alphaViewer),
  },
  {
    table: "patterns", projectColumn: "project_id", rows: { alpha: 2, beta: 2 }, expected: expectations.patterns,
    insert: (world) => ({
      sql: "insert into public.patterns (project_id, pattern_type, name) values ($1, 'class_pattern', 'Repository') returning 1",
      params: [world.alpha.id],
    }),
    ...byId("patterns", "description = 'changed'", (world) => world.alpha.patterns[0]),
  },
  {
    table: "pattern_occurrences", projectColumn: "project_id", rows: { alpha: 1, beta: 1 }, expected: expectations.projectData,
    insert: (world) => ({
      sql: "insert into public.pattern_occurrences (project_id, pattern_id, file_path, start_line, end_line) values ($1, $2, 'src/b.py', 1, 4) returning 1",
      params: [world.alpha.id, world.alpha.patterns[0]],
    }),
    ...byId("pattern_occurrences", "end_line = end_line + 1", (world) => world.alpha.occurrence),
  },
  {
    table: "pattern_relationships", projectColumn: "project_id", rows: { alpha: 1, beta: 1 }, expected: expectations.projectData,
    insert: (world) => ({
      sql: "insert into public.pattern_relationships (project_id, source_pattern_id, target_pattern_id, relationship_type) values ($1, $2, $3, 'USES') returning 1",
      params: [world.alpha.id, world.alpha.patterns[1], world.alpha.patterns[0]],
    }),
    ...byId("pattern_relationships", "strength = 0.5", (world) => world.alpha.relationship),
  },
  {
    table: "pattern_validations", projectColumn: "project_id", rows: { alpha: 1, beta: 1 }, expected: expectations.projectData,
    insert: (world) => ({
      sql: "insert into public.pattern_validations (project_id, pattern_id, verdict) values ($1, $2, 'contradicted') returning 1",
      params: [world.alpha.id, world.alpha.patterns[0]],
    }),
    ...byId("pattern_validations", "comment = 'checked'", (world) => world.alpha.validation),
  },
  {
    table: "pattern_usage", projectColumn: "project_id", rows: { alpha: 1, beta: 1 }, expected: expectations.projectData,
    insert: (world) => ({
      sql: "insert into public.pattern_usage (project_id, pattern_id, outcome, rating) values ($1, $2, 'successful', 5) returning 1",
      params: [world.alpha.id, world.alpha.patterns[0]],
    }),
    ...byId("pattern_usage", "outcome = 'failed'", (world) => world.alpha.usage),
  },
  {
    table: "pattern_events", projectColumn: "project_id", rows: { alpha: 1, beta: 1 }, expected: expectations.feed,
    insert: (world) => ({
      sql: "insert into public.pattern_events (project_id, event_type) values ($1, 'pattern.viewed') returning 1",
      params: [world.alpha.id],
    }),
    ...byId("pattern_events", `event_data = '{"edited": true}'`, (world) => world.alpha.event),
  },
  {
    table: "sessions", projectColumn: "project_id", rows: { alpha: 1, beta: 1 }, expected: expectations.projectData,
    insert: (world) => ({ sql: "insert into public.sessions (project_id, title) values ($1, 'review') returning 1", params: [world.alpha.id] }),
    ...byId("sessions", "status = 'analysed'", (world) => world.alpha.session),
  },
  {
    table: "model_usage", projectColumn: "project_id", rows: { alpha: 1, beta: 1 }, expected: expectations.projectData,
    insert: (world) => ({
      sql: "insert into public.model_usage (project_id, task, provider, model, is_local, input_tokens) values ($1, 'describe_pattern', 'openai', 'gpt-4o-mini', false, 120) returning 1",
      params: [world.alpha.id],
    }),
    ...byId("model_usage", "latency_ms = 42", (world) => world.alpha.modelUsage),
  },
  {
    table: "project_invitations", projectColumn: "project_id", rows: { alpha: 1, beta: 1 }, expected: expectations.invitations,
    insert: (world) => ({
      sql: "insert into public.project_invitations (project_id, email, role) values ($1, 'new@example.com', 'member') returning 1",
      params: [world.alpha.id],
    }),
    ...byId("project_invitations", "role = 'admin'", (world) => world.alpha.invitation),
  },
  {
    table: "llm_budgets", projectColumn: "project_id", rows: { alpha: 1, beta: 1 }, expected: expectations.budgets,
    // As `motif budget` and PUT .../budget write it: an upsert of the project's one row.
    insert: (world) => ({
      sql: "insert into public.llm_budgets (project_id, daily_usd) values ($1, 1) on conflict (project_id) do update set daily_usd = excluded.daily_usd returning 1",
      params: [world.alpha.id],
    }),
    update: (world) => ({ sql: "update public.llm_budgets set monthly_usd = 20 where project_id = $1 returning 1", params: [world.alpha.id] }),
    delete: (world) => ({ sql: "delete from public.llm_budgets where project_id = $1 returning 1", params: [world.alpha.id] }),
  },
  {
    table: "jobs", projectColumn: "project_id", rows: { alpha: 1, beta: 1 }, expected: expectations.projectData,
    insert: (world) => ({ sql: "insert into public.jobs (project_id, job_type) values ($1, 'embed') returning 1", params: [world.alpha.id] }),
    ...byId("jobs", "status = 'cancelled'", (world) => world.alpha.job),
  },
  {
    table: "source_files", projectColumn: "project_id", rows: { alpha: 1, beta: 1 }, expected: expectations.projectData,
    insert: (world) => ({
      sql: "insert into public.source_files (project_id, file_path, content_hash, extractor_version) values ($1, 'src/b.py', repeat('c', 40), 'v1') returning 1",
      params: [world.alpha.id],
    }),
    update: (world) => ({ sql: "update public.source_files set failure = 'changed' where project_id = $1 returning 1", params: [world.alpha.id] }),
    delete: (world) => ({ sql: "delete from public.source_files where project_id = $1 returning 1", params: [world.alpha.id] }),
  },
  {
    table: "source_repositories", projectColumn: "project_id", rows: { alpha: 1, beta: 1 }, expected: expectations.projectData,
    insert: (world) => ({
      sql: "insert into public.source_repositories (project_id, repository) values ($1, 'other') returning 1",
      params: [world.alpha.id],
    }),
    update: (world) => ({ sql: "update public.source_repositories set commit_sha = repeat('d', 40) where project_id = $1 returning 1", params: [world.alpha.id] }),
    delete: (world) => ({ sql: "delete from public.source_repositories where project_id = $1 returning 1", params: [world.alpha.id] }),
  },
  {
    table: "github_connections", projectColumn: "project_id", rows: { alpha: 1, beta: 1 }, expected: expectations.githubConnections,
    insert: (world) => ({
      sql: "insert into public.github_connections (project_id, repository, webhook_secret_encrypted, token_encrypted) values ($1, 'acme/other', 's', 't') returning 1",
      params: [world.alpha.id],
    }),
    ...byId("github_connections", "token_encrypted = 'changed'", (world) => world.alpha.githubConnection),
  },
  {
    table: "github_deliveries", projectColumn: "project_id", rows: { alpha: 1, beta: 1 }, expected: expectations.githubDeliveries,
    insert: (world) => ({
      sql: "insert into public.github_deliveries (connection_id, project_id, delivery_id, event, status) values ($1, $2, 'delivery-2', 'ping', 'answered') returning 1",
      params: [world.alpha.githubConnection, world.alpha.id],
    }),
    update: (world) => ({ sql: "update public.github_deliveries set status = 'ignored' where project_id = $1 returning 1", params: [world.alpha.id] }),
    delete: (world) => ({ sql: "delete from public.github_deliveries where project_id = $1 returning 1", params: [world.alpha.id] }),
  },
];

describe("row-level security, table by table", () => {
  let database: Database;
  let world: World;

  beforeAll(async () => {
    database = await createTestDatabase();
    world = await buildWorld(database);
    return () => database.close();
  });

  /** Runs one statement as every caller and collects what each got. */
  async function outcomes<T>(run: (claims: JwtClaims) => Promise<T>) {
    const result = {} as Record<CallerName, T>;
    for (const [name, claims] of Object.entries(callers(world)) as [CallerName, JwtClaims][]) {
      result[name] = await run(claims);
    }
    return result;
  }

  async function affected(claims: JwtClaims, statement: Statement) {
    const outcome = await probeAs(database, claims, (transaction) => transaction.query(statement.sql, statement.params));
    if (!outcome.ok) throw new Error(`${statement.sql} failed: ${outcome.code} ${outcome.message}`);
    return outcome.value.length;
  }

  it("covers every table of the public schema", async () => {
    const rows = await database.query<{ name: string }>(
      "select tablename as name from pg_tables where schemaname = 'public' order by 1",
    );
    expect(tables.map((table) => table.table).sort()).toEqual(rows.map((row) => row.name));
  });

  describe.each(tables)("$table", (table) => {
    it("select: members of alpha see alpha's rows only, others see none of them", async () => {
      const actual = await outcomes(async (claims) => {
        const outcome = await probeAs(database, claims, (transaction) =>
          transaction.query<{ alpha: number; beta: number }>(
            `select count(*) filter (where ${table.projectColumn} = $1)::int as alpha,
                    count(*) filter (where ${table.projectColumn} = $2)::int as beta
             from public.${table.table}`,
            [world.alpha.id, world.beta.id],
          ),
        );
        if (!outcome.ok) throw new Error(outcome.message);
        const [{ alpha, beta }] = outcome.value;
        if (alpha === table.rows.alpha && beta === 0) return "alpha";
        if (alpha === 0 && beta === table.rows.beta) return "beta";
        if (alpha === 0 && beta === 0) return "none";
        return `alpha ${alpha}, beta ${beta}`;
      });
      expect(actual).toEqual(table.expected.select);
    });

    it("insert into alpha: allowed, or refused with 42501 by row-level security", async () => {
      const actual = await outcomes(async (claims) => {
        const statement = table.insert(world);
        const outcome = await probeAs(database, claims, (transaction) => transaction.query(statement.sql, statement.params));
        if (outcome.ok) return outcome.value.length === 1 ? "ok" : `${outcome.value.length} rows`;
        return outcome.code === "42501" && /row-level security/.test(outcome.message) ? "42501" : `${outcome.code} ${outcome.message}`;
      });
      expect(actual).toEqual(table.expected.insert);
    });

    it("update of an alpha row: 1 row changed, or 0 (filtered out, no error)", async () => {
      expect(await outcomes((claims) => affected(claims, table.update(world)))).toEqual(table.expected.update);
    });

    it("delete of an alpha row: 1 row deleted, or 0 (filtered out, no error)", async () => {
      expect(await outcomes((claims) => affected(claims, table.delete(world)))).toEqual(table.expected.delete);
    });
  });
});

describe("pattern counters, column by column", () => {
  let database: Database;
  let world: World;

  beforeAll(async () => {
    database = await createTestDatabase();
    world = await buildWorld(database);
    return () => database.close();
  });

  const counters = [
    "usage_count = 999", "success_count = 999", "failure_count = 1", "rating_count = 9", "rating_sum = 45", "avg_rating = 5",
    "last_used_at = now()", "validation_count = 99", "contradiction_count = 0", "match_count = 10000", "last_matched_at = now()",
    "agent_match_count = 10000",
  ];

  async function attempt(claims: JwtClaims, sql: string, params: unknown[]) {
    const outcome = await probeAs(database, claims, (transaction) => transaction.query(sql, params));
    if (outcome.ok) return `${outcome.value.length} rows`;
    return /permission denied/.test(outcome.message) ? outcome.code : `${outcome.code} ${outcome.message}`;
  }

  it("no caller sets a counter directly, by update or insert; only service_role may", async () => {
    const all = callers(world);
    for (const set of counters) {
      const sql = `update public.patterns set ${set} where id = $1 returning 1`;
      for (const name of ["admin", "member", "adminKey", "memberKey", "viewer", "outsider", "anon"] as const) {
        expect(`${name}: ${set} → ${await attempt(all[name], sql, [world.alpha.patterns[0]])}`).toBe(`${name}: ${set} → 42501`);
      }
    }
    const insert = "insert into public.patterns (project_id, pattern_type, name, usage_count, match_count) values ($1, 'function_pattern', 'Inflated', 50, 50) returning 1";
    expect(await attempt(all.member, insert, [world.alpha.id])).toBe("42501");
    const trusted = await probeAs(database, "service_role", (transaction) =>
      transaction.query("update public.patterns set match_count = 3 where id = $1 returning 1", [world.alpha.patterns[0]]));
    expect(trusted).toMatchObject({ ok: true, value: [{ "?column?": 1 }] });
  });

  it("editable columns stay editable for admins and members (name, description, status, tags)", async () => {
    const all = callers(world);
    const sql = "update public.patterns set name = 'Renamed', description = 'changed', status = 'deprecated', tags = '{x}' where id = $1 returning 1";
    const results = Object.fromEntries(await Promise.all((["admin", "member", "adminKey", "memberKey", "viewer"] as const)
      .map(async (name) => [name, await attempt(all[name], sql, [world.alpha.patterns[0]])])));
    expect(results).toEqual({ admin: "1 rows", member: "1 rows", adminKey: "1 rows", memberKey: "1 rows", viewer: "0 rows" });
  });

  it("counters move through real events: usage reports, validations, matches", async () => {
    const member = callers(world).member;
    const outcome = await probeAs(database, member, async (transaction) => {
      const id = world.alpha.patterns[1];
      await transaction.query("insert into public.pattern_usage (project_id, pattern_id, outcome, rating) values ($1, $2, 'successful', 4)", [world.alpha.id, id]);
      await transaction.query("insert into public.pattern_validations (project_id, pattern_id, verdict) values ($1, $2, 'validated')", [world.alpha.id, id]);
      await transaction.query("select public.record_pattern_matches($1::uuid[])", [[id]]);
      const [row] = await transaction.query<Record<string, number>>(
        "select usage_count, success_count, avg_rating, validation_count, match_count from public.patterns where id = $1", [id]);
      return row;
    });
    expect(outcome).toEqual({ ok: true, value: { usage_count: 1, success_count: 1, avg_rating: 4, validation_count: 1, match_count: 1 } });
  });

  it("grants every other column of patterns to API callers (a new column needs its grant)", async () => {
    const rows = await database.query<{ column: string; insert: boolean; update: boolean }>(
      `select a.attname as column,
         has_column_privilege('authenticated', 'public.patterns', a.attname, 'INSERT') as insert,
         has_column_privilege('authenticated', 'public.patterns', a.attname, 'UPDATE') as update
       from pg_attribute a where a.attrelid = 'public.patterns'::regclass and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
       order by a.attnum`);
    const counterColumns = counters.map((set) => set.split(" ")[0]);
    const identity = ["id", "created_by", "created_at"];
    for (const row of rows) {
      const expected = {
        column: row.column,
        insert: !counterColumns.includes(row.column),
        update: !counterColumns.includes(row.column) && !identity.includes(row.column),
      };
      expect(row).toEqual(expected);
    }
  });
});
