import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";

const repository = path.resolve(import.meta.dirname, "../..");

/** A `motif serve` child process on a fresh embedded data dir. */
export interface ServedMotif {
  url: string;
  dataDir: string;
  /** The server's process id (the Deno functions run as its child). */
  pid: number;
  /** Every line the server wrote to stderr so far. */
  log: string[];
  stop: () => Promise<void>;
}

/**
 * Starts `node bin/motif serve` (on `port`, or a free one) (building the app first if needed) on a fresh data dir and
 * resolves once it is ready and, when `waitForFunctions`, once Deno serves the functions.
 */
// A port nobody listens on now: several suites (the embedded run and the real-Postgres lane)
// may serve at once, so a fixed port would collide.
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function serveMotif(options: { port?: number; waitForFunctions?: boolean; timeoutMs?: number; databaseUrl?: string } = {}): Promise<ServedMotif> {
  const port = options.port ?? (await freePort());
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "motif-serve-"));
  const environment: NodeJS.ProcessEnv = { ...process.env, MOTIF_DATA_DIR: dataDir };
  delete environment.DATABASE_URL;
  delete environment.SUPABASE_DB_URL;
  // DATABASE_URL mode when given (the database must be migrated already).
  if (options.databaseUrl) environment.DATABASE_URL = options.databaseUrl;
  const child = spawn(process.execPath, ["bin/motif", "serve", "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: repository,
    env: environment,
    stdio: ["ignore", "inherit", "pipe"],
  });
  const log: string[] = [];
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    child.kill("SIGTERM");
    await exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const wanted = options.waitForFunctions === false ? [/ready on /] : [/ready on /, /edge functions served by Deno/];
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`motif serve did not get ready in time:\n${log.join("\n")}`)), options.timeoutMs ?? 600_000);
    readline.createInterface({ input: child.stderr! }).on("line", (line) => {
      log.push(line);
      if (!wanted.every((pattern) => log.some((seen) => pattern.test(seen)))) return;
      clearTimeout(timer);
      resolve();
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`motif serve exited (${code}):\n${log.join("\n")}`));
    });
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { url: `http://127.0.0.1:${port}`, dataDir, pid: child.pid!, log, stop };
}
