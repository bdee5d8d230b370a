// Feed latency: from the write of a pattern_events row (the writer's transaction starting, so
// INSERT and COMMIT are inside the figure) to the event arriving in an SSE client, through
// the real route handler over real HTTP: a Node reader, 20 viewers (distinct users) at once, a 200-row burst,
// and Chromium's EventSource. Figures go to stdout and tests/bench/results/feed.json.
// Usage: npm run bench:feed [-- --events 200]
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { GET as streamEvents } from "@/app/api/v1/projects/[slug]/events/stream/route";
import { POST as createProject } from "@/app/api/v1/projects/route";
import { migrate, openPgliteDatabase, withUser, type Database, type JwtClaims } from "@/lib/db";
import { resetEnvironmentCache } from "@/lib/env";
import { joinProject, signUpAccount, type TestAccount } from "@/tests/api/accounts";
import { callRoute } from "@/tests/api/api-harness";
import { readSse, type SseReader } from "@/tests/support/sse-reader";
import { measureBrowser } from "./support/browser-feed-client";
import { latencyStats, type LatencyStats } from "./support/latency-stats";
import { startRouteServer } from "./support/route-server";

const eventCount = Number(process.argv[process.argv.indexOf("--events") + 1]) || 200;
const fanoutClients = 20;
const fanoutEvents = 50;
const burstRows = 200;
const slug = "bench-feed";
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A writer: inserts events as a project member, under RLS, like any API write. */
function eventWriter(database: Database, account: TestAccount, projectId: string) {
  const claims: JwtClaims = { role: "authenticated", sub: account.id, email: account.email };
  return async (rows = 1): Promise<number[]> => {
    const inserted = await withUser(database, claims, (transaction) =>
      transaction.query<{ id: number }>(
        `insert into public.pattern_events (project_id, event_type, event_data)
         select $1, 'pattern.used', jsonb_build_object('n', n) from generate_series(1, $2::int) n returning id`,
        [projectId, rows],
      ),
    );
    return inserted.map((row) => Number(row.id));
  };
}

async function openReader(url: string, account: TestAccount): Promise<SseReader> {
  const response = await fetch(`${url}/api/v1/projects/${slug}/events/stream`, { headers: { cookie: account.cookie } });
  if (response.status !== 200) throw new Error(`stream answered ${response.status}`);
  const reader = readSse(response.body!);
  await reader.waitForComment("subscribed", 10_000);
  return reader;
}

const receivedAt = (reader: SseReader, id: number) => reader.messages.find((message) => Number(message.id) === id)?.receivedAt;

async function waitFor(readers: SseReader[], id: number, timeoutMs = 5_000): Promise<number[]> {
  const started = Date.now();
  for (;;) {
    const times = readers.map((reader) => receivedAt(reader, id));
    if (times.every((time) => time !== undefined)) return times as number[];
    if (Date.now() - started > timeoutMs) throw new Error(`event ${id} did not arrive within ${timeoutMs} ms`);
    await sleep(1); // arrival times are stamped by the reader, not by this loop
  }
}

/** Writes `count` events one after another; each sample is the slowest reader's latency. */
async function measureSequential(write: (rows?: number) => Promise<number[]>, readers: SseReader[], count: number) {
  const samples: number[] = [];
  for (let index = 0; index < count + 5; index += 1) {
    const started = now();
    const [id] = await write();
    const times = await waitFor(readers, id);
    if (index >= 5) samples.push(Math.max(...times) - started); // the first 5 warm up
    await sleep(Math.random() * 5);
  }
  return latencyStats(samples);
}

async function measureBurst(write: (rows?: number) => Promise<number[]>, reader: SseReader) {
  const started = now();
  const ids = await write(burstRows);
  const committed = now() - started;
  const times = await Promise.all(ids.map((id) => waitFor([reader], id, 10_000)));
  return { rows: burstRows, write_ms: Math.round(committed), last_received_ms: Math.round(Math.max(...times.flat()) - started) };
}

