import http from "node:http";
import next from "next";
import { advertiseLockUrl, getDatabase, motifHome, startEmbeddedMaintenance, type Database } from "@/lib/db";
import { clientAddressHeader } from "@/lib/auth";
import { advertiseServer, databaseIdentity, getEnvironment, readOperatorToken } from "@/lib/env";
import { writeOperatorToken } from "@/lib/operator";
import { ensureBuild } from "./ensure-build";
import { createFunctionGateway } from "./function-gateway";
import { builtRouteMatcher, observeRequest } from "./request-metrics";
import { createRequestTracker } from "./request-tracker";
import { stopServer } from "./stop-server";

/** Options of `motif serve`. */
export interface ServeOptions {
  port: number;
  hostname: string;
}

/** A started `motif serve`: its address, and the one way to stop it cleanly. */
export interface RunningServer {
  url: string;
  server: http.Server;
  /** Stops accepting, ends streams, lets requests finish, stops jobs and functions, closes the database. */
  stop: () => Promise<void>;
}

const log = (line: string) => process.stderr.write(`motif: ${line}\n`);

// Where the Deno functions reach this server: the loopback interface unless it listens elsewhere only.
function loopbackUrl(options: ServeOptions): string {
  const local = ["0.0.0.0", "::", "localhost", "127.0.0.1"].includes(options.hostname);
  return `http://${local ? "127.0.0.1" : options.hostname}:${options.port}`;
}

async function startBackgroundWork(database: Database, lastRequestAt: () => number) {
  // Background jobs run here: embedded, this process owns the data dir; on Supabase, every
  // server (and any `motif worker`) shares the queue.
  const { describeWorkerEvent, startJobWorker } = await import("@/lib/jobs");
  const { createEmbeddingProvider } = await import("@/lib/embed");
  const { gitHubJobHandlers } = await import("@/lib/github");
  const worker = startJobWorker({
    database, embedder: createEmbeddingProvider(), handlers: gitHubJobHandlers,
    onEvent: (event) => { const line = describeWorkerEvent(event); if (line) log(line); },
    onError: (error) => log(`job worker: ${error.message}`),
  });
  // Embedded Postgres has no autovacuum: this process does its work (Supabase runs its own).
  const maintenance = database.driver === "pglite"
    ? startEmbeddedMaintenance({ database, lastRequestAt, onLog: log, onError: (error) => log(`maintenance: ${error.message}`) })
    : undefined;
  return maintenance ? [worker, maintenance] : [worker];
}

// The app's route handlers keep the repositories' memories (their module state, not this
// file's): asked over HTTP, they build them in the background for the most recent repositories.
function warmRepositoryMemories(serverUrl: string, dataDir: string): void {
  const token = readOperatorToken(dataDir);
  if (!token) return;
  fetch(`${serverUrl}/api/operator/warm-memory`, { method: "POST", headers: { authorization: `Bearer ${token}` } })
    .then((response) => { if (response.status !== 202) log(`repository memories not built (${response.status})`); })
    .catch((error: Error) => log(`repository memories not built (${error.message})`));
}

function refuseWhileStopping(response: http.ServerResponse): void {
  response.writeHead(503, { "content-type": "application/json", connection: "close", "retry-after": "5" });
  response.end(JSON.stringify({ error: { code: "unavailable:server", message: "the server is shutting down" } }));
}

/**
 * Starts the production web app in this process. The database is opened (and, embedded,
 * the data-dir lock taken) before the first request, so a second server is refused at once;
 * the app's route handlers reuse this same database through `getDatabase()`.
 */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const home = motifHome();
  const environment = getEnvironment();
  const url = `http://${options.hostname === "0.0.0.0" ? "localhost" : options.hostname}:${options.port}`;
  const database = await getDatabase({ command: "motif serve", url, serving: true });
  let lastRequestAt = performance.now();
  const background = await startBackgroundWork(database, () => lastRequestAt);
  const { jobOwnerId } = await import("@/lib/jobs");
  const gateway = createFunctionGateway({
    home, database, embedded: environment.mode === "embedded", serverUrl: loopbackUrl(options), jobOwner: jobOwnerId(),
    environment: environment.DATABASE_URL ? { SUPABASE_DB_URL: environment.DATABASE_URL } : {},
    onLog: log,
  });
  // Deno loads while the app builds and starts, so the first invocation finds it ready.
  gateway.start();
  await ensureBuild(home);
  const app = next({ dev: false, dir: home, hostname: options.hostname, port: options.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const requests = createRequestTracker();
  const routeOf = builtRouteMatcher(home);
  let stopping: Promise<void> | undefined;
  const server = http.createServer((request, response) => {
    // A kept-alive connection may still bring a request after the stop began: it is refused.
    if (stopping) return refuseWhileStopping(response);
    lastRequestAt = performance.now();
    // The peer's address, for the rate limits: set here from the socket, so no client can forge it.
    request.headers[clientAddressHeader] = request.socket.remoteAddress ?? "";
    requests.track(request, response);
    observeRequest(routeOf, request, response);
    if (!gateway.handle(request, response)) void handle(request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.hostname, resolve);
  });
  if (environment.mode === "embedded") advertiseLockUrl(environment.dataDir, url);
  // DATABASE_URL: no lock names this server; a file per database does, for the CLI on this machine.
  else advertiseServer(environment.dataDir, databaseIdentity(environment), url);
  writeOperatorToken(environment.dataDir);
  const pool = environment.mode === "embedded" ? (await database.query<{ shared_buffers: string }>(`show shared_buffers`))[0].shared_buffers : undefined;
  log(`${environment.mode} mode, data in ${environment.mode === "embedded" ? `${environment.dataDir} (buffer pool ${pool})` : "DATABASE_URL"}`);
  log(`ready on ${url}`);
  warmRepositoryMemories(loopbackUrl(options), environment.dataDir);
  const stop = () => (stopping ??= stopServer({ server, requests, background: [...background, gateway], database, log }));
  return { url, server, stop };
}
