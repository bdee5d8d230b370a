import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import type { Database } from "@/lib/db";
import { summarize, type LatencySummary } from "./latency";
import { processCpuMs } from "./process-cpu";

const client = path.join(import.meta.dirname, "load-client.mjs");

/** What a load stage cost in CPU, per request, by process, and what that allows on this machine. */
export interface LoadCost {
  /** CPU ms per request in the server process (Node: HTTP, auth, embedding, JSON; PGlite too, embedded). */
  server_ms: number;
  /** CPU ms per request in the Postgres backends of the bench database (real Postgres only). */
  database_ms: number;
  /** CPU ms per request in the load generator's process. */
  client_ms: number;
  /** The share of the machine's cores the stage's processes got: their CPU over wall time x cores. */
  share_of_cores: number;
  /**
   * Requests/s these costs would allow with every core of this machine to themselves: the
   * cores over the whole request's CPU, and no more than one core over the server's (Node
   * runs JavaScript on one thread).
   */
  ceiling_requests_per_s: number;
}

/** Results of one load stage. */
export interface LoadResult {
  requestsPerSecond: number;
  latency: LatencySummary;
  cpu: LoadCost;
  /** Every request's latency, when asked for (keepDurations). */
  durations_ms?: number[];
}

async function backendCpu(database: Database | undefined): Promise<Map<number, number>> {
  if (database?.driver !== "postgres") return new Map();
  // Client backends only: an autovacuum worker on the bench database (after the recall stage's
  // counter updates) would otherwise count its whole run into whichever stage first sees it.
  // The backend that runs this query is counted too: the pool may run it on another connection
  // after the stage than before, and a backend left out of the first count and seen in the
  // second was counted from zero, its whole life (the recall stage's exact scans included),
  // which put ~2 ms of database CPU per request on the floor's empty route.
  const rows = await database.query<{ pid: number }>(
    `select pid from pg_catalog.pg_stat_activity where datname = current_database() and backend_type = 'client backend'`);
  const times = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      times.set(pid, processCpuMs(pid));
    } catch {
      // The backend ended in between (or runs on another machine): nothing to count.
    }
  }
  return times;
}

async function databaseCpuSince(database: Database | undefined, before: Map<number, number>): Promise<number> {
  let total = 0;
  for (const [pid, after] of await backendCpu(database)) total += after - (before.get(pid) ?? 0);
  return total;
}

function costOf({ requests, seconds, serverMs, databaseMs, clientMs }: { requests: number; seconds: number; serverMs: number; databaseMs: number; clientMs: number }): LoadCost {
  const perRequest = (ms: number) => Math.round((ms / requests) * 1000) / 1000;
  const cores = os.cpus().length;
  const total = serverMs + databaseMs + clientMs;
  return {
    server_ms: perRequest(serverMs),
    database_ms: perRequest(databaseMs),
    client_ms: perRequest(clientMs),
    share_of_cores: Math.round((total / (seconds * 1000 * cores)) * 100) / 100,
    ceiling_requests_per_s: Math.round(Math.min((cores * 1000 * requests) / total, (1000 * requests) / serverMs)),
  };
}

function runClient(input: unknown): Promise<{ durations_ms: number[]; seconds: number; failures: string[]; cpu_ms: number; pid: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [client], { stdio: ["pipe", "pipe", "inherit"] });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`the load client exited with ${code}`));
      resolve({ ...JSON.parse(Buffer.concat(chunks).toString("utf8")), pid: child.pid! });
    });
    child.stdin.end(JSON.stringify(input));
  });
}

/**
 * Sends `bodies` (JSON texts) to `url` from a client process of its own with `concurrency`
 * requests in flight, and measures requests/s, latency and the CPU each side spent.
 */
export async function loadOverHttp(options: {
  url: string;
  apiKey: string;
  bodies: readonly string[];
  concurrency: number;
  rounds?: number;
  /** The database the server uses: its Postgres backends' CPU is counted (real Postgres). */
  database?: Database;
  keepDurations?: boolean;
}): Promise<LoadResult> {
  const headers = { "content-type": "application/json", authorization: `Bearer ${options.apiKey}` };
  const beforeBackends = await backendCpu(options.database);
  const beforeServer = process.cpuUsage();
  const run = await runClient({ url: options.url, headers, bodies: options.bodies, concurrency: options.concurrency, rounds: options.rounds ?? 1 });
  const server = process.cpuUsage(beforeServer);
  const databaseMs = await databaseCpuSince(options.database, beforeBackends);
  if (run.failures.length > 0) throw new Error(`requests failed: ${run.failures.join(" | ")}`);
  const requests = run.durations_ms.length;
  return {
    requestsPerSecond: Math.round((requests / run.seconds) * 10) / 10,
    latency: summarize(run.durations_ms),
    cpu: costOf({ requests, seconds: run.seconds, serverMs: (server.user + server.system) / 1000, databaseMs, clientMs: run.cpu_ms }),
    ...(options.keepDurations ? { durations_ms: run.durations_ms } : {}),
  };
}

/**
 * Runs `task` over `inputs` in this process with `concurrency` in flight (no HTTP), measuring
 * requests/s, latency and CPU as loadOverHttp does (the client's share is then the server's).
 */
export async function loadInProcess<Input>(options: {
  inputs: readonly Input[];
  concurrency: number;
  task: (input: Input) => Promise<unknown>;
  database?: Database;
}): Promise<LoadResult> {
  const beforeBackends = await backendCpu(options.database);
  const beforeServer = process.cpuUsage();
  const durations: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < options.inputs.length) {
      const input = options.inputs[next++];
      const begun = performance.now();
      await options.task(input);
      durations.push(performance.now() - begun);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  const server = process.cpuUsage(beforeServer);
  const databaseMs = await databaseCpuSince(options.database, beforeBackends);
  return {
    requestsPerSecond: Math.round((durations.length / seconds) * 10) / 10,
    latency: summarize(durations),
    cpu: costOf({ requests: durations.length, seconds, serverMs: (server.user + server.system) / 1000, databaseMs, clientMs: 0 }),
  };
}
