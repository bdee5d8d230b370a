import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getJob } from "@/app/api/v1/projects/[slug]/jobs/[jobId]/route";
import { GET as listJobs, POST as queueJob } from "@/app/api/v1/projects/[slug]/jobs/route";
import { POST as extract } from "@/app/api/v1/extract/route";
import { asService } from "@/lib/db";
import { createBuiltinProvider } from "@/lib/embed";
import { drainJobs } from "@/lib/jobs";
import { callRoute, useTestApi } from "./api-harness";
import { buildPatternWorld, type PatternWorld } from "./pattern-world";

let api: Awaited<ReturnType<typeof useTestApi>>;
let world: PatternWorld;

const retryModule = {
  path: "net/retry.py",
  content: `import random
import time


def call_with_backoff(operation, attempts=5, base=0.1):
    """Call operation, waiting longer after each failure, with jitter."""
    for attempt in range(attempts):
        try:
            return operation()
        except ConnectionError:
            if attempt == attempts - 1:
                raise
            time.sleep(base * 2 ** attempt + random.random() * base)


class Registry:
    """Named handlers, called in the order they registered."""

    def __init__(self):
        self.handlers = {}

    def register(self, name, handler):
        self.handlers.setdefault(name, []).append(handler)
        return handler

    def fire(self, name, *args):
        for handler in self.handlers.get(name, []):
            handler(*args)
`,
};

const queue = (bearer: string | undefined, body: unknown, slug = "alpha") => callRoute(queueJob, { method: "POST", bearer, params: { slug }, body });
const list = (bearer: string | undefined, query = "", slug = "alpha") =>
  callRoute(listJobs, { bearer, params: { slug }, url: `http://localhost:3000/api/v1/projects/${slug}/jobs${query}` });

/** Makes the project's patterns look embedded by another model, as after a provider change. */
async function embeddedElsewhere(): Promise<number> {
  const rows = await asService(api.database, (transaction) =>
    transaction.query<{ id: string }>(
      `update public.patterns set embedding_model = 'previous-model' where project_id = (select id from public.projects where slug = 'alpha') returning id`,
    ),
  );
  return rows.length;
}

beforeAll(async () => {
  api = await useTestApi();
  world = await buildPatternWorld();
  const ingested = await callRoute(extract, { method: "POST", bearer: world.memberA.token, body: { project: "alpha", files: [retryModule] } });
  if (ingested.status !== 200) throw new Error(JSON.stringify(ingested.body));
});
afterAll(() => api.close());

describe("POST /api/v1/projects/[slug]/jobs", () => {
  it("queues nothing when every pattern is embedded with the configured model", async () => {
    const answer = await queue(world.memberA.token, { job_type: "reembed" });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ state: "current", model: createBuiltinProvider().id, patterns: 0 });
    expect((await list(world.memberA.token)).body.jobs.filter((job: { job_type: string }) => job.job_type === "reembed")).toEqual([]);
  });

  it("queues one re-embedding after a provider change, returns the active job to a second request, and the worker runs it", async () => {
    const stale = await embeddedElsewhere();
    expect(stale).toBeGreaterThan(0);
    const first = await queue(world.memberA.token, { job_type: "reembed" });
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ state: "queued", patterns: stale, created: true, job: { job_type: "reembed", status: "queued" } });
    const again = await queue(world.keyA, { job_type: "reembed" });
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({ created: false, job: { id: first.body.job.id } });

    const queued = await list(world.viewerA.token, "?status=queued,running");
    expect(queued.status).toBe(200);
    expect(queued.body.jobs.map((job: { id: string }) => job.id)).toEqual([first.body.job.id]);

    const [outcome] = await drainJobs({ database: api.database, embedder: createBuiltinProvider() });
    expect(outcome.status).toBe("succeeded");
    const done = await callRoute(getJob, { bearer: world.viewerKeyA, params: { slug: "alpha", jobId: first.body.job.id } });
    expect(done.status).toBe(200);
    expect(done.body.job).toMatchObject({ id: first.body.job.id, status: "succeeded", attempts: 1, progress: { fraction: 1, processed: stale, total: stale } });
    expect(done.body.job.finished_at).not.toBeNull();
    expect((await list(world.memberA.token, "?status=queued")).body.jobs).toEqual([]);
  });

  it("lists the ingest that filled the project too, newest first", async () => {
    const answer = await list(world.memberA.token, "?limit=5");
    expect(answer.body.jobs.map((job: { job_type: string }) => job.job_type)).toEqual(["reembed", "ingest"]);
    expect(answer.body.jobs[1]).toMatchObject({ status: "succeeded", progress: { fraction: 1 } });
  });
});

describe("who may see and queue jobs", () => {
  it("lets viewers read but not queue, and shows outsiders and anonymous callers nothing", async () => {
    await embeddedElsewhere();
    const viewer = await queue(world.viewerA.token, { job_type: "reembed" });
    expect(viewer.status).toBe(403);
    expect(viewer.body.error).toEqual({ code: "forbidden:auth", message: "viewers cannot queue jobs; ask a project admin for the member role" });
    expect((await queue(world.viewerKeyA, { job_type: "reembed" })).status).toBe(403);

    const outsider = await list(world.adminB.token);
    expect(outsider.status).toBe(404);
    expect((await queue(world.keyB, { job_type: "reembed" })).status).toBe(404);
    const [someJob] = (await list(world.memberA.token)).body.jobs;
    expect((await callRoute(getJob, { bearer: world.adminB.token, params: { slug: "alpha", jobId: someJob.id } })).status).toBe(404);
    // Project B's own listing never holds A's jobs.
    expect((await list(world.adminB.token, "", "beta")).body.jobs).toEqual([]);

    expect((await list(undefined)).status).toBe(401);
    expect((await queue(undefined, { job_type: "reembed" })).status).toBe(401);
  });
});

describe("bad requests", () => {
  it("names the field that is wrong", async () => {
    const wrongType = await queue(world.memberA.token, { job_type: "ingest" });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.message).toMatch(/job_type/);
    const wrongStatus = await list(world.memberA.token, "?status=done");
    expect(wrongStatus.status).toBe(400);
    expect(wrongStatus.body.error.message).toMatch(/status/);
    const wrongLimit = await list(world.memberA.token, "?limit=0");
    expect(wrongLimit.status).toBe(400);
    expect(wrongLimit.body.error.message).toMatch(/limit/);
    const wrongId = await callRoute(getJob, { bearer: world.memberA.token, params: { slug: "alpha", jobId: "42" } });
    expect(wrongId.status).toBe(400);
    expect(wrongId.body.error.message).toMatch(/jobId/);
    const missing = await callRoute(getJob, { bearer: world.memberA.token, params: { slug: "alpha", jobId: "00000000-0000-4000-8000-000000000000" } });
    expect(missing.status).toBe(404);
  });
});
