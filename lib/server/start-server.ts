import http from "node:http";
import next from "next";
import { advertiseLockUrl, getDatabase, motifHome, startEmbeddedMaintenance } from "@/lib/db";
import { getEnvironment } from "@/lib/env";
import { ensureBuild } from "./ensure-build";
import { createFunctionGateway } from "./function-gateway";
import { writeOperatorToken } from "@/lib/operator";

/** Options of `motif serve`. */
export interface ServeOptions {
  port: number;
  hostname: string;
}

// Where the Deno functions reach this server: the loopback interface unless it listens elsewhere only.
function loopbackUrl(options: ServeOptions): string {
  const local = ["0.0.0.0", "::", "localhost", "127.0.0.1"].includes(options.hostname);
  return `http://${local ? "127.0.0.1" : options.hostname}:${options.port}`;
}

/**
 * Starts the production web app in this process. The database is opened (and, embedded,
 * the data-dir lock taken) before the first request, so a second server is refused at once;
 * the app's route handlers reuse this same database through `getDatabase()`.
 */
export async function startServer(options: ServeOptions): Promise<http.Server> {
  const home = motifHome();
  const environment = getEnvironment();
  const url = `http://${options.hostname === "0.0.0.0" ? "localhost" : options.hostname}:${options.port}`;
  const database = await getDatabase({ command: "motif serve", url, serving: true });
  // Background jobs run here: embedded, this process owns the data dir; on Supabase, every
  // server (and any `motif worker`) shares the queue.
  const { describeWorkerEvent, jobOwnerId, startJobWorker } = await import("@/lib/jobs");
  const { createEmbeddingProvider } = await import("@/lib/embed");
  const { gitHubJobHandlers } = await import("@/lib/github");
  const worker = startJobWorker({
    database, embedder: createEmbeddingProvider(), handlers: gitHubJobHandlers,
    onEvent: (event) => { const line = describeWorkerEvent(event); if (line) process.stderr.write(`motif: ${line}\n`); },
    onError: (error) => process.stderr.write(`motif: job worker: ${error.message}\n`),
  });
  const gateway = createFunctionGateway({
    home, database, embedded: environment.mode === "embedded", serverUrl: loopbackUrl(options), jobOwner: jobOwnerId(),
    environment: environment.DATABASE_URL ? { SUPABASE_DB_URL: environment.DATABASE_URL } : {},
    onLog: (line) => process.stderr.write(`motif: ${line}\n`),
  });
  // Deno loads while the app builds and starts, so the first invocation finds it ready.
  gateway.start();
  await ensureBuild(home);
  const app = next({ dev: false, dir: home, hostname: options.hostname, port: options.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  let lastRequestAt = performance.now();
  const server = http.createServer((request, response) => {
    lastRequestAt = performance.now();
    if (!gateway.handle(request, response)) void handle(request, response);
  });
  // Embedded Postgres has no autovacuum: this process does its work (Supabase runs its own).
  const maintenance = environment.mode === "embedded"
    ? startEmbeddedMaintenance({
      database, lastRequestAt: () => lastRequestAt,
      onLog: (line) => process.stderr.write(`motif: ${line}\n`),
      onError: (error) => process.stderr.write(`motif: maintenance: ${error.message}\n`),
    })
    : undefined;
  server.once("close", () => void Promise.all([worker.stop(), maintenance?.stop(), gateway.stop()]));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.hostname, resolve);
  });
  if (environment.mode === "embedded") {
    advertiseLockUrl(environment.dataDir, url);
    writeOperatorToken(environment.dataDir);
  }
  const pool = environment.mode === "embedded" ? (await database.query<{ shared_buffers: string }>(`show shared_buffers`))[0].shared_buffers : undefined;
  process.stderr.write(`motif: ${environment.mode} mode, data in ${environment.mode === "embedded" ? `${environment.dataDir} (buffer pool ${pool})` : "DATABASE_URL"}\n`);
  process.stderr.write(`motif: ready on ${url}\n`);
  return server;
}
