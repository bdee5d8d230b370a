import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as ingest } from "@/app/api/operator/ingest/route";
import { POST as match } from "@/app/api/operator/match/route";
import { POST as addMember } from "@/app/api/operator/members/route";
import { GET as listProjects } from "@/app/api/operator/projects/route";
import { GET as listCallerProjects } from "@/app/api/v1/projects/route";
import { extractPaths } from "@/lib/extract";
import { ingestScope, slimForIngest } from "@/lib/ingest";
import { writeOperatorToken } from "@/lib/operator";
import { signUpAccount } from "./accounts";
import { callRoute, useTestApi } from "./api-harness";

// The routes `motif projects|ingest|search` use while `motif serve` owns the data dir.
describe("the operator routes", () => {
  const repositoryRoot = path.resolve(import.meta.dirname, "../fixtures/repos");
  let close: () => Promise<void>;
  let token: string;

  beforeAll(async () => {
    const api = await useTestApi();
    close = api.close;
    token = writeOperatorToken(api.dataDir);
  });
  afterAll(() => close());

  async function extractionBody() {
    const result = await extractPaths({ paths: ["python-service"], cwd: repositoryRoot, jobs: 1 });
    return { project: "operator-demo", scope: ingestScope(["python-service"], repositoryRoot), result: slimForIngest(result) };
  }

  it("refuses a missing or wrong operator token and writes nothing", async () => {
    const body = await extractionBody();
    expect((await callRoute(listProjects)).status).toBe(401);
    expect((await callRoute(listProjects, { bearer: `${token}x` })).status).toBe(401);
    const refused = await callRoute(ingest, { method: "POST", bearer: "not-the-token", body });
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe("unauthorized:auth");
    expect((await callRoute(listProjects, { bearer: token })).body).toEqual({ projects: [] });
  });

  it("ingests for the CLI and finds the pattern by intent", async () => {
    const ingested = await callRoute(ingest, { method: "POST", bearer: token, body: await extractionBody() });
    expect(ingested.status).toBe(200);
    const { body: listed } = await callRoute(listProjects, { bearer: token });
    expect(listed.projects).toHaveLength(1);
    expect(listed.projects[0].slug).toBe("operator-demo");
    expect(listed.projects[0].patterns).toBeGreaterThan(0);

    const found = await callRoute(match, {
      method: "POST",
      bearer: token,
      body: { project: "operator-demo", intent: "retry a flaky call with exponential backoff", limit: 3 },
    });
    expect(found.status).toBe(200);
    const best = found.body.matched_patterns[0];
    expect(best.kind).toBe("retry_backoff");
    expect(best.occurrences.map((occurrence: { file_path: string }) => occurrence.file_path)).toContain(
      "python-service/shop/clients/inventory.py",
    );
  });

  it("remembers the repository in the server's process: the same whole repository again writes only its difference", async () => {
    const result = slimForIngest(await extractPaths({ paths: ["python-service"], cwd: repositoryRoot, jobs: 1 }));
    const body = { project: "operator-memory", scope: [""], result };
    const first = await callRoute(ingest, { method: "POST", bearer: token, body });
    expect(first.status).toBe(200);
    expect(first.body.staged).toBe("everything");
    const again = await callRoute(ingest, { method: "POST", bearer: token, body });
    expect(again.status).toBe(200);
    expect(again.body.staged).toBe("difference");
    expect(again.body.patterns).toMatchObject({ created: 0, updated: 0 });
  });

  it("gives a signed-up account a role in a project the CLI made, so the dashboard shows it", async () => {
    const body = { project: "operator-members", scope: [""], result: slimForIngest(await extractPaths({ paths: ["python-service"], cwd: repositoryRoot, jobs: 1 })) };
    expect((await callRoute(ingest, { method: "POST", bearer: token, body })).status).toBe(200);
    const account = await signUpAccount("owner@operator.test");
    const slugsOf = async () => (await callRoute(listCallerProjects, { cookie: account.cookie })).body.projects.map((project: { slug: string }) => project.slug);
    expect(await slugsOf()).not.toContain("operator-members");

    const request = { project: "operator-members", email: "Owner@Operator.test" };
    expect((await callRoute(addMember, { method: "POST", body: request })).status).toBe(401);
    const added = await callRoute(addMember, { method: "POST", bearer: token, body: request });
    expect(added.status).toBe(200);
    expect(added.body.member).toMatchObject({ user_id: account.id, email: "owner@operator.test", role: "admin", added: true });
    expect(await slugsOf()).toContain("operator-members");
    const again = await callRoute(addMember, { method: "POST", bearer: token, body: request });
    expect(again.body.member.added).toBe(false);

    // The membership guard still holds: the only admin cannot be demoted, by the operator either.
    const demoted = await callRoute(addMember, { method: "POST", bearer: token, body: { ...request, role: "viewer" } });
    expect(demoted.status).toBeGreaterThanOrEqual(400);
    expect(demoted.status).toBeLessThan(500);
    expect(demoted.body.error.message).toContain("at least one admin");

    const unknown = await callRoute(addMember, { method: "POST", bearer: token, body: { ...request, email: "nobody@operator.test" } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain("sign up");
    const missing = await callRoute(addMember, { method: "POST", bearer: token, body: { ...request, project: "no-such-project" } });
    expect(missing.status).toBe(404);
    const malformed = await callRoute(addMember, { method: "POST", bearer: token, body: { ...request, email: "not an address" } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toContain("email");
  });

  it("names the bad field of a malformed request", async () => {
    const answer = await callRoute(match, { method: "POST", bearer: token, body: { project: "operator-demo" } });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toContain("intent");
  });
});
