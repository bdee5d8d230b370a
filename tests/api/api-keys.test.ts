import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as session } from "@/app/api/v1/auth/session/route";
import { DELETE as revokeKey } from "@/app/api/v1/projects/[slug]/api-keys/[keyId]/route";
import { GET as listKeys, POST as createKey } from "@/app/api/v1/projects/[slug]/api-keys/route";
import { POST as invite } from "@/app/api/v1/projects/[slug]/invitations/route";
import { GET as getProject, PATCH as patchProject } from "@/app/api/v1/projects/[slug]/route";
import { GET as listProjects, POST as createProject } from "@/app/api/v1/projects/route";
import { hashApiKey } from "@/lib/auth";
import { asService } from "@/lib/db";
import { joinProject, signUpAccount, type TestAccount } from "./accounts";
import { callRoute, useTestApi } from "./api-harness";

let api: Awaited<ReturnType<typeof useTestApi>>;
let alice: TestAccount;
let bob: TestAccount;

async function issueKey(account: TestAccount, slug: string, role: string) {
  const answer = await callRoute(createKey, { method: "POST", cookie: account.cookie, params: { slug }, body: { name: `${role} key`, role } });
  if (answer.status !== 201) throw new Error(JSON.stringify(answer.body));
  return answer.body as { key: string; api_key: { id: string; key_prefix: string; role: string } };
}

beforeAll(async () => {
  api = await useTestApi();
  alice = await signUpAccount("alice@example.com");
  bob = await signUpAccount("bob@example.com");
  await callRoute(createProject, { method: "POST", cookie: alice.cookie, body: { name: "Project A", slug: "project-a" } });
  await callRoute(createProject, { method: "POST", cookie: bob.cookie, body: { name: "Project B", slug: "project-b" } });
});
afterAll(() => api.close());

describe("POST /api/v1/projects/[slug]/api-keys", () => {
  it("shows a new key once and stores only its sha256 hash and prefix", async () => {
    const { key, api_key } = await issueKey(alice, "project-a", "member");
    expect(key).toMatch(/^motif_[A-Za-z0-9_-]{54}$/);
    expect(api_key.key_prefix).toBe(key.slice(0, 12));
    expect(api_key).not.toHaveProperty("key_hash");
    const [row] = await asService(api.database, (transaction) =>
      transaction.query<{ key_hash: string }>(`select key_hash from public.api_keys where id = $1`, [api_key.id]),
    );
    expect(row.key_hash).toBe(hashApiKey(key));
    const listed = await callRoute(listKeys, { cookie: alice.cookie, params: { slug: "project-a" } });
    expect(listed.body.api_keys.map((item: { id: string }) => item.id)).toEqual([api_key.id]);
    expect(JSON.stringify(listed.body)).not.toContain(key);
  });

  it("refuses non-admins with 403", async () => {
    await joinProject({ admin: alice, slug: "project-a", account: bob, role: "member" });
    const create = await callRoute(createKey, { method: "POST", cookie: bob.cookie, params: { slug: "project-a" }, body: { name: "mine" } });
    expect(create.status).toBe(403);
    expect(create.body.error).toEqual({ code: "forbidden:auth", message: "only project admins can create API keys" });
    expect((await callRoute(listKeys, { cookie: bob.cookie, params: { slug: "project-a" } })).status).toBe(403);
  });
});

