import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE as deleteProject, GET as getProject, PATCH as patchProject } from "@/app/api/v1/projects/[slug]/route";
import { GET as listMembers, POST as addMember } from "@/app/api/v1/projects/[slug]/members/route";
import { DELETE as removeMember, PATCH as patchMember } from "@/app/api/v1/projects/[slug]/members/[userId]/route";
import { GET as listProjects, POST as createProject } from "@/app/api/v1/projects/route";
import { signUpAccount, type TestAccount } from "./accounts";
import { callRoute, useTestApi } from "./api-harness";

let api: Awaited<ReturnType<typeof useTestApi>>;
let owner: TestAccount;
let colleague: TestAccount;
let outsider: TestAccount;

beforeAll(async () => {
  api = await useTestApi();
  owner = await signUpAccount("owner@example.com");
  colleague = await signUpAccount("colleague@example.com");
  outsider = await signUpAccount("outsider@example.com");
});
afterAll(() => api.close());

describe("/api/v1/projects", () => {
  it("creates a project with the caller as admin (201)", async () => {
    const answer = await callRoute(createProject, { method: "POST", cookie: owner.cookie, body: { name: "Atlas", slug: "atlas" } });
    expect(answer.status).toBe(201);
    expect(answer.body.project).toMatchObject({ name: "Atlas", slug: "atlas", created_by: owner.id, role: "admin" });
  });

  it("refuses anonymous callers with 401", async () => {
    const answer = await callRoute(listProjects);
    expect(answer.status).toBe(401);
    expect(answer.body.error).toEqual({ code: "unauthorized:auth", message: "sign in or present an API key" });
  });

  it("refuses a taken slug with 409 and a bad slug with 400 naming the field", async () => {
    const taken = await callRoute(createProject, { method: "POST", bearer: colleague.token, body: { name: "Other", slug: "atlas" } });
    expect(taken.status).toBe(409);
    expect(taken.body.error.message).toBe('a project with slug "atlas" already exists');
    const bad = await callRoute(createProject, { method: "POST", bearer: colleague.token, body: { name: "Bad", slug: "Not A Slug" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^slug: must be 2–63 lowercase letters/);
  });

  it("lists only the caller's projects", async () => {
    await callRoute(createProject, { method: "POST", bearer: outsider.token, body: { name: "Secret", slug: "secret" } });
    const mine = await callRoute(listProjects, { cookie: owner.cookie });
    expect(mine.body.projects.map((project: { slug: string }) => project.slug)).toEqual(["atlas"]);
    const theirs = await callRoute(listProjects, { bearer: outsider.token });
    expect(theirs.body.projects.map((project: { slug: string }) => project.slug)).toEqual(["secret"]);
  });

  it("hides a project from non-members with 404", async () => {
    const answer = await callRoute(getProject, { bearer: outsider.token, params: { slug: "atlas" } });
    expect(answer.status).toBe(404);
    expect(answer.body.error).toEqual({ code: "not_found:resource", message: 'project "atlas" not found' });
  });
});

describe("/api/v1/projects/[slug]/members", () => {
  it("lets an admin add an account by email with a role", async () => {
    const answer = await callRoute(addMember, {
      method: "POST",
      cookie: owner.cookie,
      params: { slug: "atlas" },
      body: { email: "Colleague@example.com", role: "viewer" },
    });
    expect(answer.status).toBe(201);
    expect(answer.body.member).toMatchObject({ user_id: colleague.id, role: "viewer" });
    const members = await callRoute(listMembers, { bearer: colleague.token, params: { slug: "atlas" } });
    expect(members.body.members.map((member: { email: string; role: string }) => [member.email, member.role])).toEqual([
      ["owner@example.com", "admin"],
      ["colleague@example.com", "viewer"],
    ]);
  });

  it("refuses a non-admin adding a member with 403", async () => {
    const answer = await callRoute(addMember, {
      method: "POST",
      bearer: colleague.token,
      params: { slug: "atlas" },
      body: { email: "outsider@example.com", role: "member" },
    });
    expect(answer.status).toBe(403);
    expect(answer.body.error).toEqual({ code: "forbidden:auth", message: "only a project admin can add members" });
  });

  it("answers an unknown email with 404 and an existing member with 409", async () => {
    const unknown = await callRoute(addMember, {
      method: "POST",
      cookie: owner.cookie,
      params: { slug: "atlas" },
      body: { email: "ghost@example.com" },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toEqual({ code: "not_found:resource", message: "no user with email ghost@example.com" });
    const again = await callRoute(addMember, {
      method: "POST",
      cookie: owner.cookie,
      params: { slug: "atlas" },
      body: { email: "colleague@example.com" },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe("colleague@example.com is already a member of this project");
  });

  it("names a bad role in the body with 400", async () => {
    const answer = await callRoute(addMember, {
      method: "POST",
      cookie: owner.cookie,
      params: { slug: "atlas" },
      body: { email: "outsider@example.com", role: "owner" },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toBe('role: Invalid option: expected one of "admin"|"member"|"viewer"');
  });

  it("lets an admin change a role and refuses a non-admin with 403", async () => {
    const params = { slug: "atlas", userId: colleague.id };
    const changed = await callRoute(patchMember, { method: "PATCH", cookie: owner.cookie, params, body: { role: "member" } });
    expect(changed.status).toBe(200);
    expect(changed.body.member).toMatchObject({ user_id: colleague.id, role: "member" });
    const refused = await callRoute(patchMember, {
      method: "PATCH",
      bearer: colleague.token,
      params: { slug: "atlas", userId: owner.id },
      body: { role: "viewer" },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe("only project admins can change roles");
  });

  it("never removes or demotes the last admin", async () => {
    const params = { slug: "atlas", userId: owner.id };
    const demote = await callRoute(patchMember, { method: "PATCH", cookie: owner.cookie, params, body: { role: "member" } });
    expect(demote.status).toBe(409);
    expect(demote.body.error).toEqual({ code: "conflict:resource", message: "a project must keep at least one admin" });
    const remove = await callRoute(removeMember, { method: "DELETE", cookie: owner.cookie, params });
    expect(remove.status).toBe(409);
  });

  it("removes a member, who then no longer sees the project", async () => {
    const params = { slug: "atlas", userId: colleague.id };
    const removed = await callRoute(removeMember, { method: "DELETE", cookie: owner.cookie, params });
    expect(removed.status).toBe(200);
    expect((await callRoute(getProject, { bearer: colleague.token, params: { slug: "atlas" } })).status).toBe(404);
    const again = await callRoute(removeMember, { method: "DELETE", cookie: owner.cookie, params });
    expect(again.status).toBe(404);
  });
});

describe("PATCH and DELETE /api/v1/projects/[slug]", () => {
  it("lets admins rename, refuses members with 403, and deletes", async () => {
    await callRoute(addMember, { method: "POST", cookie: owner.cookie, params: { slug: "atlas" }, body: { email: colleague.email } });
    const refused = await callRoute(patchProject, { method: "PATCH", bearer: colleague.token, params: { slug: "atlas" }, body: { name: "X" } });
    expect(refused.status).toBe(403);
    const renamed = await callRoute(patchProject, { method: "PATCH", cookie: owner.cookie, params: { slug: "atlas" }, body: { name: "Atlas 2" } });
    expect(renamed.body.project.name).toBe("Atlas 2");
    const deleted = await callRoute(deleteProject, { method: "DELETE", cookie: owner.cookie, params: { slug: "atlas" } });
    expect(deleted.status).toBe(200);
    expect((await callRoute(getProject, { cookie: owner.cookie, params: { slug: "atlas" } })).status).toBe(404);
  });
});
