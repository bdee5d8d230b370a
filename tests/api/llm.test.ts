import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getBudget, PUT as putBudget } from "@/app/api/v1/projects/[slug]/budget/route";
import { GET as getCosts } from "@/app/api/v1/projects/[slug]/costs/route";
import { POST as queueDescribe } from "@/app/api/v1/projects/[slug]/describe/route";
import { GET as getPattern } from "@/app/api/v1/patterns/[id]/route";
import { asService } from "@/lib/db";
import { resetEnvironmentCache } from "@/lib/env";
import { createBuiltinProvider } from "@/lib/embed";
import { drainJobs } from "@/lib/jobs";
import { startWireServer, promptOf, type WireServer } from "../support/llm-wire-servers";
import { callRoute, useTestApi } from "./api-harness";
import { buildPatternWorld, createTestPattern, type PatternWorld } from "./pattern-world";

let api: Awaited<ReturnType<typeof useTestApi>>;
let world: PatternWorld;
let ollama: WireServer;

const budgetOf = (cookie: string, slug = "alpha") => callRoute(getBudget, { cookie, params: { slug } });
const setBudget = (cookie: string, body: unknown, slug = "alpha") => callRoute(putBudget, { method: "PUT", cookie, params: { slug }, body });
const costsOf = (cookie: string, query = "") => callRoute(getCosts, { cookie, params: { slug: "alpha" }, url: `http://localhost:3000/api/v1/projects/alpha/costs${query}` });

beforeAll(async () => {
  api = await useTestApi();
  world = await buildPatternWorld();
  ollama = await startWireServer("ollama", 41831, (body) => {
    const name = /Extractor's name: (.+)\./.exec(promptOf(body))?.[1] ?? "?";
    const content = JSON.stringify({ name: `${name} Helper`, description: "Sends an e-mail to a user, retrying on a busy server.", kind_verdict: "not_applicable", suggested_kind: null, confidence: 0.7 });
    return { kind: "answer", content, inputTokens: 410, outputTokens: 52 };
  });
});
afterAll(async () => {
  delete process.env.OLLAMA_HOST;
  resetEnvironmentCache();
  await ollama.close();
  await api.close();
});

describe("GET and PUT /api/v1/projects/{slug}/budget", () => {
  it("lets every role read the budget, only admins set it, and names a bad field", async () => {
    expect((await budgetOf(world.viewerA.cookie)).body.budget).toEqual({ daily_usd: null, monthly_usd: null, spent_today_usd: 0, spent_month_usd: 0 });
    const member = await setBudget(world.memberA.cookie, { daily_usd: 1 });
    expect(member.status).toBe(403);
    expect(member.body.error.message).toMatch(/only project admins set the LLM budget/);
    const bad = await setBudget(world.adminA.cookie, { daily_usd: -1 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^daily_usd:/);
    expect((await setBudget(world.adminA.cookie, { daily_usd: 2.5, monthly_usd: 40 })).body.budget).toMatchObject({ daily_usd: 2.5, monthly_usd: 40 });
    expect((await setBudget(world.adminA.cookie, { daily_usd: null })).body.budget).toMatchObject({ daily_usd: null, monthly_usd: 40 });
    expect((await budgetOf(world.adminB.cookie)).status).toBe(404);
  });
});

describe("GET /api/v1/projects/{slug}/costs", () => {
  it("sums the project's model_usage rows by provider, day and task, and refuses a bad window", async () => {
    await asService(api.database, (transaction) => transaction.query(
      `insert into public.model_usage (project_id, task, provider, model, is_local, input_tokens, output_tokens, cost_usd, succeeded)
       select id, 'describe_pattern', 'openai', 'gpt-4o-mini', false, 1000, 200, 0.00027, true from public.projects where slug = 'alpha'
       union all select id, 'analyse_session', 'ollama', 'qwen2.5-coder:7b', true, 900, 100, 0, false from public.projects where slug = 'alpha'`));
    const answer = await costsOf(world.viewerA.cookie, "?days=7");
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ days: 7, total_usd: 0.00027, calls: 2, failed_calls: 1 });
    expect(answer.body.by_provider).toEqual([
      { provider: "openai", model: "gpt-4o-mini", is_local: false, calls: 1, failed_calls: 0, input_tokens: 1000, output_tokens: 200, cost_usd: 0.00027 },
      { provider: "ollama", model: "qwen2.5-coder:7b", is_local: true, calls: 1, failed_calls: 1, input_tokens: 900, output_tokens: 100, cost_usd: 0 },
    ]);
    expect(answer.body.by_task.map((row: { task: string }) => row.task).sort()).toEqual(["analyse_session", "describe_pattern"]);
    expect(answer.body.budget.spent_today_usd).toBeCloseTo(0.00027, 8);
    const bad = await costsOf(world.viewerA.cookie, "?days=0");
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^days:/);
  });
});

describe("POST /api/v1/projects/{slug}/describe", () => {
  it("says no LLM provider is configured (409) and queues nothing", async () => {
    delete process.env.OLLAMA_HOST;
    resetEnvironmentCache();
    const answer = await callRoute(queueDescribe, { method: "POST", cookie: world.memberA.cookie, params: { slug: "alpha" }, body: { limit: 5 } });
    expect(answer.status).toBe(409);
    expect(answer.body.error).toEqual({ code: "not_configured:llm", message: expect.stringMatching(/no LLM provider is configured/) });
  });

  it("queues a describe job for the worker, which stores the model's description beside the pattern's own", async () => {
    process.env.OLLAMA_HOST = ollama.baseUrl;
    resetEnvironmentCache();
    const pattern = await createTestPattern(world.keyA, { project: "alpha", name: "send_mail", code: "def send_mail(user):\n    return smtp.send(user.email)\n", language: "python" });
    expect((await callRoute(queueDescribe, { method: "POST", cookie: world.viewerA.cookie, params: { slug: "alpha" }, body: {} })).status).toBe(403);
    const queued = await callRoute(queueDescribe, { method: "POST", cookie: world.memberA.cookie, params: { slug: "alpha" }, body: { limit: 5 } });
    expect(queued.status).toBe(202);
    expect(queued.body).toMatchObject({ created: true, job: { job_type: "describe", status: "queued" } });
    const [outcome] = await drainJobs({ database: api.database, embedder: createBuiltinProvider() });
    expect(outcome).toMatchObject({ status: "succeeded", result: { described: 1, local: 1, commercial: 0, cost_usd: 0 } });
    const details = await callRoute(getPattern, { bearer: world.keyA, params: { id: pattern.id } });
    expect(details.body.pattern).toMatchObject({
      name: "send_mail", llm_name: "send_mail Helper", extraction_method: "local_llm", extraction_model: "ollama:qwen2.5-coder:7b", llm_kind_verdict: "not_applicable",
    });
    const [usage] = await asService(api.database, (transaction) => transaction.query(`select input_tokens, output_tokens, job_id from public.model_usage where provider = 'ollama' and succeeded`));
    expect(usage).toEqual({ input_tokens: 410, output_tokens: 52, job_id: queued.body.job.id });
  });
});
