import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as budget } from "@/app/api/operator/budget/route";
import { POST as costs } from "@/app/api/operator/costs/route";
import { POST as describePatterns } from "@/app/api/operator/describe/route";
import { POST as ingest } from "@/app/api/operator/ingest/route";
import { POST as sessions } from "@/app/api/operator/sessions/route";
import { resetEnvironmentCache } from "@/lib/env";
import { extractPaths } from "@/lib/extract";
import { ingestScope, slimForIngest } from "@/lib/ingest";
import { writeOperatorToken } from "@/lib/operator";
import { callRoute, useTestApi } from "./api-harness";

// The routes `motif costs|budget|describe|session analyze` use while `motif serve` owns the data dir.
describe("the LLM operator routes", () => {
  const repositoryRoot = path.resolve(import.meta.dirname, "../fixtures/repos");
  const transcript = fs.readFileSync(path.resolve(import.meta.dirname, "../fixtures/sessions/claude-code-warehouse-client.jsonl"), "utf8");
  let close: () => Promise<void>;
  let token: string;

  beforeAll(async () => {
    const api = await useTestApi();
    close = api.close;
    token = writeOperatorToken(api.dataDir);
    const result = await extractPaths({ paths: ["python-service"], cwd: repositoryRoot, jobs: 1 });
    const ingested = await callRoute(ingest, { method: "POST", bearer: token, body: { project: "shop", scope: ingestScope(["python-service"], repositoryRoot), result: slimForIngest(result) } });
    expect(ingested.status).toBe(200);
  });
  afterAll(() => close());

  it("refuses callers without the operator token", async () => {
    expect((await callRoute(costs, { method: "POST", bearer: "nope", body: { project: "shop" } })).status).toBe(401);
    expect((await callRoute(budget, { method: "POST", body: { project: "shop", daily_usd: 1 } })).status).toBe(401);
  });

  it("sets the budget and reads the costs of a project by slug", async () => {
    const set = await callRoute(budget, { method: "POST", bearer: token, body: { project: "shop", daily_usd: 1.5 } });
    expect(set.body.budget).toMatchObject({ daily_usd: 1.5, monthly_usd: null });
    const report = await callRoute(costs, { method: "POST", bearer: token, body: { project: "shop", days: 3 } });
    expect(report.body).toMatchObject({ project: { slug: "shop" }, days: 3, total_usd: 0, calls: 0, budget: { daily_usd: 1.5 } });
    expect((await callRoute(costs, { method: "POST", bearer: token, body: { project: "nope" } })).status).toBe(404);
  });

  it("analyses a session, and says that describing needs a provider", async () => {
    const analysed = await callRoute(sessions, { method: "POST", bearer: token, body: { project: "shop", transcript } });
    expect(analysed.status).toBe(201);
    expect(analysed.body.report.patterns_used.map((use: { name: string }) => use.name)).toEqual(["Exponential Backoff Retry Loop for Fetch Stock"]);
    delete process.env.OLLAMA_HOST;
    resetEnvironmentCache();
    const refused = await callRoute(describePatterns, { method: "POST", bearer: token, body: { project: "shop" } });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/no LLM provider is configured/);
  });
});
