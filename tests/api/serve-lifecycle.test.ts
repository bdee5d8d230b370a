import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPgliteDatabase } from "@/lib/db";
import { realPostgresLane } from "@/tests/support/real-postgres";
import { readSse } from "@/tests/support/sse-reader";
import type { ApiAnswer } from "./api-harness";

// One real `motif serve` (the production build) on the user's Motif home, driven as a user, an
// agent, the CLI and an operator would: the CLI from other folders lands in the dashboard's
// data, MCP answers over HTTP and stdio, /metrics passes promtool and moves, a backup taken
// while it serves restores, and SIGTERM under load exits in time with the lock released.
const repository = path.resolve(import.meta.dirname, "../..");
const motif = path.join(repository, "bin/motif");
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), "motif-serve-"));
const home = path.join(workspace, "home");
const motifHome = path.join(home, ".motif");
const port = 42010;
const base = `http://127.0.0.1:${port}`;
const metricsToken = "serve-lifecycle-metrics-token";
const intent = "retry a flaky http call with exponential backoff";

/** The environment of a user with no MOTIF_DATA_DIR: everything goes to $HOME/.motif. */
function userEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, MOTIF_METRICS_TOKEN: metricsToken };
  for (const name of ["MOTIF_DATA_DIR", "DATABASE_URL", "MOTIF_API_KEY", "OLLAMA_HOST", "OPENAI_API_KEY", "ANTHROPIC_API_KEY"]) delete env[name];
  return { ...env, ...extra };
}

function cli(args: string[], cwd: string, extra: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [motif, ...args], { cwd, encoding: "utf8", env: userEnvironment(extra), timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

let server: ChildProcess;
let serverLog = "";
let cookie = "";

/**
 * One request on its own connection: a kept-alive connection the server closes after its 5 s
 * idle timeout (the CLI steps take longer) would race the next request on it.
 */
function call(pathname: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}) {
  return new Promise<ApiAnswer>((resolve, reject) => {
    const request = http.request(`${base}${pathname}`, { method: init.method ?? "GET", agent: false, headers: { "content-type": "application/json", cookie, ...init.headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const text = Buffer.concat(chunks).toString();
        resolve({ status: response.statusCode ?? 0, body: text ? JSON.parse(text) : undefined, headers: new Headers(response.headers as Record<string, string>) });
      });
    });
    request.on("error", reject);
    request.end(init.body);
  });
}

// Its own folder, removed whatever happened (the lane of real Postgres skips the suite).
afterAll(() => fs.rmSync(workspace, { recursive: true, force: true }));

