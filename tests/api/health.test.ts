import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { asService, listMigrations } from "@/lib/db";
import { resetEnvironmentCache } from "@/lib/env";
import { writeOperatorToken } from "@/lib/operator";
import { realPostgresLane } from "@/tests/support/real-postgres";
import { useTestApi } from "./api-harness";

let api: Awaited<ReturnType<typeof useTestApi>>;
let operatorToken: string;

const health = async (bearer?: string) => {
  const response = await GET(new Request("http://localhost:3000/api/health", { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} }));
  return { status: response.status, body: await response.json() };
};

describe("GET /api/health", () => {
  beforeAll(async () => {
    api = await useTestApi();
    operatorToken = writeOperatorToken(api.dataDir);
  });
  afterAll(() => api.close());

  it("tells an anonymous caller only that Motif is up", async () => {
    expect(await health()).toEqual({ status: 200, body: { status: "up" } });
    expect(await health("not-a-token")).toEqual({ status: 200, body: { status: "up" } });
  });

  it("gives an operator every check: database, migrations, embedder, job queue, accuracy", async () => {
    const { status, body } = await health(operatorToken);
    expect(status).toBe(200);
    // The real-Postgres lane's schema came from `supabase db push`, which records migrations only.
    const expected = (await listMigrations({ embedded: !realPostgresLane })).map((migration) => migration.version).sort();
    expect(body).toMatchObject({ status: "ok", mode: "embedded" });
    expect(Object.keys(body.checks).sort()).toEqual(["accuracy", "database", "embedder", "job_queue", "migrations"]);
    expect(body.checks.database).toMatchObject({ status: "ok", pgvector: expect.stringMatching(/^0\.8\./) });
    expect(body.checks.migrations).toEqual({ status: "ok", applied: expected, pending: [] });
    expect(body.checks.embedder).toMatchObject({ status: "ok", model: "motif-builtin-v4" });
    expect(body.checks.job_queue).toEqual({ status: "ok", queued: 0, running: 0, oldest_queued_seconds: 0 });
  });

  it("is degraded, saying why, when a runnable job has waited past five minutes", async () => {
    const [project] = await asService(api.database, (transaction) =>
      transaction.query<{ id: string }>(`insert into public.projects (name, slug) values ('Lag', 'lag') returning id`));
    await asService(api.database, (transaction) => transaction.query(
      `insert into public.jobs (project_id, job_type, payload, created_at, run_after) values ($1, 'reembed', '{}', now() - interval '10 minutes', now() - interval '10 minutes')`, [project.id]));
    const { status, body } = await health(operatorToken);
    expect(status).toBe(200);
    expect(body.status).toBe("degraded");
    expect(body.checks.job_queue).toMatchObject({ status: "degraded", queued: 1, message: expect.stringMatching(/^a job has waited 6\d\d s/) });
    await asService(api.database, (transaction) => transaction.query(`delete from public.jobs`));
  });

  it("checks the configured LLM providers: one that answers is ok, one that does not degrades Motif", async () => {
    const ollama = http.createServer((request, response) => {
      response.writeHead(request.url === "/api/tags" ? 200 : 404, { "content-type": "application/json" }).end('{"models":[]}');
    });
    await new Promise<void>((resolve) => ollama.listen(0, "127.0.0.1", resolve));
    const { port } = ollama.address() as AddressInfo;
    try {
      process.env.OLLAMA_HOST = `http://127.0.0.1:${port}`;
      resetEnvironmentCache();
      expect((await health(operatorToken)).body.checks.llm_ollama).toEqual({ status: "ok" });
      process.env.OLLAMA_HOST = `http://127.0.0.1:${port}/missing`;
      resetEnvironmentCache();
      const { body } = await health(operatorToken);
      expect(body.checks.llm_ollama).toEqual({ status: "degraded", message: `http://127.0.0.1:${port}/missing/api/tags answered 404` });
      expect(body.status).toBe("degraded");
    } finally {
      delete process.env.OLLAMA_HOST;
      resetEnvironmentCache();
      ollama.close();
    }
  });

  it("answers 503 down when the database cannot answer, with the reason for an operator only", async () => {
    const globals = globalThis as { motifDatabase?: Promise<unknown> };
    const working = globals.motifDatabase;
    globals.motifDatabase = Promise.reject(new Error("database is gone"));
    globals.motifDatabase.catch(() => {});
    try {
      expect(await health()).toEqual({ status: 503, body: { status: "down" } });
      const detailed = await health(operatorToken);
      expect(detailed.status).toBe(503);
      expect(detailed.body.checks.database).toEqual({ status: "down", message: "the database cannot answer" });
    } finally {
      globals.motifDatabase = working;
    }
  });
});
