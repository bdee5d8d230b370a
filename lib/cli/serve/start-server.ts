import http from "node:http";
import next from "next";
import { advertiseLockUrl, getDatabase, motifHome, startEmbeddedMaintenance } from "@/lib/db";
import { getEnvironment } from "@/lib/env";
import { ensureBuild } from "./ensure-build";
import { writeOperatorToken } from "@/lib/operator";

/** Options of `motif serve`. */
export interface ServeOptions {
  port: number;
  hostname: string;
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
  const { describeWorkerEvent, startJobWorker } = await import("@/lib/jobs");
  const { createEmbeddingProvider } = await import("@/lib/embed");
  const worker = startJobWorker({
    database, embedder: createEmbeddingProvider(),
    onEvent: (event) => { const line = describeWorkerEvent(event); if (line) process.stderr.write(`motif: ${line}\n`); },
    onError: (error) => process.stderr.write(`motif: job worker: ${error.message}\n`),
  });
  await ensureBuild(home);
  const app = next({ dev: false, dir: home, hostname: options.hostname, port: options.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  let lastRequestAt = performance.now();
  const server = http.createServer((request, response) => {
    lastRequestAt = performance.now();
    void handle(request, response);
  });
  // Embedded Postgres has no autovacuum: this process does its work (Supabase runs its own).
  const maintenance = environment.mode === "embedded"
    ? startEmbeddedMaintenance({
      database, lastRequestAt: () => lastRequestAt,
      onLog: (line) => process.stderr.write(`motif: ${line}\n`),
      onError: (error) => process.stderr.write(`motif: maintenance: ${error.message}\n`),
    })
    : undefined;
  server.once("close", () => void Promise.all([worker.stop(), maintenance?.stop()]));
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