async function openBenchDatabase(): Promise<{ database: Database; dataDir: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "motif-feed-bench-"));
  process.env.MOTIF_DATA_DIR = dataDir;
  delete process.env.DATABASE_URL;
  resetEnvironmentCache();
  // A data dir on disk, as `motif serve` runs, rather than memory://.
  const database = await openPgliteDatabase(path.join(dataDir, "pgdata"));
  await migrate(database, { embedded: true });
  (globalThis as { motifDatabase?: Promise<Database> }).motifDatabase = Promise.resolve(database);
  return { database, dataDir };
}

function printStats(label: string, stats: LatencyStats) {
  console.log(`${label.padEnd(34)} n=${stats.count}  p50 ${stats.p50} ms  p95 ${stats.p95} ms  p99 ${stats.p99} ms  max ${stats.max} ms`);
}

async function main() {
  const { database, dataDir } = await openBenchDatabase();
  const server = await startRouteServer([
    { path: "/api/v1/projects/:slug/events/stream", handler: streamEvents },
    { path: "/", handler: async () => new Response("<!doctype html><title>feed bench</title>", { headers: { "content-type": "text/html" } }) },
  ]);
  try {
    const owner = await signUpAccount("bench-owner@example.com");
    const member = await signUpAccount("bench-member@example.com");
    const created = await callRoute(createProject, { method: "POST", cookie: owner.cookie, body: { name: "Feed bench", slug } });
    await joinProject({ admin: owner, slug, account: member, role: "member" });
    const write = eventWriter(database, owner, created.body.project.id);

    const single = await openReader(server.url, member);
    const node = await measureSequential(write, [single], eventCount);
    printStats("node SSE client", node);
    const burst = await measureBurst(write, single);
    console.log(`burst of ${burst.rows} rows in one commit     write ${burst.write_ms} ms, last event received ${burst.last_received_ms} ms`);
    await single.close();

    // Distinct people, as in a team: each stream re-reads every event under its own RLS.
    const viewers = [];
    for (let index = 0; index < fanoutClients; index += 1) {
      const viewer = await signUpAccount(`bench-viewer-${index}@example.com`);
      await joinProject({ admin: owner, slug, account: viewer, role: "viewer" });
      viewers.push(viewer);
    }
    const many = await Promise.all(viewers.map((viewer) => openReader(server.url, viewer)));
    const fanout = await measureSequential(write, many, fanoutEvents);
    printStats(`${fanoutClients} viewers at once (slowest)`, fanout);
    await Promise.all(many.map((reader) => reader.close()));

    const browser = await measureBrowser({ url: server.url, slug, account: member, write, count: eventCount });
    if (browser) printStats("chromium EventSource", browser);
    else console.log("chromium EventSource               skipped (no Chromium at /usr/bin/chromium or CHROMIUM_PATH)");

    const report = {
      date: new Date().toISOString(),
      machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? "", node: process.version, loadAverage: os.loadavg().slice(0, 2).map((value) => Math.round(value * 100) / 100) },
      measure: "ms from the writer's transaction starting (INSERT + COMMIT included) to the event received by the client",
      target: { p95_ms: 1000 },
      node_sse: node,
      fanout: { clients: fanoutClients, distinct_users: true, measure: "slowest of the clients per event", ...fanout },
      burst,
      browser_sse: browser ?? null,
      target_met: (browser ?? node).p95 <= 1000,
    };
    fs.mkdirSync("tests/bench/results", { recursive: true });
    fs.writeFileSync("tests/bench/results/feed.json", `${JSON.stringify(report, null, 2)}\n`);
    console.log(`target p95 <= 1000 ms in a browser: ${report.target_met ? "met" : "NOT met"}; wrote tests/bench/results/feed.json`);
  } finally {
    await server.close();
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
