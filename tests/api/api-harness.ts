import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Database } from "@/lib/db";
import { resetEnvironmentCache } from "@/lib/env";
import { createTestDatabase } from "@/tests/support/test-database";


/** A response with its parsed JSON body. */
// Tests read many different bodies; `any` keeps each assertion short.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface ApiAnswer<Body = any> {
  status: number;
  body: Body;
  headers: Headers;
}

/** How a test request is sent: who calls (bearer or cookie), what body, which route params. */
export interface CallOptions {
  method?: string;
  url?: string;
  body?: unknown;
  rawBody?: string;
  bearer?: string;
  cookie?: string;
  params?: Record<string, string>;
  headers?: Record<string, string>;
}

/**
 * Calls an exported route handler with a real Request, as Next.js would, and reads the JSON
 * answer. Route params arrive as a promise, exactly as in Next.js 16.
 */
export async function callRoute<Params extends Record<string, string>>(
  handler: (request: Request, context: { params: Promise<Params> }) => Promise<Response>,
  options: CallOptions = {},
): Promise<ApiAnswer> {
  const headers = new Headers();
  if (options.body !== undefined || options.rawBody !== undefined) headers.set("content-type", "application/json");
  if (options.bearer) headers.set("authorization", `Bearer ${options.bearer}`);
  if (options.cookie) headers.set("cookie", options.cookie);
  for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
  const request = new Request(options.url ?? "http://localhost:3000/api/v1/test", {
    method: options.method ?? "GET",
    headers,
    body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  // A missing param reaches the handler as undefined, as a wrong route would deliver it.
  const response = await handler(request, { params: Promise.resolve((options.params ?? {}) as Params) });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

/**
 * Gives the route handlers a fresh in-memory database with the real migrations and a fresh
 * data dir (for the JWT secret). Handlers reach the database through `getDatabase()`, which
 * returns whatever promise sits on `globalThis.motifDatabase`.
 */
export async function useTestApi(): Promise<{ database: Database; dataDir: string; close: () => Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "motif-api-"));
  process.env.MOTIF_DATA_DIR = dataDir;
  delete process.env.DATABASE_URL;
  resetEnvironmentCache();
  const database = await createTestDatabase().catch((error: unknown) => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  (globalThis as { motifDatabase?: Promise<Database> }).motifDatabase = Promise.resolve(database);
  return {
    database,
    dataDir,
    close: async () => {
      (globalThis as { motifDatabase?: Promise<Database> }).motifDatabase = undefined;
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
