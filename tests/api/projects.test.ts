import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE as deleteProject, GET as getProject, PATCH as patchProject } from "@/app/api/v1/projects/[slug]/route";
import { DELETE as decline } from "@/app/api/v1/invitations/[invitationId]/route";
import { POST as accept } from "@/app/api/v1/invitations/[invitationId]/accept/route";
import { GET as listMyInvitations } from "@/app/api/v1/invitations/route";
import { DELETE as withdraw } from "@/app/api/v1/projects/[slug]/invitations/[invitationId]/route";
import { GET as listProjectInvitations, POST as invite } from "@/app/api/v1/projects/[slug]/invitations/route";
import { GET as listMembers } from "@/app/api/v1/projects/[slug]/members/route";
import { DELETE as removeMember, PATCH as patchMember } from "@/app/api/v1/projects/[slug]/members/[userId]/route";
import { GET as listProjects, POST as createProject } from "@/app/api/v1/projects/route";
import { joinProject, signUpAccount, type TestAccount } from "./accounts";
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

describe("/api/v1/projects/[slug]/invitations and /members", () => {
  it("invites an address, answers 202 the same for a known and an unknown email, and adds nobody unasked", async () => {
    const known = await callRoute(invite, { method: "POST", cookie: owner.cookie, params: { slug: "atlas" }, body: { email: "Colleague@example.com", role: "viewer" } });
    const unknown = await callRoute(invite, { method: "POST", cookie: owner.cookie, params: { slug: "atlas" }, body: { email: "ghost@example.com", role: "viewer" } });
    expect([known.status, unknown.status]).toEqual([202, 202]);
    const shape = (body: { invitation: Record<string, unknown> }) => Object.keys(body.invitation).sort();
    expect(shape(known.body)).toEqual(shape(unknown.body));
    expect(known.body.invitation).toMatchObject({ email: "colleague@example.com", role: "viewer" });
    expect((await callRoute(getProject, { bearer: colleague.token, params: { slug: "atlas" } })).status).toBe(404);
    const pending = await callRoute(listProjectInvitations, { cookie: owner.cookie, params: { slug: "atlas" } });
    expect(pending.body.invitations.map((invitation: { email: string }) => invitation.email).sort()).toEqual(["colleague@example.com", "ghost@example.com"]);
  });

  it("lets the invitee see the invitation and accept it, and then they are a member", async () => {
    const mine = await callRoute(listMyInvitations, { cookie: colleague.cookie });
    expect(mine.body.invitations).toHaveLength(1);
    expect(mine.body.invitations[0]).toMatchObject({ project_slug: "atlas", project_name: "Atlas", role: "viewer", invited_by_email: "owner@example.com" });
    expect((await callRoute(listMyInvitations, { cookie: outsider.cookie })).body.invitations).toEqual([]);
    const stolen = await callRoute(accept, { method: "POST", cookie: outsider.cookie, params: { invitationId: mine.body.invitations[0].id } });
    expect(stolen.status).toBe(404);
    const accepted = await callRoute(accept, { method: "POST", cookie: colleague.cookie, params: { invitationId: mine.body.invitations[0].id } });
    expect(accepted.status).toBe(200);
    expect(accepted.body.member).toMatchObject({ user_id: colleague.id, role: "viewer" });
    const members = await callRoute(listMembers, { bearer: colleague.token, params: { slug: "atlas" } });
    expect(members.body.members.map((member: { email: string; role: string }) => [member.email, member.role])).toEqual([
      ["owner@example.com", "admin"],
      ["colleague@example.com", "viewer"],
    ]);
    expect((await callRoute(listMyInvitations, { cookie: colleague.cookie })).body.invitations).toEqual([]);
  });

  it("lets an invitee decline and an admin withdraw", async () => {
    const invited = await callRoute(invite, { method: "POST", cookie: owner.cookie, params: { slug: "atlas" }, body: { email: outsider.email } });
    const declined = await callRoute(decline, { method: "DELETE", cookie: outsider.cookie, params: { invitationId: invited.body.invitation.id } });
    expect(declined.body).toEqual({ declined: true });
    expect((await callRoute(getProject, { bearer: outsider.token, params: { slug: "atlas" } })).status).toBe(404);
    const ghost = (await callRoute(listProjectInvitations, { cookie: owner.cookie, params: { slug: "atlas" } })).body.invitations[0];
    const params = { slug: "atlas", invitationId: ghost.id };
    expect((await callRoute(withdraw, { method: "DELETE", bearer: colleague.token, params })).status).toBe(403);
    expect((await callRoute(withdraw, { method: "DELETE", cookie: owner.cookie, params })).body).toEqual({ withdrawn: true });
    expect((await callRoute(listProjectInvitations, { cookie: owner.cookie, params: { slug: "atlas" } })).body.invitations).toEqual([]);
  });

  it("refuses a non-admin inviting with 403, and an existing member with 409", async () => {
    const answer = await callRoute(invite, { method: "POST", bearer: colleague.token, params: { slug: "atlas" }, body: { email: "outsider@example.com", role: "member" } });
    expect(answer.status).toBe(403);
    expect(answer.body.error).toEqual({ code: "forbidden:auth", message: "only a project admin can invite members" });
    const again = await callRoute(invite, { method: "POST", cookie: owner.cookie, params: { slug: "atlas" }, body: { email: "colleague@example.com" } });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe("colleague@example.com is already a member of this project");
  });

  it("names a bad role in the body with 400", async () => {
    const answer = await callRoute(invite, {
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
    await joinProject({ admin: owner, slug: "atlas", account: colleague, role: "member" });
    const refused = await callRoute(patchProject, { method: "PATCH", bearer: colleague.token, params: { slug: "atlas" }, body: { name: "X" } });
    expect(refused.status).toBe(403);
    const renamed = await callRoute(patchProject, { method: "PATCH", cookie: owner.cookie, params: { slug: "atlas" }, body: { name: "Atlas 2" } });
    expect(renamed.body.project.name).toBe("Atlas 2");
    const deleted = await callRoute(deleteProject, { method: "DELETE", cookie: owner.cookie, params: { slug: "atlas" } });
    expect(deleted.status).toBe(200);
    expect((await callRoute(getProject, { cookie: owner.cookie, params: { slug: "atlas" } })).status).toBe(404);
  });
});
