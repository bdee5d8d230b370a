import { beforeAll, describe, expect, it } from "vitest";
import { anonymousClaims, type Database, type JwtClaims, type Queryable } from "@/lib/db";
import { createTestDatabase } from "../support/test-database";
import { apiKeyClaims, probeAs, userClaims, type Caller, type Outcome } from "./support/run-as";
import { buildWorld, type World } from "./support/world";

// The rules beyond who-may-touch-what: tenants stay apart, roles cannot be taken, rows
// cannot change project, the last admin stays, API keys are confined to their project.

describe("row-level security rules", () => {
  let database: Database;
  let world: World;

  beforeAll(async () => {
    database = await createTestDatabase();
    world = await buildWorld(database);
    return () => database.close();
  });

  const probe = <T>(caller: Caller, fn: (transaction: Queryable) => Promise<T>) => probeAs(database, caller, fn);
  const rows = (caller: Caller, sql: string, params: unknown[] = []) => probe(caller, (transaction) => transaction.query(sql, params));
  const failure = (outcome: Outcome<unknown>) => (outcome.ok ? "succeeded" : { code: outcome.code, message: outcome.message });
  const asUser = (name: keyof World["users"]): JwtClaims => userClaims(world.users[name]);

  describe("tenants", () => {
    it("a member of alpha reads nothing of beta and cannot write into it", async () => {
      const bob = asUser("bob");
      expect(await rows(bob, "select id from public.patterns where project_id = $1", [world.beta.id])).toEqual({ ok: true, value: [] });
      expect(await rows(bob, "update public.patterns set name = 'x' where project_id = $1 returning 1", [world.beta.id])).toEqual({ ok: true, value: [] });
      expect(await rows(bob, "delete from public.jobs where project_id = $1 returning 1", [world.beta.id])).toEqual({ ok: true, value: [] });
      const insert = await rows(bob, "insert into public.sessions (project_id) values ($1)", [world.beta.id]);
      expect(failure(insert)).toMatchObject({ code: "42501", message: expect.stringMatching(/row-level security/) });
    });

    it("a user in both projects sees both, and each row under its own project", async () => {
      const outcome = await rows(asUser("frank"), "select p.slug, count(*)::int as patterns from public.patterns t join public.projects p on p.id = t.project_id group by 1 order by 1");
      expect(outcome).toEqual({ ok: true, value: [{ slug: "alpha", patterns: 2 }, { slug: "beta", patterns: 2 }] });
    });

    it("a relationship cannot join patterns of two projects, whoever asks", async () => {
      const sql = `insert into public.pattern_relationships (project_id, source_pattern_id, target_pattern_id, relationship_type)
                   values ($1, $2, $3, 'USES')`;
      for (const caller of [asUser("frank"), "service_role"] as const) {
        const outcome = await rows(caller, sql, [world.alpha.id, world.alpha.patterns[0], world.beta.patterns[0]]);
        expect(failure(outcome)).toMatchObject({ code: "23503" });
      }
    });

    it("occurrences, usage and events cannot point at another project's rows", async () => {
      const frank = asUser("frank");
      const attempts = [
        ["insert into public.pattern_occurrences (project_id, pattern_id, file_path, start_line, end_line) values ($1, $2, 'x.py', 1, 1)", [world.alpha.id, world.beta.patterns[0]]],
        ["insert into public.pattern_usage (project_id, pattern_id, session_id) values ($1, $2, $3)", [world.alpha.id, world.alpha.patterns[0], world.beta.session]],
        ["insert into public.pattern_events (project_id, pattern_id, event_type) values ($1, $2, 'pattern.used')", [world.alpha.id, world.beta.patterns[0]]],
        ["insert into public.model_usage (project_id, task, provider, model, is_local, job_id) values ($1, 't', 'p', 'm', true, $2)", [world.alpha.id, world.beta.job]],
      ] as const;
      for (const [sql, params] of attempts) expect(failure(await rows(frank, sql, [...params]))).toMatchObject({ code: "23503" });
    });
  });

  describe("moving rows", () => {
    it("a pattern cannot be moved into another project, even by a member of both", async () => {
      const outcome = await rows(asUser("frank"), "update public.patterns set project_id = $1 where id = $2", [world.beta.id, world.alpha.patterns[0]]);
      expect(failure(outcome)).toEqual({ code: "23514", message: "a row of patterns cannot move to another project" });
    });

    it("no project-scoped row of any table moves, not even for service_role", async () => {
      const tables = await database.query<{ table_name: string }>(
        `select table_name from information_schema.columns
         where table_schema = 'public' and column_name = 'project_id' order by 1`,
      );
      expect(tables.length).toBeGreaterThanOrEqual(11);
      for (const { table_name: table } of tables) {
        const outcome = await rows("service_role", `update public.${table} set project_id = $1 where project_id = $2`, [world.beta.id, world.alpha.id]);
        expect([table, failure(outcome)]).toEqual([table, expect.objectContaining({ code: "23514" })]);
      }
    });
  });

  describe("roles", () => {
    it("a member cannot promote itself: the update touches no row", async () => {
      const bob = asUser("bob");
      const outcome = await probe(bob, async (transaction) => {
        const updated = await transaction.query(
          "update public.project_members set role = 'admin' where project_id = $1 and user_id = $2 returning 1",
          [world.alpha.id, world.users.bob],
        );
        const [mine] = await transaction.query("select role from public.project_members where project_id = $1 and user_id = $2", [
          world.alpha.id,
          world.users.bob,
        ]);
        return { updated: updated.length, role: mine.role };
      });
      expect(outcome).toEqual({ ok: true, value: { updated: 0, role: "member" } });
    });

    it("a member cannot add members, neither by insert nor through add_project_member or invite_project_member", async () => {
      const bob = asUser("bob");
      const insert = await rows(bob, "insert into public.project_members (project_id, user_id, role) values ($1, $2, 'admin')", [world.alpha.id, world.users.erin]);
      expect(failure(insert)).toMatchObject({ code: "42501" });
      const call = await rows(bob, "select * from public.add_project_member($1, 'erin@example.com', 'viewer')", [world.alpha.id]);
      expect(failure(call)).toEqual({ code: "42501", message: "permission denied for function add_project_member" });
      const invitation = await rows(bob, "select * from public.invite_project_member($1, 'erin@example.com', 'viewer')", [world.alpha.id]);
      expect(failure(invitation)).toEqual({ code: "42501", message: "only a project admin can invite members" });
    });

    it("the last admin can neither leave nor be demoted, not even by service_role", async () => {
      const leave = "delete from public.project_members where project_id = $1 and user_id = $2";
      const demote = "update public.project_members set role = 'member' where project_id = $1 and user_id = $2";
      for (const caller of [asUser("alice"), "service_role"] as const) {
        for (const sql of [leave, demote]) {
          expect(failure(await rows(caller, sql, [world.alpha.id, world.users.alice]))).toEqual({
            code: "P0001",
            message: "a project must keep at least one admin",
          });
        }
      }
    });

    it("an admin can step down once another admin exists", async () => {
      const outcome = await probe(asUser("alice"), async (transaction) => {
        await transaction.query("update public.project_members set role = 'admin' where project_id = $1 and user_id = $2", [world.alpha.id, world.users.bob]);
        await transaction.query("delete from public.project_members where project_id = $1 and user_id = $2", [world.alpha.id, world.users.alice]);
        return transaction.query("select count(*)::int as seen from public.patterns");
      });
      // Once alice has left she sees nothing of alpha any more.
      expect(outcome).toEqual({ ok: true, value: [{ seen: 0 }] });
    });

    it("deleting a project or an account takes the memberships along, last admin or not", async () => {
      const project = await probe(asUser("alice"), async (transaction) => {
        await transaction.query("delete from public.projects where id = $1", [world.alpha.id]);
        return transaction.query("select count(*)::int as left from public.project_members where project_id = $1", [world.alpha.id]);
      });
      expect(project).toEqual({ ok: true, value: [{ left: 0 }] });
      const account = await probe("service_role", async (transaction) => {
        await transaction.query("delete from auth.users where id = $1", [world.users.dave]);
        return transaction.query("select count(*)::int as left from public.project_members where user_id = $1", [world.users.dave]);
      });
      expect(account).toEqual({ ok: true, value: [{ left: 0 }] });
    });

    it("a membership cannot be handed to another user", async () => {
      const outcome = await rows(asUser("alice"), "update public.project_members set user_id = $1 where project_id = $2 and user_id = $3", [
        world.users.erin,
        world.alpha.id,
        world.users.carol,
      ]);
      expect(failure(outcome)).toMatchObject({ code: "23514", message: "a membership cannot move to another project or user" });
    });
  });

  describe("API keys", () => {
    it("a key acts in its own project only, whatever user id rides along in sub", async () => {
      // A beta key presented with alice's id as sub still holds only the key's role.
      const claims = { ...apiKeyClaims(world.keys.betaMember), sub: world.users.alice };
      const seen = await rows(claims, "select p.slug from public.patterns t join public.projects p on p.id = t.project_id group by 1");
      expect(seen).toEqual({ ok: true, value: [{ slug: "beta" }] });
      const write = await rows(claims, "insert into public.patterns (project_id, pattern_type, name) values ($1, 'function_pattern', 'x')", [world.alpha.id]);
      expect(failure(write)).toMatchObject({ code: "42501" });
    });

    it("rows written with a key are attributed to the key", async () => {
      const outcome = await rows(apiKeyClaims(world.keys.alphaMember),
        "insert into public.patterns (project_id, pattern_type, name) values ($1, 'function_pattern', 'x') returning created_by", [world.alpha.id]);
      expect(outcome).toEqual({ ok: true, value: [{ created_by: world.keys.alphaMember }] });
    });

    it("a key stops working in the transaction that revokes it", async () => {
      const outcome = await probe(apiKeyClaims(world.keys.alphaMember), async (transaction) => {
        const before = await transaction.query("select id from public.patterns");
        await transaction.query("select set_config('role', 'service_role', true)");
        await transaction.query("update public.api_keys set revoked_at = now() where id = $1", [world.keys.alphaMember]);
        await transaction.query("select set_config('role', 'authenticated', true)");
        const after = await transaction.query("select id from public.patterns");
        return [before.length, after.length];
      });
      expect(outcome).toEqual({ ok: true, value: [2, 0] });
    });

    it("a revoked key stays revoked and a key's hash never changes", async () => {
      const alice = asUser("alice");
      const revive = await rows(alice, "update public.api_keys set revoked_at = null where id = $1", [world.keys.alphaRevoked]);
      expect(failure(revive)).toEqual({ code: "23514", message: "a revoked API key stays revoked" });
      const rehash = await rows(alice, "update public.api_keys set key_hash = repeat('0', 64) where id = $1", [world.keys.alphaMember]);
      expect(failure(rehash)).toEqual({ code: "23514", message: "the hash of an API key cannot change" });
    });
  });

  describe("anonymous callers", () => {
    it("cannot reach the role helpers or the membership functions", async () => {
      const helper = await rows(anonymousClaims, "select private.project_role($1)", [world.alpha.id]);
      expect(failure(helper)).toMatchObject({ code: "42501", message: "permission denied for schema private" });
      const list = await rows(anonymousClaims, "select * from public.list_project_members($1)", [world.alpha.id]);
      expect(failure(list)).toMatchObject({ code: "42501", message: "permission denied for function list_project_members" });
    });

    it("hold no role even when the claims carry a user id", async () => {
      const claims: JwtClaims = { role: "anon", sub: world.users.alice };
      expect(await rows(claims, "select id from public.projects")).toEqual({ ok: true, value: [] });
    });
  });
});