// About the embedded Motif home and its server process: nothing here runs on the real-Postgres lane.
describe.skipIf(realPostgresLane)("motif serve on the Motif home", { timeout: 180_000 }, () => {
  beforeAll(async () => {
    fs.mkdirSync(home, { recursive: true });
    fs.cpSync(path.join(repository, "tests/fixtures/repos/python-service"), path.join(workspace, "repo-a", "service"), { recursive: true });
    fs.mkdirSync(path.join(workspace, "elsewhere"));
    server = spawn(process.execPath, [motif, "serve", "--port", String(port), "--hostname", "127.0.0.1"], { cwd: workspace, env: userEnvironment(), stdio: ["ignore", "ignore", "pipe"] });
    await new Promise<void>((resolve, reject) => {
      server.stderr!.on("data", (chunk: Buffer) => {
        serverLog += chunk.toString();
        if (serverLog.includes("ready on")) resolve();
      });
      server.once("exit", (code) => reject(new Error(`motif serve exited with ${code}: ${serverLog}`)));
    });
    const signUp = await call("/api/v1/auth/sign-up", { method: "POST", body: JSON.stringify({ email: "ops@example.com", password: "correct horse battery" }) });
    cookie = (signUp.headers.get("set-cookie") ?? "").split(";")[0];
    expect((await call("/api/v1/projects", { method: "POST", body: JSON.stringify({ name: "Shop", slug: "shop" }) })).status).toBe(201);
  }, 300_000);
  afterAll(() => {
    if (server.exitCode === null) server.kill("SIGKILL");
  });

  it("announces the Motif home it created under $HOME", () => {
    expect(serverLog).toContain(`created the Motif home ${motifHome}`);
    expect(fs.existsSync(path.join(motifHome, "pgdata"))).toBe(true);
  });

  it("lands `motif ingest` run from another folder in the dashboard's data", async () => {
    const ingest = cli(["ingest", "service", "--project", "shop", "--jobs", "1"], path.join(workspace, "repo-a"));
    expect(ingest.stderr).toBe("");
    expect(ingest.status).toBe(0);
    const listed = await call("/api/v1/patterns?project=shop&limit=100");
    expect(listed.status).toBe(200);
    expect(listed.body.patterns.length).toBeGreaterThan(5);
    const projects = cli(["projects", "--json"], path.join(workspace, "elsewhere"));
    expect(JSON.parse(projects.stdout).projects.map((project: { slug: string }) => project.slug)).toEqual(["shop"]);
  });

  it("answers MCP over HTTP with an API key, and over stdio through the server, with the HTTP API's matches", async () => {
    const key = (await call("/api/v1/projects/shop/api-keys", { method: "POST", body: JSON.stringify({ name: "agent", role: "member" }) })).body.key;
    const viaHttp = (await call("/api/v1/patterns/match", { method: "POST", headers: { authorization: `Bearer ${key}` }, body: JSON.stringify({ intent, limit: 3 }) })).body;
    const ids = (answer: { matched_patterns: { pattern_id: string }[] }) => answer.matched_patterns.map((pattern) => pattern.pattern_id);

    const overHttp = new Client({ name: "test", version: "1.0.0" });
    await overHttp.connect(new StreamableHTTPClientTransport(new URL(`${base}/api/mcp`), { requestInit: { headers: { authorization: `Bearer ${key}` } } }));
    const httpResult = await overHttp.callTool({ name: "search_patterns", arguments: { intent, limit: 3 } });
    expect(ids(JSON.parse((httpResult.content as { text: string }[])[0].text))).toEqual(ids(viaHttp));
    await overHttp.close();

    const overStdio = new Client({ name: "test", version: "1.0.0" });
    await overStdio.connect(new StdioClientTransport({ command: process.execPath, args: [motif, "mcp", "--project", "shop"], cwd: path.join(workspace, "elsewhere"), env: userEnvironment() as Record<string, string>, stderr: "pipe" }));
    const stdioResult = await overStdio.callTool({ name: "search_patterns", arguments: { intent, limit: 3 } });
    expect(ids(JSON.parse((stdioResult.content as { text: string }[])[0].text))).toEqual(ids(viaHttp));
    await overStdio.close();

    const outsider = new Client({ name: "test", version: "1.0.0" });
    await expect(outsider.connect(new StreamableHTTPClientTransport(new URL(`${base}/api/mcp`), { requestInit: { headers: { authorization: "Bearer motif_revoked-or-never-issued" } } })))
      .rejects.toMatchObject({ code: 401 });
  });

  it("serves /metrics to the metrics token only; promtool passes it, and request and match series move", async () => {
    expect((await fetch(`${base}/metrics`)).status).toBe(401);
    const scrape = async () => (await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } })).text();
    const series = (text: string, name: string) => Number(text.split("\n").find((line) => line.startsWith(`${name} `))?.split(" ")[1] ?? 0);
    const matchRoute = 'motif_http_request_duration_seconds_count{method="POST",route="/api/v1/patterns/match",status="200"}';
    const before = await scrape();
    for (let round = 0; round < 4; round++) await call("/api/v1/patterns/match", { method: "POST", body: JSON.stringify({ project: "shop", intent }) });
    const after = await scrape();
    expect(series(after, matchRoute) - series(before, matchRoute)).toBe(4);
    expect(series(after, "motif_match_duration_seconds_count") - series(before, "motif_match_duration_seconds_count")).toBe(4);
    const check = spawnSync("promtool", ["check", "metrics"], { input: after, encoding: "utf8" });
    expect(`${check.stdout}${check.stderr}`).toBe("");
    expect(check.status).toBe(0);
  });

  it("backs up while serving, stops on SIGTERM under load within 10 s with the lock released, and the backup restores the same patterns, events and users", async () => {
    const eventsBefore = (await call("/api/v1/projects/shop/events?limit=500")).body.events.length;
    const backup = cli(["db", "backup", path.join(workspace, "shop.tar.gz")], path.join(workspace, "elsewhere"));
    expect(backup.stderr).toBe("");
    expect(backup.status).toBe(0);

    // Load: an open event stream, a match whose body is still arriving (so it is surely in
    // flight when the signal comes: the server has its headers, not yet its body), and a burst
    // of matches; SIGTERM once the first of the burst has been answered.
    const feed = await fetch(`${base}/api/v1/projects/shop/events/stream`, { headers: { cookie } });
    const reader = readSse(feed.body!);
    await reader.waitForComment("subscribed");
    const slowBody = JSON.stringify({ project: "shop", intent, limit: 3 });
    let finishSlowMatch = () => {};
    const slow = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request(`${base}/api/v1/patterns/match`, {
        method: "POST", agent: false, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(slowBody), cookie },
      }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      });
      request.on("error", reject);
      request.write(slowBody.slice(0, 10));
      finishSlowMatch = () => request.end(slowBody.slice(10));
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const burst = Array.from({ length: 24 }, () =>
      fetch(`${base}/api/v1/patterns/match`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify({ project: "shop", intent, limit: 20 }) })
        .then(async (response) => {
          await response.arrayBuffer();
          return response.status;
        }, (error: Error & { cause?: { code?: string } }) => `${error.cause?.code ?? error.message}`));
    await Promise.race(burst);
    const exited = new Promise<number | null>((resolve) => server.once("exit", (code) => resolve(code)));
    const signalledAt = performance.now();
    server.kill("SIGTERM");
    // The rest of the slow match's body arrives after the signal: the stop must wait for it.
    setTimeout(() => finishSlowMatch(), 1_000);
    const code = await exited;
    const seconds = (performance.now() - signalledAt) / 1000;
    const statuses = await Promise.all(burst);
    const slowAnswer = await slow;
    await reader.ended;

    expect(code).toBe(0);
    expect(seconds).toBeLessThanOrEqual(10);
    expect(fs.existsSync(path.join(motifHome, "motif.lock"))).toBe(false);
    // The request in flight was answered in full after the signal.
    expect(slowAnswer.status, serverLog).toBe(200);
    expect(JSON.parse(slowAnswer.body).matched_patterns[0].kind).toBe("retry_backoff");
    expect(seconds).toBeGreaterThanOrEqual(1);
    // Every other request was answered (200), or, not read yet when the stop began, refused
    // (503) or its connection closed unanswered: never failed (5xx).
    expect(serverLog).toMatch(/stopping: 1 event streams ended, \d+ requests in flight answered/);
    expect(statuses.filter((status) => ![200, 503, "UND_ERR_SOCKET", "ECONNRESET", "ECONNREFUSED"].includes(status)), JSON.stringify(statuses)).toEqual([]);
    // The CLI opens the data dir itself now (it used to find a dead server holding the lock).
    expect(cli(["projects"], path.join(workspace, "elsewhere")).status).toBe(0);

    const restoredDir = path.join(workspace, "restored");
    const restore = cli(["db", "restore", path.join(workspace, "shop.tar.gz"), "--yes"], workspace, { MOTIF_DATA_DIR: restoredDir });
    expect(restore.stderr).toBe("");
    expect(restore.status).toBe(0);
    const read = async (dataDir: string) => {
      const database = await openPgliteDatabase(path.join(dataDir, "pgdata"));
      try {
        return {
          patterns: await database.query(`select id, name, fingerprint, version, code from public.patterns order by id`),
          users: await database.query(`select id, email, encrypted_password from auth.users order by id`),
          events: await database.query<{ id: number }>(`select id, event_type, pattern_id, event_data from public.pattern_events order by id`),
          members: await database.query(`select project_id, user_id, role from public.project_members order by user_id`),
        };
      } finally {
        await database.close();
      }
    };
    const [original, restored] = [await read(motifHome), await read(restoredDir)];
    expect(restored.patterns.length).toBeGreaterThan(5);
    expect(restored.patterns).toEqual(original.patterns);
    expect(restored.users).toEqual(original.users);
    expect(restored.members).toEqual(original.members);
    expect(restored.events.length).toBeGreaterThanOrEqual(eventsBefore);
    const lastBackedUp = Number(restored.events.at(-1)!.id);
    expect(restored.events).toEqual(original.events.filter((event) => Number(event.id) <= lastBackedUp));
  });
});
