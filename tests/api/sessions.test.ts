import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getSession } from "@/app/api/v1/projects/[slug]/sessions/[sessionId]/route";
import { GET as listSessions, POST as analyze } from "@/app/api/v1/projects/[slug]/sessions/route";
import { callRoute, useTestApi } from "./api-harness";
import { buildPatternWorld, createTestPattern, type PatternWorld } from "./pattern-world";

let api: Awaited<ReturnType<typeof useTestApi>>;
let world: PatternWorld;

const transcript = fs.readFileSync(path.resolve(import.meta.dirname, "../fixtures/sessions/claude-code-warehouse-client.jsonl"), "utf8");
const post = (cookie: string, body: unknown) => callRoute(analyze, { method: "POST", cookie, params: { slug: "alpha" }, body });

beforeAll(async () => {
  api = await useTestApi();
  world = await buildPatternWorld();
  await createTestPattern(world.keyA, {
    project: "alpha", name: "Exponential Backoff Retry Loop", kind: "retry_backoff", language: "python",
    code: "def fetch_stock(sku, attempts=5, base_delay=0.2):\n    delay = base_delay\n    for attempt in range(attempts):\n        try:\n            response = requests.get(URL, timeout=3)\n            response.raise_for_status()\n            return response.json()\n        except requests.RequestException:\n            if attempt == attempts - 1:\n                raise\n            time.sleep(delay)\n            delay = delay * 2\n",
  });
});
afterAll(async () => api.close());

describe("POST /api/v1/projects/{slug}/sessions", () => {
  it("analyses a Claude Code transcript as a member and stores it; viewers and outsiders cannot", async () => {
    expect((await post(world.viewerA.cookie, { transcript })).status).toBe(403);
    expect((await callRoute(analyze, { method: "POST", cookie: world.adminB.cookie, params: { slug: "alpha" }, body: { transcript } })).status).toBe(404);
    const answer = await post(world.memberA.cookie, { transcript, source: "claude-code" });
    expect(answer.status).toBe(201);
    expect(answer.body.session).toMatchObject({ status: "analysed", source: "claude-code" });
    expect(answer.body.report).toMatchObject({ outcome: "pending", judged_by: null, patterns_used: [expect.objectContaining({ name: "Exponential Backoff Retry Loop", matched_by: "kind" })] });
    const listed = await callRoute(listSessions, { cookie: world.viewerA.cookie, params: { slug: "alpha" }, url: "http://localhost:3000/api/v1/projects/alpha/sessions?limit=5" });
    expect(listed.body.sessions).toHaveLength(1);
    expect(listed.body.sessions[0].report.markdown).toBeUndefined();
    const one = await callRoute(getSession, { cookie: world.viewerA.cookie, params: { slug: "alpha", sessionId: answer.body.session.id } });
    expect(one.body.session.report.markdown).toContain("## Patterns used");
  });

  it("names what is wrong with a bad body: both inputs, a diff without prompt, an unreadable transcript", async () => {
    const both = await post(world.memberA.cookie, { transcript, diff: "+x", prompt: "p" });
    expect([both.status, both.body.error.message]).toEqual([400, "transcript: give either transcript or diff (not both)"]);
    const noPrompt = await post(world.memberA.cookie, { diff: "--- a/x.py\n+++ b/x.py\n+print(1)\n" });
    expect([noPrompt.status, noPrompt.body.error.message]).toEqual([400, "prompt: a diff needs the prompt that asked for it"]);
    const garbage = await post(world.memberA.cookie, { transcript: "hello" });
    expect(garbage.status).toBe(400);
    expect(garbage.body.error.message).toMatch(/^transcript: not a Claude Code JSONL transcript/);
    const badId = await callRoute(getSession, { cookie: world.viewerA.cookie, params: { slug: "alpha", sessionId: "nope" } });
    expect([badId.status, badId.body.error.message]).toEqual([400, "sessionId: must be a session id (uuid)"]);
  });
});
