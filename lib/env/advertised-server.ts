import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { isProcessAlive } from "./lock-owner";

/** A running `motif serve` as it advertises itself in the data dir. */
export interface AdvertisedServer {
  pid: number;
  url: string;
}

/**
 * Names the database a process works on without its credentials: "embedded", or a hash of
 * DATABASE_URL's protocol, user, host and database (the password left out), so that files kept
 * per database under the data dir never mix two databases.
 */
export function databaseIdentity(environment: { DATABASE_URL?: string }): string {
  if (!environment.DATABASE_URL) return "embedded";
  const url = new URL(environment.DATABASE_URL);
  const database = `${url.protocol}//${url.username}@${url.host}${url.pathname}`;
  return createHash("sha256").update(database).digest("hex").slice(0, 16);
}

const fileOf = (dataDir: string, identity: string) => path.join(dataDir, `motif-server-${identity}.json`);

/**
 * Says where this process (`motif serve` in DATABASE_URL mode, where no data-dir lock names it)
 * answers, for the CLI on this machine and the same database (`motif ingest` sends its changes
 * there). Removed when the process exits; a file whose process is gone is ignored.
 */
export function advertiseServer(dataDir: string, identity: string, url: string): void {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = fileOf(dataDir, identity);
  fs.writeFileSync(file, JSON.stringify({ pid: process.pid, url } satisfies AdvertisedServer), { mode: 0o600 });
  process.once("exit", () => {
    if (readAdvertisedServer(dataDir, identity)?.pid === process.pid) fs.rmSync(file, { force: true });
  });
}

/** The `motif serve` on this database that advertised itself in the data dir, if it still runs. */
export function readAdvertisedServer(dataDir: string, identity: string): AdvertisedServer | undefined {
  try {
    const server = JSON.parse(fs.readFileSync(fileOf(dataDir, identity), "utf8")) as AdvertisedServer;
    return typeof server.url === "string" && Number.isInteger(server.pid) && isProcessAlive(server.pid) ? server : undefined;
  } catch {
    return undefined;
  }
}
