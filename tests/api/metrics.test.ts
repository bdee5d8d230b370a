import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as metrics } from "@/app/metrics/route";
import { POST as match } from "@/app/api/v1/patterns/match/route";
import { POST as createProject } from "@/app/api/v1/projects/route";
import { GET as streamEvents } from "@/app/api/v1/projects/[slug]/events/stream/route";
import { asService } from "@/lib/db";
import { createBuiltinProvider } from "@/lib/embed";
import { resetEnvironmentCache } from "@/lib/env";
import { ingestExtraction } from "@/lib/ingest";
import { writeOperatorToken } from "@/lib/operator";
import { sampleExtraction } from "@/tests/db/support/ingest-fixture";
import { readSse } from "@/tests/support/sse-reader";
import { signUpAccount, type TestAccount } from "./accounts";
import { useTestApi } from "./api-harness";

const token = "metrics-token-for-tests-0123456789";
let api: Awaited<ReturnType<typeof useTestApi>>;
let alice: TestAccount;
let projectId: string;

async function scrape(bearer = token): Promise<{ status: number; text: string; contentType: string | null }> {
  const response = await metrics(new Request("http://localhost:3000/metrics", { headers: { authorization: `Bearer ${bearer}` } }), { params: Promise.resolve({}) });
  return { status: response.status, text: await response.text(), contentType: response.headers.get("content-type") };
}

/** The value of one sample (`name{labels} value`) in a scrape; 0 when it is absent. */
function sample(text: string, series: string): number {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

beforeAll(async () => {
  process.env.MOTIF_METRICS_TOKEN = token;
  api = await useTestApi();
  alice = await signUpAccount("alice@example.com");
  await createProject(new Request("http://localhost:3000/api/v1/projects", {
    method: "POST", headers: { cookie: alice.cookie, "content-type": "application/json" }, body: JSON.stringify({ name: "Shop", slug: "shop" }),
  }), { params: Promise.resolve({}) });
  [{ id: projectId }] = await asService(api.database, (transaction) => transaction.query<{ id: string }>(`select id from public.projects where slug = 'shop'`));
});
afterAll(async () => {
  delete process.env.MOTIF_METRICS_TOKEN;
  resetEnvironmentCache();
  await api.close();
});

describe("GET /metrics", () => {
  it("refuses a scraper without the metrics token", async () => {
    expect((await scrape("wrong-token-wrong-token-wrong")).status).toBe(401);
    const anonymous = await metrics(new Request("http://localhost:3000/metrics"), { params: Promise.resolve({}) });
    expect(anonymous.status).toBe(401);
  });

  it("lets the data dir's operator token in too (a local look)", async () => {
    expect((await scrape(writeOperatorToken(api.dataDir))).status).toBe(200);
  });

  it("passes promtool check metrics", async () => {
    await ingestExtraction({ database: api.database, claims: "service_role", projectId, result: sampleExtraction(), embedder: createBuiltinProvider() });
    const { status, text, contentType } = await scrape();
    expect(status).toBe(200);
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    const check = spawnSync("promtool", ["check", "metrics"], { input: text, encoding: "utf8" });
    expect(check.error).toBeUndefined();
    expect(`${check.stdout}${check.stderr}`).toBe("");
    expect(check.status).toBe(0);
  });

  it("moves with matches, ingests, jobs, open feeds and database work", async () => {
    const before = (await scrape()).text;
    for (let round = 0; round < 3; round++) {
      const answer = await match(new Request("http://localhost:3000/api/v1/patterns/match", {
        method: "POST", headers: { cookie: alice.cookie, "content-type": "application/json" }, body: JSON.stringify({ project: "shop", intent: "retry with backoff" }),
      }), { params: Promise.resolve({}) });
      expect(answer.status).toBe(200);
    }
    await ingestExtraction({ database: api.database, claims: "service_role", projectId, result: sampleExtraction(), embedder: createBuiltinProvider() });
    await asService(api.database, (transaction) => transaction.query(`insert into public.jobs (project_id, job_type, payload, created_at, run_after) values ($1, 'reembed', '{}', now() - interval '90 seconds', now() - interval '90 seconds')`, [projectId]));
    const abort = new AbortController();
    const stream = await streamEvents(new Request("http://localhost:3000/api/v1/projects/shop/events/stream", { headers: { cookie: alice.cookie }, signal: abort.signal }), { params: Promise.resolve({ slug: "shop" }) });
    const reader = readSse(stream.body!);
    await reader.waitForComment("subscribed");
    const after = (await scrape()).text;
    abort.abort();
    await reader.ended;

    expect(sample(after, "motif_match_duration_seconds_count") - sample(before, "motif_match_duration_seconds_count")).toBe(3);
    expect(sample(after, 'motif_ingest_duration_seconds_count{outcome="succeeded"}') - sample(before, 'motif_ingest_duration_seconds_count{outcome="succeeded"}')).toBe(1);
    const unchanged = 'motif_ingest_patterns_total{result="unchanged"}';
    expect(sample(after, unchanged) - sample(before, unchanged)).toBe(sampleExtraction().patterns.length);
    expect(sample(after, "motif_ingest_files_total")).toBeGreaterThan(sample(before, "motif_ingest_files_total"));
    expect(sample(after, 'motif_job_queue_depth{status="queued"}')).toBe(1);
    expect(sample(after, "motif_job_queue_oldest_age_seconds")).toBeGreaterThanOrEqual(90);
    expect(sample(after, "motif_feed_subscribers")).toBe(1);
    expect(sample(before, "motif_feed_subscribers")).toBe(0);
    const waits = `motif_database_wait_seconds_count{driver="${api.database.driver}"}`;
    expect(sample(after, waits)).toBeGreaterThan(sample(before, waits));
  });
});
