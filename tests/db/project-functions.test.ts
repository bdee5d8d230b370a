import { beforeAll, describe, expect, it } from "vitest";
import { anonymousClaims, type Database, type JwtClaims } from "@/lib/db";
import { createTestDatabase } from "../support/test-database";
import { apiKeyClaims, commitAs, probeAs, userClaims, type Caller, type Outcome } from "./support/run-as";
import { createUsers, keyHash } from "./support/world";

// The SQL contract the app layer calls: create_project, invite_project_member,
// accept_invitation, list_project_members, with the SQLSTATE of every refusal.

describe("project functions", () => {
  let database: Database;
  let users: Record<"olga" | "pete" | "quinn" | "rita", string>;
  let projectId: string;
  let adminKey: string;

  const call = (caller: Caller, sql: string, params: unknown[] = []) =>
    probeAs(database, caller, (transaction) => transaction.query(sql, params));
  const failure = (outcome: Outcome<unknown>) => (outcome.ok ? "succeeded" : { code: outcome.code, message: outcome.message });
  const olga = (): JwtClaims => userClaims(users.olga);

  beforeAll(async () => {
    database = await createTestDatabase();
    users = await createUsers(database, ["olga", "pete", "quinn", "rita"] as const);
    // olga creates "atlas" and invites pete, who accepts; quinn stays outside; rita is spare.
    let invitationId = "";
    projectId = await commitAs(database, olga(), async (transaction) => {
      const [project] = await transaction.query<{ id: string }>("select id from public.create_project('Atlas', 'atlas')");
      [{ id: invitationId }] = await transaction.query<{ id: string }>("select id from public.invite_project_member($1, 'pete@example.com', 'member')", [project.id]);
      return project.id;
    });
    await commitAs(database, userClaims(users.pete), (transaction) => transaction.query("select public.accept_invitation($1)", [invitationId]));
    adminKey = await commitAs(database, "service_role", async (transaction) => {
      const [key] = await transaction.query<{ id: string }>(
        "insert into public.api_keys (project_id, name, role, key_prefix, key_hash) values ($1, 'ci', 'admin', 'motif_', $2) returning id",
        [projectId, keyHash("atlas admin key")],
      );
      return key.id;
    });
    return () => database.close();
  });

  describe("create_project", () => {
    it("creates the project with the caller as created_by and as its admin", async () => {
      const outcome = await probeAs(database, olga(), async (transaction) => {
        const [project] = await transaction.query<{ id: string; name: string; slug: string; created_by: string }>(
          "select * from public.create_project(' Borealis ', 'borealis-2')",
        );
        const members = await transaction.query("select user_id, role from public.project_members where project_id = $1", [project.id]);
        return { name: project.name, slug: project.slug, created_by: project.created_by, members };
      });
      expect(outcome).toEqual({
        ok: true,
        value: { name: "Borealis", slug: "borealis-2", created_by: users.olga, members: [{ user_id: users.olga, role: "admin" }] },
      });
    });

    it.each(["A", "Atlas", "-atlas", "atlas_2", "a".repeat(64), "atlas!", ""])("refuses the slug %j with 22023 naming it", async (slug) => {
      const outcome = await call(olga(), "select public.create_project('X', $1)", [slug]);
      expect(failure(outcome)).toEqual({ code: "22023", message: expect.stringContaining(`invalid project slug "${slug}"`) });
    });

    it("refuses a blank name with 22023", async () => {
      expect(failure(await call(olga(), "select public.create_project('   ', 'blank')"))).toMatchObject({ code: "22023" });
    });

    it("refuses a slug that is taken with 23505", async () => {
      expect(failure(await call(userClaims(users.pete), "select public.create_project('Other', 'atlas')"))).toMatchObject({ code: "23505" });
    });

    it("refuses API keys, signed-out callers and callers without a user id with 42501", async () => {
      const message = "only a signed-in user can create a project";
      expect(failure(await call(apiKeyClaims(adminKey), "select public.create_project('K', 'by-key')"))).toEqual({ code: "42501", message });
      expect(failure(await call({ role: "authenticated" }, "select public.create_project('K', 'no-sub')"))).toEqual({ code: "42501", message });
      expect(failure(await call(anonymousClaims, "select public.create_project('K', 'anon')"))).toEqual({
        code: "42501",
        message: "permission denied for function create_project",
      });
    });

    it("is the only way in: a direct insert into projects is refused", async () => {
      const outcome = await call(olga(), "insert into public.projects (name, slug) values ('Direct', 'direct')");
      expect(failure(outcome)).toMatchObject({ code: "42501", message: expect.stringMatching(/row-level security/) });
    });
  });

  describe("invite_project_member and accept_invitation", () => {
    const invite = "select email, role from public.invite_project_member($1, $2, 'viewer')";

    it("invites an address in any case, the same way whether or not it has an account, and adds nobody", async () => {
      expect(await call(olga(), invite, [projectId, "  Quinn@Example.COM "])).toEqual({ ok: true, value: [{ email: "quinn@example.com", role: "viewer" }] });
      expect(await call(olga(), invite, [projectId, "nobody@example.com"])).toEqual({ ok: true, value: [{ email: "nobody@example.com", role: "viewer" }] });
      const members = await call(olga(), "select user_id from public.project_members where project_id = $1 and user_id = $2", [projectId, users.quinn]);
      expect(members).toEqual({ ok: true, value: [] });
    });

    it("lets only the invited account accept, and makes it a member with the invited role", async () => {
      const [invitation] = await commitAs(database, olga(), (transaction) =>
        transaction.query<{ id: string }>("select id from public.invite_project_member($1, 'quinn@example.com', 'viewer')", [projectId]),
      );
      const accept = "select project_id, user_id, role from public.accept_invitation($1)";
      expect(failure(await call(userClaims(users.rita), accept, [invitation.id]))).toMatchObject({ code: "P0002" });
      expect(failure(await call(apiKeyClaims(adminKey), accept, [invitation.id]))).toMatchObject({ code: "P0002" });
      expect(await call(userClaims(users.quinn), accept, [invitation.id])).toEqual({ ok: true, value: [{ project_id: projectId, user_id: users.quinn, role: "viewer" }] });
    });

    it("refuses anyone but an admin who is a user with 42501", async () => {
      const refused = { code: "42501", message: "only a project admin can invite members" };
      for (const caller of [userClaims(users.pete), userClaims(users.quinn), apiKeyClaims(adminKey)]) {
        expect(failure(await call(caller, invite, [projectId, "rita@example.com"]))).toEqual(refused);
      }
      expect(failure(await call(anonymousClaims, invite, [projectId, "rita@example.com"]))).toMatchObject({ code: "42501" });
    });

    it("refuses an existing member with 23505 and an unknown role with 22023", async () => {
      expect(failure(await call(olga(), invite, [projectId, "PETE@example.com"]))).toMatchObject({ code: "23505", message: expect.stringContaining("already a member") });
      const outcome = await call(olga(), "select public.invite_project_member($1, 'rita@example.com', 'owner')", [projectId]);
      expect(failure(outcome)).toEqual({ code: "22023", message: 'invalid role "owner": use admin, member or viewer' });
    });

    it("no longer lets users add members directly (add_project_member is for trusted work)", async () => {
      const outcome = await call(olga(), "select public.add_project_member($1, 'rita@example.com', 'viewer')", [projectId]);
      expect(failure(outcome)).toMatchObject({ code: "42501", message: "permission denied for function add_project_member" });
    });
  });

  describe("list_project_members", () => {
    const list = "select user_id, email, role from public.list_project_members($1)";

    it("shows every member with their email to anyone in the project", async () => {
      const expected = [
        { user_id: users.olga, email: "olga@example.com", role: "admin" },
        { user_id: users.pete, email: "pete@example.com", role: "member" },
      ];
      expect(await call(olga(), list, [projectId])).toEqual({ ok: true, value: expected });
      expect(await call(userClaims(users.pete), list, [projectId])).toEqual({ ok: true, value: expected });
    });

    it("is empty for anyone outside the project", async () => {
      expect(await call(userClaims(users.quinn), list, [projectId])).toEqual({ ok: true, value: [] });
      expect(await call(userClaims(users.rita), list, [projectId])).toEqual({ ok: true, value: [] });
    });
  });

  describe("changing and removing members (plain statements under RLS)", () => {
    it("lets an admin change a role and remove a member", async () => {
      const outcome = await probeAs(database, olga(), async (transaction) => {
        const changed = await transaction.query("update public.project_members set role = 'viewer' where project_id = $1 and user_id = $2 returning role", [projectId, users.pete]);
        const removed = await transaction.query("delete from public.project_members where project_id = $1 and user_id = $2 returning user_id", [projectId, users.pete]);
        return { changed, removed };
      });
      expect(outcome).toEqual({ ok: true, value: { changed: [{ role: "viewer" }], removed: [{ user_id: users.pete }] } });
    });
  });
});