describe("calling with an API key", () => {
  it("confines the key to its own project", async () => {
    const { key, api_key } = await issueKey(alice, "project-a", "member");
    const projects = await callRoute(listProjects, { bearer: key });
    expect(projects.body.projects.map((project: { slug: string; role: string }) => [project.slug, project.role])).toEqual([
      ["project-a", "member"],
    ]);
    const other = await callRoute(getProject, { bearer: key, params: { slug: "project-b" } });
    expect(other.status).toBe(404);
    const rename = await callRoute(patchProject, { method: "PATCH", bearer: key, params: { slug: "project-b" }, body: { name: "pwned" } });
    expect(rename.status).toBe(404);
    const whoami = await callRoute(session, { bearer: key });
    expect(whoami.body.api_key).toMatchObject({ id: api_key.id, role: "member" });
  });

  it("lets a viewer key read but not write", async () => {
    const { key } = await issueKey(alice, "project-a", "viewer");
    const read = await callRoute(getProject, { bearer: key, params: { slug: "project-a" } });
    expect(read.status).toBe(200);
    expect(read.body.project.role).toBe("viewer");
    const rename = await callRoute(patchProject, { method: "PATCH", bearer: key, params: { slug: "project-a" }, body: { name: "Viewer was here" } });
    expect(rename.status).toBe(403);
    const add = await callRoute(invite, { method: "POST", bearer: key, params: { slug: "project-a" }, body: { email: "alice@example.com" } });
    expect(add.status).toBe(403);
    const project = await callRoute(getProject, { cookie: alice.cookie, params: { slug: "project-a" } });
    expect(project.body.project.name).toBe("Project A");
  });

  it("records when a key was last used", async () => {
    const { key, api_key } = await issueKey(alice, "project-a", "viewer");
    await callRoute(listProjects, { bearer: key });
    const [row] = await asService(api.database, (transaction) =>
      transaction.query<{ last_used_at: Date | null }>(`select last_used_at from public.api_keys where id = $1`, [api_key.id]),
    );
    expect(row.last_used_at).toBeInstanceOf(Date);
  });

  it("refuses a revoked key and an unknown key with 401", async () => {
    const { key, api_key } = await issueKey(alice, "project-a", "member");
    const revoked = await callRoute(revokeKey, { method: "DELETE", cookie: alice.cookie, params: { slug: "project-a", keyId: api_key.id } });
    expect(revoked.status).toBe(200);
    expect(revoked.body.api_key.revoked_at).not.toBeNull();
    const expected = { error: { code: "unauthorized:auth", message: "the API key is invalid or has been revoked" } };
    const refused = await callRoute(listProjects, { bearer: key });
    expect(refused.status).toBe(401);
    expect(refused.body).toEqual(expected);
    expect((await callRoute(listProjects, { bearer: `motif_${"x".repeat(43)}` })).body).toEqual(expected);
  });

  it("refuses a key whose tag this server did not make, and still accepts keys made before tags", async () => {
    const { key } = await issueKey(alice, "project-a", "viewer");
    const forged = `${key.slice(0, -3)}${key.endsWith("AAA") ? "BBB" : "AAA"}`;
    expect((await callRoute(listProjects, { bearer: forged })).status).toBe(401);
    const legacy = `motif_${randomBytes(32).toString("base64url")}`;
    await asService(api.database, (transaction) =>
      transaction.query(
        `insert into public.api_keys (project_id, name, role, key_prefix, key_hash)
         select id, 'legacy', 'viewer', $1, $2 from public.projects where slug = 'project-a'`,
        [legacy.slice(0, 12), hashApiKey(legacy)],
      ),
    );
    expect((await callRoute(listProjects, { bearer: legacy })).status).toBe(200);
  });

  it("refuses a key with 401 at once when it is revoked after a recent use", async () => {
    const { key, api_key } = await issueKey(alice, "project-a", "member");
    expect((await callRoute(listProjects, { bearer: key })).status).toBe(200);
    await callRoute(revokeKey, { method: "DELETE", cookie: alice.cookie, params: { slug: "project-a", keyId: api_key.id } });
    const refused = await callRoute(listProjects, { bearer: key });
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe("unauthorized:auth");
  });

  it("writes last_used_at once while a key stays verified, not on every request", async () => {
    const { key, api_key } = await issueKey(alice, "project-a", "viewer");
    const lastUsed = () =>
      asService(api.database, async (transaction) =>
        (await transaction.query<{ last_used_at: Date }>(`select last_used_at from public.api_keys where id = $1`, [api_key.id]))[0].last_used_at.getTime(),
      );
    await callRoute(listProjects, { bearer: key });
    const first = await lastUsed();
    await callRoute(listProjects, { bearer: key });
    expect(await lastUsed()).toBe(first);
  });

  it("answers revoking another project's key with 404", async () => {
    const { api_key } = await issueKey(bob, "project-b", "member");
    const answer = await callRoute(revokeKey, { method: "DELETE", cookie: alice.cookie, params: { slug: "project-a", keyId: api_key.id } });
    expect(answer.status).toBe(404);
    expect(answer.body.error.message).toBe("no such API key in this project");
  });
});
